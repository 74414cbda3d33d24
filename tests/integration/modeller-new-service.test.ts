/**
 * A new service made by a process modeller without a developer (issue 15), over the real API,
 * engine and database, and in a real browser: Mara makes a service from its manifest, edits its
 * start form, deploys it; its form is served and it is found in the catalogue at once; after
 * Aarau's administrator offers it, a citizen's application starts its process on the engine, and
 * `npm run export-package` writes it as a package that the checks of processes/ accept. Only
 * process modellers may make one: a clerk, an administrator and a citizen are refused, and a
 * broken manifest is refused naming its field, with nothing stored.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readServicePackages } from '../../core/catalogue/service-packages.ts';
import { createDatabase } from '../../core/db/database.ts';
import { createProcessDraftsRepository } from '../../core/db/process-drafts-repository.ts';
import { createServicesRepository } from '../../core/db/services-repository.ts';
import { exportPackage } from '../../core/modeller/export-process.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { checkAccessibility, modelerPage, screenshot, browserForTests } from './support/browser.ts';
import { citizenToken } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';
import { processInstanceOfCase } from './support/orders.ts';
import { callModeler, staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** Ids of this run: the engine keeps the processes of earlier runs, whose ids are taken. */
const runId = randomUUID().slice(0, 8);

/** A manifest as the modeller's page sends it for the service `id`. */
const manifestOf = (id: string): Body => ({
  id,
  bpmnProcessId: id,
  names: { de: 'Hundemarke', fr: 'Médaille pour chien', it: 'Medaglietta per cani', en: 'Dog tag' },
  descriptions: {
    de: 'Die Gemeinde gibt Ihnen die Marke für Ihren Hund.', fr: 'La commune vous remet la médaille de votre chien.',
    it: 'Il Comune vi consegna la medaglietta del vostro cane.', en: 'The municipality gives you the tag for your dog.',
  },
  keywords: { de: [`Hundemarke${runId}`, 'Hund'], fr: ['médaille chien'], it: ['medaglietta cane'], en: ['dog tag'] },
  audience: 'personal',
  responsibility: { level: 'municipality' },
  fee: { defaultRappen: 0 },
  payment: { methods: [] },
  documents: [],
  expectedProcessingDays: 3,
  startForm: `${id}-start.form`,
});

const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const username of ['mara.modell', 'sandra.meier', 'anna.admin']) cookies[username] = await staffSessionCookie(username);
});
const asModeller = (method: string, url: string, body?: unknown) => callModeler<Body>(cookies['mara.modell'] ?? '', method, url, body);
const listed = async (serviceId: string): Promise<Body | undefined> =>
  ((await asModeller('GET', '/modeler/api/services')).body.services as Body[]).find((service) => service.serviceId === serviceId);

describe('who may make a new service', () => {
  const id = `refused-${runId}`;
  it.each([
    ['a clerk', 'sandra.meier'],
    ['a municipal administrator', 'anna.admin'],
  ])('when %s makes a service, saves or deploys it, then 403 says only modellers may, and nothing is stored', async (_who, username) => {
    const cookie = cookies[username] ?? '';
    const made = await callModeler<Body>(cookie, 'POST', '/modeler/api/services', { manifest: manifestOf(id) });
    expect(made).toMatchObject({ status: 403, body: { type: 'urn:gemeindeportal:problem:modeller-role-required' } });
    expect((await callModeler(cookie, 'PUT', `/modeler/api/services/${id}/draft`, { bpmnXml: '<x/>', forms: {}, baseRevision: 0, basedOnVersion: null })).status).toBe(403);
    expect((await callModeler(cookie, 'POST', `/modeler/api/services/${id}/deployments`, { revision: 1 })).status).toBe(403);
    expect(await listed(id)).toBeUndefined();
  });

  it('when a citizen makes a service with her bearer token, then 401: the modeller is for staff sessions only', async () => {
    const token = await citizenToken('ModellerRefused');
    const made = await callApi<Body>('POST', '/modeler/api/services', { token, headers: { 'x-requested-with': 'modeler' }, body: { manifest: manifestOf(id) } });
    expect(made).toMatchObject({ status: 401, body: { type: 'urn:gemeindeportal:problem:unauthenticated' } });
    expect(await listed(id)).toBeUndefined();
  });

  it('when the modeller\'s call lacks the page\'s marker, then 403 (CSRF) and nothing is stored', async () => {
    const made = await callModeler<Body>(cookies['mara.modell'] ?? '', 'POST', '/modeler/api/services', { manifest: manifestOf(id) }, {});
    expect(made.status).toBe(403);
    expect(await listed(id)).toBeUndefined();
  });
});

