import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}

export interface MailCatcher {
  /** Where the platform sends mail: `smtp://host:port`. */
  smtpUrl: string;
  /** The catcher's HTTP side: `GET /__sim/mails?to=`, `DELETE /__sim/mails`, `POST /__sim/faults`. */
  url: string;
  close(): Promise<void>;
}

/**
 * The SMTP server of development and tests: it accepts every mail on the loopback interface, keeps
 * it in memory and shows it over HTTP, so that tests read mails and follow their links as a person
 * would. Faults like a real mail server: `POST /__sim/faults {"refuseNext": n}` answers the next n
 * mails with a temporary failure (451), `{"holdAll": true}` refuses until lifted.
 */
export async function startMailCatcher(options: { smtpPort: number; httpPort: number; host?: string }): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const mails: CaughtMail[] = [];
  const faults = { refuseNext: 0, holdAll: false };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        if (faults.holdAll || faults.refuseNext > 0) {
          if (faults.refuseNext > 0) faults.refuseNext -= 1;
          const refusal = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 });
          callback(refusal);
          return;
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : null,
          receivedAt: new Date().toISOString(),
        });
        callback();
      }, (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => resolve());
  });

  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://catcher');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/__sim/mails' && request.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return json(200, { mails: to ? mails.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : mails });
    }
    if (url.pathname === '/__sim/mails' && request.method === 'DELETE') {
      mails.length = 0;
      return json(200, { mails: [] });
    }
    if (url.pathname === '/__sim/faults' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      request.on('end', () => {
        try {
          const wanted = JSON.parse(body || '{}') as { refuseNext?: unknown; holdAll?: unknown };
          faults.refuseNext = typeof wanted.refuseNext === 'number' ? wanted.refuseNext : 0;
          faults.holdAll = wanted.holdAll === true;
          json(200, faults);
        } catch {
          json(400, { error: 'body must be JSON' });
        }
      });
      return undefined;
    }
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => http.listen(options.httpPort, host, resolve));

  const smtpAddress = (smtp as unknown as { server: Server }).server.address() as AddressInfo;
  const httpAddress = http.address() as AddressInfo;
  return {
    smtpUrl: `smtp://${host}:${smtpAddress.port}`,
    url: `http://${host}:${httpAddress.port}`,
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
