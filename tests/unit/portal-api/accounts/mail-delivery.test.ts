import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../../../../connectors/email/mailer.ts';
import { createAccountMailDelivery } from '../../../../portal-api/accounts/mail-delivery.ts';

function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
  return { logger, lines };
}

function flakyMailer(failures: number): Mailer & { sent: OutgoingMail[] } {
  let left = failures;
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      if (left > 0) {
        left -= 1;
        throw new Error('451 Mailbox temporarily unavailable');
      }
      sent.push(mail);
    },
    close: () => undefined,
  };
}

const MAIL = { subject: 'Gemeindeportal: Passwort zurücksetzen', text: 'Link: https://portal.example/konto/passwort-zuruecksetzen?token=gpl_secret' };

describe('account mail delivery', () => {
  it('when the mail server refuses at first, then the mail is tried again and delivered once', async () => {
    const mailer = flakyMailer(2);
    const { logger } = capturingLogger();
    const send = createAccountMailDelivery({ mailer, logger, retryDelaysMs: [5, 5, 5] });
    send('rita@buerger.example', MAIL, 'password-reset');
    await send.idle();
    expect(mailer.sent).toEqual([{ to: 'rita@buerger.example', ...MAIL }]);
  });

  it('when it keeps refusing, then it gives up and logs the kind of mail, never the address or the link', async () => {
    const mailer = flakyMailer(10);
    const { logger, lines } = capturingLogger();
    const send = createAccountMailDelivery({ mailer, logger, retryDelaysMs: [5, 5] });
    send('rita@buerger.example', MAIL, 'password-reset');
    await send.idle();
    expect(mailer.sent).toEqual([]);
    const log = lines.join('\n');
    expect(log).toContain('account mail not delivered');
    expect(log).toContain('password-reset');
    expect(log).not.toContain('rita');
    expect(log).not.toContain('gpl_');
  });
});
