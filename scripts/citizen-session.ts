// A citizen's session over the real API, as the portal front end and a person would get one:
// log in; if the account does not exist yet (or is not activated), register, follow the
// activation link from the mail catcher, and log in. For development and benchmarks only: it reads
// mails from the mail catcher (`/__sim/mails`), which exists only where no real SMTP server is used.

export interface CitizenSessionOptions {
  apiUrl: string;
  /** The mail catcher's HTTP side, e.g. http://127.0.0.1:4402 under `npm start`. */
  mailUrl: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

async function post(apiUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(path, apiUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) as Record<string, unknown> : {} };
}

async function mailCount(mailUrl: string, email: string): Promise<{ text: string }[]> {
  const response = await fetch(new URL(`/__sim/mails?to=${encodeURIComponent(email)}`, mailUrl));
  return ((await response.json()) as { mails: { text: string }[] }).mails;
}

/** Answers a bearer token for the account of `email`, opening and activating it first if needed. */
export async function citizenSession(options: CitizenSessionOptions): Promise<string> {
  const { apiUrl, mailUrl, email, password } = options;
  const login = () => post(apiUrl, '/sessions', { email, password }, options.headers);
  const first = await login();
  if (first.status === 201) return first.body.token as string;
  if (first.status !== 401 && first.status !== 403) throw new Error(`login answered ${first.status}: ${JSON.stringify(first.body)}`);

  const before = (await mailCount(mailUrl, email)).length;
  const registered = await post(apiUrl, '/accounts', { firstName: options.firstName, lastName: options.lastName, email, password }, options.headers);
  if (registered.status !== 202) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  let token: string | undefined;
  while (!token) {
    if (Date.now() > until) throw new Error(`no activation mail for ${email} (wrong password for an existing account?)`);
    const mails = (await mailCount(mailUrl, email)).slice(before);
    token = mails.map((mail) => /\/konto\/aktivieren\?token=(gpl_[\w-]+)/.exec(mail.text)?.[1]).find(Boolean);
    if (!token) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const activated = await post(apiUrl, '/accounts/activation', { token });
  if (activated.status !== 204) throw new Error(`activation answered ${activated.status}: ${JSON.stringify(activated.body)}`);
  const second = await login();
  if (second.status !== 201) throw new Error(`login answered ${second.status}: ${JSON.stringify(second.body)}`);
  return second.body.token as string;
}
