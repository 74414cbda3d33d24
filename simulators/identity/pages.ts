/**
 * The provider's pages, in German: login, logout, notices and errors. Plain HTML with one inline
 * stylesheet and, on the automatic logout only, one inline script; the Content-Security-Policy
 * allows exactly those by hash and nothing else.
 */
import { createHash } from 'node:crypto';

export type HtmlPage = {
  readonly html: string;
  /** Response headers every page carries, the policy included. */
  readonly headers: Readonly<Record<string, string>>;
};

/** The login form's contract, for the browser tests and the page itself. */
export const LOGIN_FORM = {
  usernameField: 'username',
  passwordField: 'password',
  submitButton: 'Anmelden',
  failedMessage: 'Die Anmeldung ist fehlgeschlagen. Benutzername oder Passwort ist falsch.',
  incompleteMessage: 'Bitte geben Sie Benutzername und Passwort ein.',
} as const;

export type LoginPageState = {
  /** Where the form posts to: the interaction's URL. */
  readonly action: string;
  readonly username?: string;
  readonly error?: 'failed' | 'incomplete';
};

const SITE = 'Personalverzeichnis (Entwicklung)';

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#eef0f3}
main{box-sizing:border-box;max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #b8bcc2;border-radius:.5rem}
h1{margin-top:0;font-size:1.6rem}
label{display:block;margin-top:1rem;font-weight:600}
input{display:block;box-sizing:border-box;width:100%;margin-top:.25rem;padding:.5rem .6rem;font:inherit;color:inherit;background:#fff;border:1px solid #5c5f63;border-radius:.25rem}
input[aria-invalid=true]{border:2px solid #a4001d}
button{margin:1.5rem .5rem 0 0;padding:.6rem 1.2rem;font:inherit;font-weight:600;color:#fff;background:#0b4f9c;border:2px solid #0b4f9c;border-radius:.25rem;cursor:pointer}
button:hover{background:#083b75;border-color:#083b75}
button.secondary{color:#0b4f9c;background:#fff}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}
.error{margin:1rem 0;padding:.75rem 1rem;background:#fdecee;border-left:.35rem solid #a4001d}
.error p{margin:0}
.note{margin-top:2rem;font-size:.875rem;color:#45484c}
code{font-size:.95em}
`;

export function loginPage(state: LoginPageState): HtmlPage {
  const message = state.error === undefined
    ? undefined
    : state.error === 'failed' ? LOGIN_FORM.failedMessage : LOGIN_FORM.incompleteMessage;
  const invalid = message === undefined ? '' : ' aria-invalid="true" aria-describedby="login-error"';
  const errorBox = message === undefined
    ? ''
    : `<div class="error" id="login-error" role="alert"><p>${escapeHtml(message)}</p></div>\n`;
  return page(
    message === undefined ? 'Anmelden' : 'Fehler: Anmelden',
    `<h1>Anmelden</h1>
<p>Melden Sie sich mit Ihrem Benutzerkonto der Gemeindeverwaltung an.</p>
${errorBox}<form method="post" action="${escapeHtml(state.action)}">
<label for="username">Benutzername</label>
<input id="username" name="${LOGIN_FORM.usernameField}" type="text" value="${escapeHtml(state.username ?? '')}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus${invalid}>
<label for="password">Passwort</label>
<input id="password" name="${LOGIN_FORM.passwordField}" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">${LOGIN_FORM.submitButton}</button>
</form>
<p class="note">Entwicklungsumgebung: nur Testkonten, keine echten Personendaten.</p>`,
  );
}

/**
 * The logout page around oidc-provider's form (`id="op.logoutForm"`, holding the CSRF token).
 * When a registered application sent the staff member here, the page submits itself: the
 * application already asked.
 */
export function logoutPage(form: string, { automatic }: { readonly automatic: boolean }): HtmlPage {
  const logoutButton = '<button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout">Abmelden</button>';
  if (automatic) {
    return page('Abmelden', `<h1>Abmelden</h1>
<p>Sie werden abgemeldet.</p>
${form}
${logoutButton}`, "document.getElementById('logout').click();");
  }
  return page('Abmelden', `<h1>Abmelden</h1>
<p>Möchten Sie sich vom ${SITE} abmelden?</p>
${form}
${logoutButton}
<button type="submit" form="op.logoutForm" class="secondary">Angemeldet bleiben</button>`);
}

export function noticePage(title: string, text: string): HtmlPage {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}

/** An OAuth error the provider cannot send back to the application, e.g. an unknown redirect URI. */
export function errorPage(error: string, description: string | undefined): HtmlPage {
  const detail = description === undefined ? '' : `<p>${escapeHtml(description)}</p>\n`;
  return page('Fehler: Anmeldung nicht möglich', `<h1>Anmeldung nicht möglich</h1>
<p>Die Anfrage der Anwendung konnte nicht verarbeitet werden. Bitte starten Sie die Anmeldung in der Anwendung erneut.</p>
<p>Fehlercode: <code>${escapeHtml(error)}</code></p>
${detail}`);
}

function page(title: string, body: string, script?: string): HtmlPage {
  const scriptTag = script === undefined ? '' : `\n<script>${script}</script>`;
  const scriptSource = script === undefined ? "'none'" : `'sha256-${sha256(script)}'`;
  return {
    html: `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${SITE}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>${scriptTag}
</body>
</html>
`,
    // No form-action: browsers apply it to the redirects after the login's POST as well, and
    // those end at the application's redirect URI.
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; script-src ${scriptSource}; base-uri 'none'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
const STYLE_HASH = sha256(STYLE);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
