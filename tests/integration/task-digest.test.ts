/**
 * New and assigned tasks reach clerks by e-mail as one digest, not one mail per task (issue 5).
 * The platform sends through SMTP to the test's mail catcher; the digest runs every 1.5 s here.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from './support/http.ts';
import { callTasklist, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
interface Mail { to: string[]; subject: string; text: string }

const SANDRA = 'sandra.meier@aarau.example';
const LUKAS = 'lukas.brunner@aarau.example';
const BEAT = 'beat.keller@baden.example';
const DIGEST_EVERY_MS = 1500;

let sandra: string;
let lukasId: string;

beforeAll(async () => {
  sandra = await staffSessionCookie('sandra.meier');
  const lukas = await staffSessionCookie('lukas.brunner');
  await staffSessionCookie('beat.keller');
  lukasId = (await callTasklist<Body>(lukas, 'GET', '/tasklist/api/me')).body.id;
});

async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(new URL(`/__sim/mails?to=${encodeURIComponent(address)}`, inject('mailUrl')));
  return ((await response.json()) as { mails: Mail[] }).mails;
}

async function mailFaults(faults: { holdAll?: boolean }): Promise<void> {
  await fetch(new URL('/__sim/faults', inject('mailUrl')), { method: 'POST', body: JSON.stringify(faults) });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mentioning = (mails: Mail[], taskKey: string) => mails.filter((mail) => mail.text.includes(`aufgabe=${taskKey}`));

/** Sandra writes an internal task; its key once it is in her list (`view`), or undefined when it is not hers to see. */
async function internalTask(body: Body, view?: 'mine' | 'unassigned'): Promise<string | undefined> {
  const created = await callTasklist<Body>(sandra, 'POST', '/tasklist/api/internal-tasks', body);
  expect(created.status).toBe(201);
  if (!view) return undefined;
  const task = await eventually(async () => {
    const { body: list } = await callTasklist<Body>(sandra, 'GET', `/tasklist/api/tasks?view=${view}`);
    return (list.tasks as Body[]).find((candidate) => candidate.name === body.title);
  }, `"${body.title}" listed`);
  return task.taskKey as string;
}

describe('task digests by e-mail', () => {
  it('when several tasks arrive while the mail server refuses, then the group gets them in one digest once it is back, each named once', async () => {
    await mailFaults({ holdAll: true });
    const keys: string[] = [];
    try {
      for (const title of ['Akten ordnen', 'Statistik prüfen', 'Postfach leeren']) {
        keys.push(await internalTask({ title, candidateGroup: '4001-einwohnerkontrolle' }, 'unassigned') as string);
      }
      // Digest runs are refused meanwhile: nothing arrives, and nothing may be recorded as told.
      await pause(DIGEST_EVERY_MS * 2);
      for (const key of keys) expect(mentioning(await mailsTo(LUKAS), key)).toEqual([]);
    } finally {
      await mailFaults({});
    }
    const digest = await eventually(async () => {
      const all = await mailsTo(LUKAS);
      return all.find((mail) => keys.every((key) => mail.text.includes(`aufgabe=${key}`)));
    }, 'one digest naming all three tasks');
    expect(digest.subject).toMatch(/^Gemeindeportal: \d+ neue Aufgaben?/);
    expect(digest.text).toContain('Guten Tag Lukas Brunner');
    expect(digest.text).toContain('Neu für Ihre Gruppen:');
    expect(digest.text).toContain('Interne Aufgabe: Akten ordnen');

    await pause(DIGEST_EVERY_MS * 2);
    const lukasMails = await mailsTo(LUKAS);
    for (const key of keys) expect(mentioning(lukasMails, key)).toHaveLength(1);
    // The writer is not told about their own tasks; another municipality hears nothing of them.
    for (const key of keys) {
      expect(mentioning(await mailsTo(SANDRA), key)).toEqual([]);
      expect(mentioning(await mailsTo(BEAT), key)).toEqual([]);
    }
  });

  it('when a colleague assigns a task, then the assignee is told who did; taking a task oneself tells nobody', async () => {
    await internalTask({ title: 'Rückruf Gemeindeschreiber', assignee: lukasId, description: 'Bitte zurückrufen.' });
    const mail = await eventually(async () => (await mailsTo(LUKAS)).find((candidate) => candidate.text.includes('Rückruf Gemeindeschreiber')), 'the assignment in a digest');
    expect(mail.text).toContain('Ihnen zugewiesen:');
    expect(mail.text).toContain('von Sandra Meier');
    expect(mail.subject).toMatch(/Aufgabe Ihnen zugewiesen|Aufgaben Ihnen zugewiesen/);
    expect(mail.text).not.toContain('Bitte zurückrufen.');

    const own = await internalTask({ title: 'Eigene Notiz' }, 'mine') as string;
    await pause(DIGEST_EVERY_MS * 2);
    expect(mentioning(await mailsTo(SANDRA), own)).toEqual([]);
  });
});
