/**
 * Files a start form asks for (issue 15), over real HTTP as multipart/form-data, the way a portal
 * front end sends a submitted form-js form: the part `application` and each file under its
 * filepicker's files:: key. The service is this file's own (a start form with filepickers, run by
 * a probe process that only shows its variables), so that no shipped package changes. Accepted
 * files are the case's documents, for its citizen and its municipality's clerks only; every
 * refusal names the field and leaves nothing behind: no case, no document.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createZeebeClient } from '../../core/engine/engine-client.ts';
import { sampleExe, sampleJpeg, samplePdf, samplePng } from '../support/sample-files.ts';
import { accountIdOf, citizenToken } from './support/citizens.ts';
import { callApi } from './support/http.ts';
import { variablesOfProbeJob } from './support/probe-jobs.ts';
import { staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const SERVICE = `upload-probe-${randomUUID().slice(0, 8)}`;
const PROBE_JOB = 'test-upload-probe';
/** The platform's default limits (UPLOAD_MAX_BYTES, UPLOAD_MAX_FILES). */
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 10;
const START_FORM = {
  id: 'upload-probe-start', type: 'default', schemaVersion: 16,
  components: [
    { id: 'plate', type: 'textfield', key: 'plate', label: 'Kontrollschild', validate: { required: true, maxLength: 20 } },
    { id: 'receipts', type: 'filepicker', key: 'receipts', label: 'Belege', accept: '.pdf,image/jpeg', multiple: true, validate: { required: true } },
    { id: 'photo', type: 'filepicker', key: 'photo', label: 'Foto' },
  ],
};

let db: Knex;
let zeebe: ReturnType<typeof createZeebeClient>;

beforeAll(async () => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  zeebe = createZeebeClient({ grpcAddress: inject('engineGrpcAddress'), restAddress: inject('engineRestUrl') });
  await zeebe.deployResource({ processFilename: 'tests/integration/fixtures/upload-probe.bpmn' });
  await db('services').insert({
    id: SERVICE, bpmn_process_id: 'test-upload-probe', expected_processing_days: 5, audience: 'personal', start_form: JSON.stringify(START_FORM),
    names: JSON.stringify({ de: 'Testdienst mit Belegen', fr: 'Service de test avec pièces', it: 'Servizio di prova con allegati', en: 'Test service with receipts' }),
  });
  await db('municipality_services').insert({ municipality_id: 'aarau', service_id: SERVICE, fee_rappen: 0, candidate_group: '4001-einwohnerkontrolle' });
});
afterAll(async () => {
  await db?.destroy();
  await zeebe?.close();
});

interface Upload { key: string; name: string; content: Buffer }

const applicationWith = (data: Body) => ({ serviceId: SERVICE, municipalityId: 'aarau', language: 'de', data });
const asked = (data: Body = {}) => applicationWith({ plate: 'AG 12345', receipts: 'files::r1', ...data });

