/**
 * Drafts of applications over the real API (issue 7, ACC-9): saved, edited, listed, sent as a
 * real application run by the engine, and private to their owner. The retention of untouched
 * drafts (INT-3) is the lifecycle job's, run here with a date months ahead and limited to this
 * test's accounts (the database is shared).
 */
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { addMonths } from '../../core/accounts/lifecycle-rules.ts';
import { lifecycleOfTestPlatform } from './support/account-lifecycle.ts';
import { accountIdOf, citizenToken } from './support/citizens.ts';
import { callApi } from './support/http.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

const resident = SEEDED_RESIDENTS.aarauMain;
const applicant = { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth };

describe('drafts of applications (ACC-9)', () => {
  it('when a citizen saves, edits and lists a draft and then sends it, then a case is filed like an application and the draft is gone', async () => {
    const token = await citizenToken('entwurf-lena');
    const created = await callApi<Body>('POST', '/drafts', {
      token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau', data: { language: 'de', applicant: { firstName: resident.firstName } } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(`/drafts/${created.body.id}`);
    expect(created.body).toMatchObject({ serviceId: 'residence-certificate', municipalityId: 'aarau', organisationId: null, data: { language: 'de', applicant: { firstName: resident.firstName } } });

    // Not complete yet: the submission names what is missing, and the draft stays.
    const incomplete = await callApi<Body>('POST', `/drafts/${created.body.id}/submission`, { token });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.type).toBe('urn:gemeindeportal:problem:draft-incomplete');
    expect(incomplete.body.errors.map((e: Body) => e.pointer)).toEqual(expect.arrayContaining(['/draft/applicant/lastName', '/draft/applicant/dateOfBirth']));

    const edited = await callApi<Body>('PUT', `/drafts/${created.body.id}`, {
      token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau', data: { language: 'de', applicant } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.data.applicant).toEqual(applicant);
    expect(new Date(edited.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.body.updatedAt).getTime());

    const second = await callApi<Body>('POST', '/drafts', { token, body: { serviceId: 'residence-certificate', municipalityId: 'baden' } });
    expect(second.status).toBe(201);
    const listed = await callApi<Body[]>('GET', '/drafts', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.map((d) => d.id).sort()).toEqual([created.body.id, second.body.id].sort());
    expect((await callApi<Body>('GET', `/drafts/${created.body.id}`, { token })).body.data.applicant).toEqual(applicant);

    const sent = await callApi<Body>('POST', `/drafts/${created.body.id}/submission`, { token });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.headers.get('location')).toBe(`/cases/${sent.body.id}`);
    expect(sent.body).toMatchObject({ serviceId: 'residence-certificate', municipalityId: 'aarau' });
    expect((await callApi('GET', `/drafts/${created.body.id}`, { token })).status).toBe(404);
    expect((await callApi<Body>('GET', `/cases/${sent.body.id}`, { token })).status).toBe(200);
    const row = await db('cases').where({ id: sent.body.id }).first('citizen_id', 'idempotency_key');
    expect(row).toEqual({ citizen_id: await accountIdOf('entwurf-lena'), idempotency_key: `draft:${created.body.id}` });

    expect((await callApi('DELETE', `/drafts/${second.body.id}`, { token })).status).toBe(204);
    expect((await callApi<Body[]>('GET', '/drafts', { token })).body).toEqual([]);
  });

  it('when another citizen reaches for a draft, then every route answers 404 as for a missing one', async () => {
    const owner = await citizenToken('entwurf-owner');
    const other = await citizenToken('entwurf-other');
    const draft = await callApi<Body>('POST', '/drafts', { token: owner, body: { serviceId: 'residence-certificate', municipalityId: 'aarau', data: { language: 'de', applicant } } });
    expect(draft.status).toBe(201);
    const path = `/drafts/${draft.body.id}`;

    for (const [method, url, body] of [['GET', path], ['PUT', path, { serviceId: 'x', municipalityId: 'y' }], ['DELETE', path], ['POST', `${path}/submission`]] as const) {
      const response = await callApi<Body>(method, url, { token: other, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.body.type).toBe('urn:gemeindeportal:problem:draft-not-found');
    }
    expect((await callApi<Body[]>('GET', '/drafts', { token: other })).body).toEqual([]);
    expect((await callApi('GET', path)).status).toBe(401);
    expect((await callApi<Body>('GET', path, { token: owner })).body.data.applicant).toEqual(applicant);
  });

  it('when the input is bad, then the answer names the field', async () => {
    const token = await citizenToken('entwurf-bad');
    const missing = await callApi<Body>('POST', '/drafts', { token, body: { municipalityId: 'aarau' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ pointer: '/body/serviceId' }));
    const tooLarge = await callApi<Body>('POST', '/drafts', { token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau', data: { note: 'x'.repeat(33_000) } } });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.errors).toEqual([{ pointer: '/body/data', detail: 'is larger than 32768 bytes as JSON' }]);
    const notUuid = await callApi<Body>('GET', '/drafts/not-a-uuid', { token });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].pointer).toBe('/params/id');

    // Complete in shape but refused by the application's own rules: the draft's field is named.
    const elsewhere = await callApi<Body>('POST', '/drafts', { token, body: { serviceId: 'residence-certificate', municipalityId: 'nowhere', data: { language: 'de', applicant } } });
    const refused = await callApi<Body>('POST', `/drafts/${elsewhere.body.id}/submission`, { token });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ pointer: '/draft/municipalityId', detail: 'is not a known municipality' }]);
  });

  it('when a draft is left untouched for the retention time (6 months), then the lifecycle job deletes it; a touched one stays', async () => {
    const token = await citizenToken('entwurf-alt');
    const accountId = await accountIdOf('entwurf-alt');
    const old = await callApi<Body>('POST', '/drafts', { token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau' } });
    const touched = await callApi<Body>('POST', '/drafts', { token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau' } });
    const now = new Date();
    // The first was last changed a month ago; the second just now.
    await db('application_drafts').where({ id: old.body.id }).update({ updated_at: addMonths(now, -1) });
    // No mail server: drafts go without a word, and nothing waits to be closed.
    const { run } = lifecycleOfTestPlatform(db, { withMailServer: false });
    expect(await run(new Date(addMonths(now, 5).getTime() + 60_000), { accountIds: [accountId] })).toMatchObject({ deletedDrafts: 1 });
    expect((await callApi('GET', `/drafts/${old.body.id}`, { token })).status).toBe(404);
    expect((await callApi('GET', `/drafts/${touched.body.id}`, { token })).status).toBe(200);
    expect(await run(new Date(addMonths(now, 6).getTime() + 1000), { accountIds: [accountId] })).toMatchObject({ deletedDrafts: 1 });
    expect((await callApi('GET', `/drafts/${touched.body.id}`, { token })).status).toBe(404);
  });
});
