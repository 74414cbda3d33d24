/**
 * The links in account mails point at the portal's front end (PORTAL_PUBLIC_URL), which is not
 * ours: its pages read `token` from the address and post it to the API, e.g. the page
 * /konto/aktivieren posts it to `POST /accounts/activation`. Tokens never travel in an API URL,
 * so they stay out of access logs.
 */
export const ACCOUNT_PAGES = {
  activation: 'konto/aktivieren',
  passwordReset: 'konto/passwort-zuruecksetzen',
  forgotPassword: 'konto/passwort-vergessen',
  emailChange: 'konto/email-bestaetigen',
  deletion: 'konto/loeschung-bestaetigen',
  login: 'konto/anmelden',
} as const;

export function pageLink(publicUrl: string, page: string, token?: string): string {
  const url = new URL(page, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  if (token) url.searchParams.set('token', token);
  return url.href;
}
