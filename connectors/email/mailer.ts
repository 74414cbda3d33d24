import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail; a refused or failed delivery throws, so the caller can try again later. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * E-mail through SMTP (nodemailer). `url` is e.g. `smtp://127.0.0.1:4025` or
 * `smtps://user:password@mail.example.ch:465`; the password belongs in the environment, never in
 * the database or a log.
 */
export function createSmtpMailer(settings: { url: string; from: string; timeoutMs?: number }): Mailer {
  const timeout = settings.timeoutMs ?? 15_000;
  // The URL carries host, port, security and credentials; the options add what a URL cannot.
  const url = new URL(settings.url);
  url.searchParams.set('connectionTimeout', String(timeout));
  url.searchParams.set('greetingTimeout', String(timeout));
  url.searchParams.set('socketTimeout', String(timeout));
  const transport = nodemailer.createTransport(url.href, { disableFileAccess: true, disableUrlAccess: true });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
    },
    close: () => transport.close(),
  };
}