/** Sends an application as a portal front end sends a submitted form-js form: the application first, then each file under its key. */
async function submit(token: string, application: Body | string | undefined, uploads: Upload[], idempotencyKey?: string): Promise<{ status: number; body: Body }> {
  const form = new FormData();
  if (application !== undefined) form.append('application', typeof application === 'string' ? application : JSON.stringify(application));
  for (const upload of uploads) form.append(upload.key, new Blob([new Uint8Array(upload.content)], { type: 'application/octet-stream' }), upload.name);
  const response = await fetch(new URL('/applications', inject('apiUrl')), {
    method: 'POST', headers: { authorization: `Bearer ${token}`, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, body: form,
  });
  return { status: response.status, body: await response.json() as Body };
}

/** What the platform keeps of a citizen: cases and their documents, read from the database. */
async function storedOf(citizen: string): Promise<{ cases: number; documents: number }> {
  const accountId = await accountIdOf(citizen);
  const [cases] = await db('cases').where({ citizen_id: accountId }).count<{ count: string }[]>('* as count');
  const [documents] = await db('documents as d').join('cases as c', 'c.id', 'd.case_id').where('c.citizen_id', accountId).count<{ count: string }[]>('* as count');
  return { cases: Number(cases?.count), documents: Number(documents?.count) };
}

describe('files uploaded with an application', () => {
  it('when a PDF and a JPEG come for the receipts, then they are the case\'s documents, the process gets their ids, and only the citizen and the municipality read them', async () => {
    const token = await citizenToken('Uploader');
    const pdf = samplePdf('Quittung Parkhaus');
    const jpeg = sampleJpeg('Foto der Quittung');
    const filed = await submit(token, asked(), [{ key: 'files::r1', name: 'Quittung März.pdf', content: pdf }, { key: 'files::r1', name: 'IMG_0042.JPEG', content: jpeg }]);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);

    const documents = filed.body.documents as Body[];
    expect(documents.map(({ kind, fileName, mediaType }) => ({ kind, fileName, mediaType })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'upload:receipts:1', fileName: 'Quittung März.pdf', mediaType: 'application/pdf' },
      { kind: 'upload:receipts:2', fileName: 'IMG_0042.jpg', mediaType: 'image/jpeg' },
    ]);
    const byKind = Object.fromEntries(documents.map((document) => [document.kind, document]));
    expect((await callApi<Body>('GET', `/cases/${filed.body.id}`, { token })).body.documents).toHaveLength(2);

    const downloaded = await callApi<Buffer>('GET', byKind['upload:receipts:1'].href, { token });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toBe('attachment; filename="Quittung Marz.pdf"; filename*=UTF-8\'\'Quittung%20M%C3%A4rz.pdf');
    expect(Buffer.compare(downloaded.body, pdf)).toBe(0);
    const photo = await callApi<Buffer>('GET', byKind['upload:receipts:2'].href, { token });
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.compare(photo.body, jpeg)).toBe(0);

    const nosy = await citizenToken('UploadNosy');
    const refused = await callApi<Body>('GET', byKind['upload:receipts:1'].href, { token: nosy });
    expect(refused.status).toBe(404);
    expect(refused.body.type).toBe('urn:gemeindeportal:problem:document-not-found');

    // The municipality's clerks read the files with the case; another municipality's do not.
    const asClerk = async (username: string) => fetch(new URL(`/tasklist/api/documents/${byKind['upload:receipts:1'].id}`, inject('apiUrl')), { headers: staffHeaders(await staffSessionCookie(username)) });
    const clerk = await asClerk('sandra.meier');
    expect(clerk.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await clerk.arrayBuffer()), pdf)).toBe(0);
    expect((await asClerk('beat.keller')).status).toBe(404);

    const variables = await variablesOfProbeJob(zeebe, PROBE_JOB, filed.body.id as string);
    expect(variables.plate).toBe('AG 12345');
    expect(variables.receipts).toEqual([
      { documentId: byKind['upload:receipts:1'].id, fileName: 'Quittung März.pdf', mediaType: 'application/pdf', size: pdf.length },
      { documentId: byKind['upload:receipts:2'].id, fileName: 'IMG_0042.jpg', mediaType: 'image/jpeg', size: jpeg.length },
    ]);
    expect(JSON.stringify(variables)).not.toContain('files::');
  });

  it('when the same application is sent again with the same files, then it is the same case; with other files, the key is refused', async () => {
    const token = await citizenToken('UploadReplayer');
    const files = [{ key: 'files::r1', name: 'beleg.pdf', content: samplePdf('erster Beleg') }];
    const key = `uploads-${randomUUID()}`;
    const first = await submit(token, asked(), files, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await submit(token, asked(), files, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await submit(token, asked(), [{ key: 'files::r1', name: 'beleg.pdf', content: samplePdf('ein anderer Beleg') }], key);
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:gemeindeportal:problem:idempotency-key-reused');
    expect(await storedOf('UploadReplayer')).toEqual({ cases: 1, documents: 1 });
  });

  const receipt = (content: Buffer, name = 'beleg.pdf'): Upload => ({ key: 'files::r1', name, content });
  it.each([
    ['a .pdf is a PNG inside', asked(), [receipt(samplePng(), 'scan.pdf')], 400, 'upload-refused', '/body/data/receipts', 'holds a file of type image/png «scan.pdf»; it takes .pdf, image/jpeg'],
    ['a .pdf is a program inside', asked(), [receipt(sampleExe(), 'rechnung.pdf')], 400, 'upload-refused', '/body/data/receipts', 'holds a file of type application/x-msdownload «rechnung.pdf»; it takes .pdf, image/jpeg'],
    ['a file is over the size limit', asked(), [receipt(Buffer.concat([samplePdf(), Buffer.alloc(MAX_BYTES)]), 'gross.pdf')], 413, 'upload-too-large', '/body/data/receipts', 'holds a file over the limit of 10 MB «gross.pdf»'],
    ['the application has more files than it may', asked(), Array.from({ length: MAX_FILES + 1 }, (_, n) => receipt(samplePdf(`Beleg ${n}`))), 400, 'upload-refused', '/body/data/receipts', 'is one file too many: an application takes at most 10 files'],
    ['far more files come than an application takes', asked(), Array.from({ length: MAX_FILES + 5 }, (_, n) => receipt(samplePdf(`Beleg ${n}`))), 400, 'upload-refused', '/body/data/receipts', 'is one file too many: an application takes at most 10 files'],
    ['a field for one file gets two', asked({ photo: 'files::p1' }), [receipt(samplePdf()), { key: 'files::p1', name: 'a.png', content: samplePng() }, { key: 'files::p1', name: 'b.png', content: samplePng() }], 400, 'upload-refused', '/body/data/photo', 'takes one file, not 2'],
    ['the required receipts are left out', applicationWith({ plate: 'AG 12345' }), [], 400, 'validation', '/body/data/receipts', 'is required'],
    ['the data names receipts that do not come', asked(), [], 400, 'upload-refused', '/body/data/receipts', 'names files that were not uploaded'],
    ['a file comes that no field asks for', asked(), [receipt(samplePdf()), { key: 'files::stray', name: 'x.pdf', content: samplePdf() }], 400, 'upload-refused', '/body/files::stray', 'is a file no field of the form asks for'],
    ['the application part is missing', undefined, [receipt(samplePdf())], 400, 'validation', '/body/application', 'is required: the application as JSON, beside its files'],
    ['the application part is not JSON', '{"serviceId":', [receipt(samplePdf())], 400, 'validation', '/body/application', 'is not valid JSON'],
    ['the application part breaks its schema', { ...asked(), municipalityId: undefined }, [receipt(samplePdf())], 400, 'validation', '/body/municipalityId', 'must have required property \'municipalityId\''],
    ['the application part holds a NUL', asked({ plate: 'AG\u0000123' }), [receipt(samplePdf())], 400, 'validation', '/body/data/plate', 'contains a character that is not text (U+0000 or a broken surrogate pair)'],
  ])('when %s, then it is refused naming the field, and nothing is stored', async (_case, application, uploads, status, code, pointer, detail) => {
    const token = await citizenToken('UploadRefused');
    const refused = await submit(token, application, uploads);
    expect(refused.status, JSON.stringify(refused.body)).toBe(status);
    expect(refused.body).toMatchObject({ type: `urn:gemeindeportal:problem:${code}`, errors: [{ pointer, detail }] });
    expect(await storedOf('UploadRefused')).toEqual({ cases: 0, documents: 0 });
  });

  it('when the application comes as a JSON file after the files, then it is read all the same', async () => {
    const token = await citizenToken('UploadBlob');
    const form = new FormData();
    form.append('files::r1', new Blob([new Uint8Array(samplePdf())]), 'beleg.pdf');
    form.append('application', new Blob([JSON.stringify(asked())], { type: 'application/json' }), 'application.json');
    const response = await fetch(new URL('/applications', inject('apiUrl')), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(201);
    expect(((await response.json() as Body).documents as Body[]).map((document) => document.kind)).toEqual(['upload:receipts:1']);
  });

  it('when a text part comes beside the application, then it is refused naming the part', async () => {
    const token = await citizenToken('UploadRefused');
    const form = new FormData();
    form.append('application', JSON.stringify(asked()));
    form.append('comment', 'bitte schnell');
    const response = await fetch(new URL('/applications', inject('apiUrl')), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(400);
    expect((await response.json() as Body).errors).toEqual([{ pointer: '/body/comment', detail: expect.stringContaining('is no part of an application') }]);
  });

  it('when a multipart body is broken, then it is refused as unreadable, not as a server error', async () => {
    const token = await citizenToken('UploadRefused');
    const response = await fetch(new URL('/applications', inject('apiUrl')), {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="application"\r\n\r\n{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('when the OpenAPI document describes the route, then it names both forms of the application', async () => {
    const openApi = (await callApi<Body>('GET', '/docs/json')).body;
    expect(Object.keys(openApi.paths['/applications'].post.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
  });
});