describe('a new service\'s manifest is checked as a package\'s', () => {
  const id = `broken-${runId}`;
  it.each<[string, (manifest: Body) => Body, number, string]>([
    ['a name without its French', (m) => ({ ...m, names: { de: m.names.de, it: m.names.it, en: m.names.en } }), 400, '/body/manifest/names/fr'],
    ['an id that is no slug', (m) => ({ ...m, id: 'Hunde Marke' }), 400, '/body/manifest/id'],
    ['a fee that is not whole Rappen', (m) => ({ ...m, fee: { defaultRappen: 12.5 } }), 400, '/body/manifest/fee/defaultRappen'],
    ['a process id other than the service\'s', (m) => ({ ...m, bpmnProcessId: 'residence-certificate' }), 400, '/body/manifest/bpmnProcessId'],
    ['a document without its template', (m) => ({ ...m, documents: [{ kind: 'dog-tag', names: m.names }] }), 400, '/body/manifest/documents/0/kind'],
    ['the id of a service that exists', (m) => ({ ...m, id: 'residence-certificate', bpmnProcessId: 'residence-certificate', startForm: 'residence-certificate-start.form' }), 409, '/body/manifest/id'],
  ])('when Mara sends %s, then it is refused naming the field, and no draft is stored', async (_case, edit, status, pointer) => {
    const made = await asModeller('POST', '/modeler/api/services', { manifest: edit(manifestOf(id)) });
    expect(made.status, JSON.stringify(made.body)).toBe(status);
    expect(made.body.errors).toContainEqual(expect.objectContaining({ pointer }));
    expect(await listed(id)).toBeUndefined();
  });
});

describe('Mara makes a service and deploys it', () => {
  const id = `hundemarke-${runId}`;
  const root = path.join(tmpdir(), `export-package-${runId}`);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('when she makes it, edits its start form and deploys it, then its form is served, it is found, and an application in Aarau starts its process', async () => {
    const made = await asModeller('POST', '/modeler/api/services', { manifest: manifestOf(id) });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ serviceId: id, revision: 1, authorName: 'Mara Modell' });
    expect(await listed(id)).toMatchObject({ bpmnProcessId: id, name: 'Hundemarke', isNew: true, versions: [], draft: { revision: 1, authorName: 'Mara Modell' } });
    const draft = (await asModeller('GET', `/modeler/api/services/${id}/draft`)).body;
    expect(draft.manifest).toMatchObject({ id, prefill: { 'applicant.firstName': 'firstName', 'applicant.lastName': 'lastName', 'applicant.dateOfBirth': 'dateOfBirth' } });
    expect(draft.bpmnXml).toContain(`<bpmn:process id="${id}" name="Hundemarke" isExecutable="true">`);
    const startForm = draft.forms[`${id}-start`] as Body;
    expect(JSON.stringify(startForm)).toContain('"path":"applicant"');

    // A field that would overwrite the platform's variable is saved in the draft, but the deployment refuses it as a package of processes/ would be.
    const withCaseId = { ...startForm, components: [...startForm.components, { id: 'case-id', type: 'textfield', key: 'caseId', label: 'Ihre Fallnummer' }] };
    const saved = await asModeller('PUT', `/modeler/api/services/${id}/draft`, { bpmnXml: draft.bpmnXml, forms: { [`${id}-start`]: withCaseId }, baseRevision: 1, basedOnVersion: null });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const refused = await asModeller('POST', `/modeler/api/services/${id}/deployments`, { revision: saved.body.revision });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: 'urn:gemeindeportal:problem:package-invalid' });
    expect(refused.body.errors).toContainEqual({ pointer: '/manifest/startForm', detail: `${id}-start.form: field caseId would overwrite the platform's variable of that name` });
    expect((await listed(id))?.isNew).toBe(true);

    const withDogName = { ...startForm, components: [...startForm.components, { id: 'dog-name', type: 'textfield', key: 'dogName', label: 'Name des Hundes', validate: { required: true } }] };
    const fixed = await asModeller('PUT', `/modeler/api/services/${id}/draft`, {
      bpmnXml: draft.bpmnXml, forms: { [`${id}-start`]: withDogName }, baseRevision: saved.body.revision, basedOnVersion: null,
      manifest: { ...draft.manifest, expectedProcessingDays: 4 },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const deployed = await asModeller('POST', `/modeler/api/services/${id}/deployments`, { revision: fixed.body.revision });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    expect(await listed(id)).toMatchObject({ isNew: false, draft: null, versions: [{ version: deployed.body.version, deployedBy: { name: 'Mara Modell' } }] });

    // In the catalogue at once: its form, the search.
    const form = await callApi<Body>('GET', `/services/${id}/form`);
    expect(form.status).toBe(200);
    expect(JSON.stringify(form.body)).toContain('"key":"dogName"');
    const found = await callApi<Body>('GET', `/services?q=${encodeURIComponent(`Hundemarke${runId}`)}&language=de`);
    expect((found.body.services as Body[])[0]).toMatchObject({ id, name: 'Hundemarke' });

    // Offering it is Aarau's administrator's; then a citizen applies and the engine runs it.
    const offered = await callApi<Body>('PUT', `/administration/municipalities/aarau/offerings/${id}`, {
      headers: staffHeaders(cookies['anna.admin'] ?? ''), body: { offered: true, feeRappen: 0, candidateGroup: '4001-einwohnerkontrolle' },
    });
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);
    const { aarauMain } = SEEDED_RESIDENTS;
    const applied = await callApi<Body>('POST', '/applications', {
      token: await citizenToken('DogOwner'),
      body: { serviceId: id, municipalityId: 'aarau', language: 'fr', data: { applicant: { firstName: aarauMain.firstName, lastName: aarauMain.lastName, dateOfBirth: aarauMain.dateOfBirth }, dogName: 'Bello' } },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    await expect(eventually(() => processInstanceOfCase(applied.body.id as string), 'the application\'s process instance')).resolves.toMatchObject({ bpmnProcessId: id });
    const completed = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${applied.body.id}`, { token: await citizenToken('DogOwner') });
      return body.state === 'completed' ? body : undefined;
    }, 'the case to complete');
    expect(completed).toMatchObject({ outcome: 'completed' });
    expect(JSON.stringify(completed)).toContain('Terminée');

    // npm run export-package writes it as a package that the checks of processes/ accept.
    const db = createDatabase({ databaseUrl: inject('databaseUrl'), embeddedDir: root });
    try {
      const exported = await exportPackage({ drafts: createProcessDraftsRepository(db), services: createServicesRepository(db) }, id, root);
      expect(exported.files.sort()).toEqual([`processes/${id}/${id}-start.form`, `processes/${id}/${id}.bpmn`, `processes/${id}/service.yaml`]);
    } finally {
      await db.destroy();
    }
    const [exportedPackage] = await readServicePackages(path.join(root, 'processes'));
    expect(exportedPackage?.manifest).toEqual({ ...draft.manifest, expectedProcessingDays: 4 });
    await expect(readFile(path.join(root, 'processes', id, `${id}-start.form`), 'utf8')).resolves.toContain('"key": "dogName"');
  }, 120_000);

  it('when she makes another service with the id of the one deployed, then 409: the id is taken', async () => {
    const again = await asModeller('POST', '/modeler/api/services', { manifest: manifestOf(id) });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:gemeindeportal:problem:service-exists' } });
  });
});

describe('a new service in the browser', () => {
  const browser = browserForTests();

  it('when Mara makes a service with its name in four languages, adds a field to its start form and deploys it, then it is listed with its version', async () => {
    const id = `wildtier-${runId}`;
    const page = await modelerPage(browser(), 'mara.modell');
    await page.getByRole('link', { name: 'Neuer Dienst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Dienst' }).waitFor();
    await page.getByLabel('ID des Dienstes').fill(id);
    const names = page.getByRole('group', { name: /^Name/ });
    await names.getByLabel('Deutsch').fill('Wildtier melden');
    await names.getByLabel('Französisch').fill('Signaler un animal sauvage');
    await names.getByLabel('Italienisch').fill('Segnalare un animale selvatico');
    // The English name forgotten: the server's schema refuses it, at its field.
    await page.getByRole('button', { name: 'Dienst anlegen' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Der Dienst wurde nicht angelegt.' }).waitFor();
    await expect(alert.textContent()).resolves.toContain('Name (Englisch): Bitte ausfüllen.');
    await expect(names.getByLabel('Englisch').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'modeler-new-service-refused');

    await names.getByLabel('Englisch').fill('Report a wild animal');
    const descriptions = page.getByRole('group', { name: /^Kurzbeschreibung/ });
    for (const [language, text] of [['Deutsch', 'Sie melden ein verletztes oder totes Wildtier.'], ['Französisch', 'Vous signalez un animal sauvage blessé ou mort.'],
      ['Italienisch', 'Segnalate un animale selvatico ferito o morto.'], ['Englisch', 'You report an injured or dead wild animal.']] as const) {
      await descriptions.getByLabel(language).fill(text);
    }
    const keywords = page.getByRole('group', { name: /^Suchbegriffe/ });
    await keywords.getByLabel('Deutsch').fill('Wildtier, Reh, Fuchs');
    await keywords.getByLabel('Französisch').fill('animal sauvage');
    await keywords.getByLabel('Italienisch').fill('animale selvatico');
    await keywords.getByLabel('Englisch').fill('wild animal');
    await page.getByLabel('Übliche Bearbeitungszeit in Arbeitstagen').fill('1');
    await page.getByRole('button', { name: 'Dienst anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /Wildtier melden/ }).waitFor();
    await page.locator('.djs-element[data-element-id="application-received"]').waitFor();
    await page.getByText('Prüfung bestanden: keine Fehler.').waitFor();

    // Until it is deployed, its manifest is part of the draft, in a tab of its own.
    await page.getByRole('button', { name: 'Angaben zum Dienst' }).click();
    await expect(page.getByRole('group', { name: /^Name/ }).getByLabel('Italienisch').inputValue()).resolves.toBe('Segnalare un animale selvatico');
    await expect(page.getByLabel('ID des Dienstes').getAttribute('readonly')).resolves.not.toBeNull();

    // The start form in form-js's editor, loaded with the tab: one field more, added from the palette by keyboard.
    await page.getByRole('button', { name: 'Formulare' }).click();
    await page.getByRole('heading', { name: `Formular ${id}-start` }).waitFor();
    const editor = page.locator('.fjs-editor-container');
    await editor.locator('.fjs-palette-field[data-field-type="textfield"]').press('Enter');
    await editor.locator('.fjs-form-field-textfield').nth(2).waitFor();
    await page.getByText('Ungespeicherte Änderungen').waitFor();
    await screenshot(page, 'modeler-new-service-form');

    await page.getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('status').filter({ hasText: 'ist bereitgestellt (Version' }).waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`not deployed: ${await page.locator('#alert').textContent()}`, { cause: error });
    });
    await page.getByRole('button', { name: 'Angaben zum Dienst' }).waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: /Zurück zu den Diensten/ }).click();
    const row = page.getByRole('row', { name: /Wildtier melden/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Version \d+: 0 laufend/);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'modeler-new-service-listed');
    await page.context().close();

    const form = await callApi<Body>('GET', `/services/${id}/form`);
    expect(form.status).toBe(200);
    expect((JSON.stringify(form.body).match(/"type":"textfield"/g) ?? []).length).toBe(3);
    const { body: catalogue } = await callApi<Body>('GET', `/services?q=Wildtier&language=fr`);
    expect((catalogue.services as Body[]).map((service) => service.name)).toContain('Signaler un animal sauvage');
  }, 150_000);
});
