/**
 * The process modeller (SVC-6) over its API and in a real browser (Debian's chromium, driven by
 * playwright-core): a modeller opens the residence certificate, renames a task, sees the lint
 * pass, compares and deploys; a new order runs on the new version while an older instance
 * finishes on the old one. A diagram with an error is refused, by the page and by the API; a
 * clerk without the modeller role cannot deploy. axe-core finds no serious or critical violation.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { createDatabase } from '../../core/db/database.ts';
import { createProcessDraftsRepository } from '../../core/db/process-drafts-repository.ts';
import { exportProcess } from '../../core/modeller/export-process.ts';
import { checkAccessibility, modelerPage, screenshot, browserForTests } from './support/browser.ts';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { processInstanceOfCase } from './support/orders.ts';
import { payCase } from './support/payments.ts';
import { callModeler, callTasklist, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const SERVICE = 'residence-certificate';
const repositoryXml = await readFile('processes/residence-certificate/residence-certificate.bpmn', 'utf8');
const formFiles = (await readdir('processes/residence-certificate')).filter((file) => file.endsWith('.form'));
const repositoryForms = Object.fromEntries(await Promise.all(formFiles.map(async (file) => {
  const schema = JSON.parse(await readFile(`processes/residence-certificate/${file}`, 'utf8')) as { id: string };
  return [schema.id, schema];
})));
const validateOrderName = /<bpmn:serviceTask id="validate-order" name="([^"]+)"/.exec(repositoryXml)?.[1] ?? '';
const withoutJobType = repositoryXml.replace(/<zeebe:taskDefinition type="validate-order"[^>]*\/>/, '');

const versionsOf = async (cookie: string): Promise<Body[]> =>
  (await callModeler<Body>(cookie, 'GET', '/modeler/api/services')).body.services.find((service: Body) => service.serviceId === SERVICE).versions;

/** The engine version an order's process instance runs on, and its state. */
async function versionOfCase(caseId: string): Promise<{ version: number; state: string }> {
  const instance = await processInstanceOfCase(caseId);
  if (!instance) throw new Error(`case ${caseId} has no process instance in the read model`);
  return { version: instance.version, state: instance.state };
}

async function order(citizen: string, resident: { firstName: string; lastName: string; dateOfBirth: string }): Promise<{ token: string; caseId: string }> {
  const token = await citizenToken(citizen);
  const created = await callApi<Body>('POST', '/applications', {
    token, body: { serviceId: SERVICE, municipalityId: 'aarau', language: 'de', applicant: { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth } },
  });
  expect(created.status).toBe(201);
  await payCase(token, created.body.id);
  return { token, caseId: created.body.id };
}

const outcomeOf = (token: string, caseId: string) => eventually(async () => {
  const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
  return body.state === 'completed' ? body.outcome as string : undefined;
}, 'the case to complete');

/** Saves `bpmnXml` as the draft and deploys it: how the tests put the repository's diagram back in front. */
async function deployThroughApi(cookie: string, bpmnXml: string): Promise<Body> {
  const current = await callModeler(cookie, 'GET', `/modeler/api/services/${SERVICE}/draft`);
  const saved = await callModeler(cookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, {
    bpmnXml, forms: repositoryForms, baseRevision: current.status === 200 ? current.body.revision : 0, basedOnVersion: null,
  });
  expect(saved.status).toBe(200);
  return callModeler(cookie, 'POST', `/modeler/api/services/${SERVICE}/deployments`, { revision: saved.body.revision });
}

const browser = browserForTests();
let modellerCookie: string;
let clerkCookie: string;
beforeAll(async () => {
  [modellerCookie, clerkCookie] = await Promise.all([staffSessionCookie('mara.modell'), staffSessionCookie('sandra.meier')]);
});

async function openService(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Hauptwohnsitzbescheinigung' }).click();
  await page.getByRole('heading', { level: 1, name: /Hauptwohnsitzbescheinigung/ }).waitFor();
  await page.locator('.djs-element[data-element-id="validate-order"]').waitFor();
}

/** Picks a platform template for a task, through the properties panel's "Auswählen" and the chooser. */
async function applyTemplate(page: Page, elementId: string, templateName: string): Promise<void> {
  const element = page.locator(`.djs-element[data-element-id="${elementId}"]`);
  const select = page.locator('.bio-properties-panel-select-template-button');
  await element.click();
  // A click that leaves a field of the panel commits the field first and can be lost to that re-render.
  await select.waitFor({ timeout: 3_000 }).catch(() => element.click());
  await select.click();
  const chooser = page.getByRole('dialog', { name: 'Vorlage der Plattform wählen' });
  await chooser.getByRole('button', { name: new RegExp(`^${templateName}`) }).click();
  await page.getByRole('status').filter({ hasText: `Vorlage «${templateName}» angewendet.` }).waitFor();
}

/** The diagram as "BPMN herunterladen" gives it. */
async function downloadedXml(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'BPMN herunterladen' }).click()]);
  return readFile(await download.path(), 'utf8');
}

describe("the modeller's API refuses", () => {
  it('when a clerk without the modeller role saves or deploys, then 403, while she may look', async () => {
    expect((await callModeler(clerkCookie, 'GET', '/modeler/api/services')).status).toBe(200);
    const save = await callModeler<Body>(clerkCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, { bpmnXml: repositoryXml, forms: repositoryForms, baseRevision: 0, basedOnVersion: null });
    expect(save).toMatchObject({ status: 403, body: { type: 'urn:gemeindeportal:problem:modeller-role-required' } });
    expect((await callModeler(clerkCookie, 'POST', `/modeler/api/services/${SERVICE}/deployments`, { revision: 1 })).status).toBe(403);
    expect((await callModeler(modellerCookie, 'GET', `/modeler/api/services/${SERVICE}/draft`)).status).toBe(404);
  });

  it('when a change lacks the CSRF header, names another process id, or starts from a stale revision, then 403, 400 and 409', async () => {
    const draft = { bpmnXml: repositoryXml, forms: repositoryForms, baseRevision: 0, basedOnVersion: null };
    expect((await callModeler(modellerCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, draft, {})).status).toBe(403);
    const foreign = await callModeler<Body>(modellerCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, {
      ...draft, bpmnXml: repositoryXml.replace(`<bpmn:process id="${SERVICE}"`, '<bpmn:process id="another-process"'),
    });
    expect(foreign).toMatchObject({ status: 400, body: { type: 'urn:gemeindeportal:problem:process-id-mismatch' } });
    expect((await callModeler(modellerCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, { ...draft, bpmnXml: 'not xml' })).status).toBe(400);

    const first = await callModeler<Body>(modellerCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, draft);
    expect(first).toMatchObject({ status: 200, body: { revision: 1, authorName: 'Mara Modell' } });
    const stale = await callModeler<Body>(modellerCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, draft);
    expect(stale).toMatchObject({ status: 409, body: { type: 'urn:gemeindeportal:problem:draft-stale' } });
    expect((await callModeler(modellerCookie, 'DELETE', `/modeler/api/services/${SERVICE}/draft?revision=1`)).status).toBe(204);
  });

  it('when a draft with a lint error is deployed, then 422 names the element and the rule, and no version is added', async () => {
    const before = await versionsOf(modellerCookie);
    const saved = await callModeler<Body>(modellerCookie, 'PUT', `/modeler/api/services/${SERVICE}/draft`, { bpmnXml: withoutJobType, forms: repositoryForms, baseRevision: 0, basedOnVersion: null });
    expect(saved.status).toBe(200);
    const refused = await callModeler<Body>(modellerCookie, 'POST', `/modeler/api/services/${SERVICE}/deployments`, { revision: saved.body.revision });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:gemeindeportal:problem:lint-errors');
    expect(refused.body.findings).toContainEqual(expect.objectContaining({ elementId: 'validate-order', rule: 'camunda-compat/implementation', severity: 'error' }));
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ pointer: '/bpmnXml/validate-order' }));
    expect((await versionsOf(modellerCookie)).map((v) => v.version)).toEqual(before.map((v) => v.version));
    expect((await callModeler(modellerCookie, 'DELETE', `/modeler/api/services/${SERVICE}/draft?revision=${saved.body.revision}`)).status).toBe(204);
  });
});

describe('the modeller in the browser', () => {
  it('when Mara renames a task and deploys, then a new order runs on the new version while an older one finishes on the old', async () => {
    // An order that waits for a clerk's review on the version deployed now.
    const older = await order('citizen-modeler-older', SEEDED_RESIDENTS.aarauBlocked);
    const review = await eventually(async () => {
      const { body } = await callTasklist<Body>(clerkCookie, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${older.caseId.slice(0, 8)}`);
      return body.tasks?.[0] as Body | undefined;
    }, 'the review task of the older order');
    const oldVersion = (await versionOfCase(older.caseId)).version;

    const page = await modelerPage(browser(), 'mara.modell');
    await page.getByRole('table').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'modeler-services');

    await openService(page);
    await page.getByText('Prüfung bestanden: keine Fehler.').waitFor();
    const renamed = `${validateOrderName} (neu)`;
    await page.locator('.djs-element[data-element-id="validate-order"]').click();
    const name = page.locator('#bio-properties-panel-name');
    // The properties panel opens its "Allgemein" group on demand.
    if (!(await name.isVisible())) await page.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
    await name.fill(renamed);
    await page.getByText('Ungespeicherte Änderungen').waitFor();
    await page.getByText('Prüfung bestanden: keine Fehler.').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    await page.getByRole('button', { name: 'Mit bereitgestellter Version vergleichen' }).click();
    const change = page.getByRole('row', { name: /validate-order/ });
    await change.waitFor();
    await expect(change.textContent()).resolves.toContain(`name: «${validateOrderName}» → «${renamed}»`);
    await screenshot(page, 'modeler-compare');

    const started = Date.now();
    await page.getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('status').filter({ hasText: 'ist bereitgestellt' }).waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      throw new Error(`not deployed: ${await page.locator('#alert').textContent()}`, { cause: error });
    });
    const deployMs = Date.now() - started;
    const versions = await versionsOf(modellerCookie);
    const newVersion = versions[0]?.version as number;
    expect(newVersion).toBeGreaterThan(oldVersion);
    expect(versions.find((v) => v.version === oldVersion)?.runningInstances).toBeGreaterThanOrEqual(1);
    await page.getByRole('row', { name: new RegExp(`Version ${newVersion} .*bereitgestellt von Mara Modell`) }).waitFor();
    await screenshot(page, 'modeler-deployed');
    console.info(`modeller: deploy through the page took ${deployMs} ms (save, lint, engine deployment)`);
    await page.context().close();

    // New orders take the new version; the older one keeps its own and finishes on it.
    const newer = await order('citizen-modeler-newer', SEEDED_RESIDENTS.aarauMain);
    await expect(outcomeOf(newer.token, newer.caseId)).resolves.toBe('issued');
    expect((await versionOfCase(newer.caseId)).version).toBe(newVersion);
    expect(await versionOfCase(older.caseId)).toEqual({ version: oldVersion, state: 'ACTIVE' });
    expect((await callTasklist(clerkCookie, 'POST', `/tasklist/api/tasks/${review.taskKey}/claim`)).status).toBe(204);
    expect((await callTasklist(clerkCookie, 'POST', `/tasklist/api/tasks/${review.taskKey}/completion`, { variables: { reviewDecision: 'approve' } })).status).toBe(204);
    await expect(outcomeOf(older.token, older.caseId)).resolves.toBe('issued');
    expect(await versionOfCase(older.caseId)).toEqual({ version: oldVersion, state: 'COMPLETED' });

    // The export command writes the deployed version back for review in git.
    const root = await mkdtemp(path.join(tmpdir(), 'modeler-export-'));
    const db = createDatabase({ databaseUrl: inject('databaseUrl'), embeddedDir: root });
    try {
      const exported = await exportProcess(createProcessDraftsRepository(db), SERVICE, newVersion, root);
      expect(exported.files).toEqual(expect.arrayContaining(['processes/residence-certificate/residence-certificate.bpmn', 'processes/residence-certificate/residence-certificate-review.form']));
      await expect(readFile(path.join(root, exported.files[0] ?? ''), 'utf8')).resolves.toContain(`name="${renamed}"`);
    } finally {
      await db.destroy();
      await rm(root, { recursive: true, force: true });
    }

    // The repository's diagram in front again, for whatever runs after this file.
    const restored = await deployThroughApi(modellerCookie, repositoryXml);
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
  }, 180_000);

  it('when a diagram with an error is opened, then the lint names it and the page refuses to deploy it', async () => {
    const before = await versionsOf(modellerCookie);
    const page = await modelerPage(browser(), 'mara.modell');
    await openService(page);
    // A diagram made with an older version of a template: the task shows it as such and upgrades in place.
    const withOldTemplate = repositoryXml.replace('<bpmn:serviceTask id="find-resident"', '<bpmn:serviceTask zeebe:modelerTemplate="gemeindeportal.find-resident" zeebe:modelerTemplateVersion="1" id="find-resident"');
    await page.locator('#bpmn-file').setInputFiles({ name: 'alt.bpmn', mimeType: 'application/xml', buffer: Buffer.from(withOldTemplate) });
    await page.locator('.djs-element[data-element-id="find-resident"]').click();
    await page.getByRole('button', { name: 'Neue Version' }).click();
    await page.getByText('Eine neue Version der Vorlage ist verfügbar: 2').waitFor();
    await page.getByText('Aktualisieren', { exact: true }).click();
    await page.locator('[data-group-id="group-ElementTemplates__Template"]').getByText('Angewendet').waitFor();

    // The template's fields show in the properties panel, and a field edits its own zeebe:input.
    // The panel's FEEL editors keep the accessible name they were made with (v1's English labels) until it is rebuilt.
    await page.locator('.djs-element[data-element-id="issue-certificate"]').click();
    await page.locator('.djs-element[data-element-id="find-resident"]').click();
    const applicant = page.getByLabel('Antragsteller/in', { exact: true });
    await expect(applicant.textContent()).resolves.toBe('applicant');
    await applicant.fill('{firstName: applicant.firstName, lastName: applicant.lastName, dateOfBirth: applicant.dateOfBirth}');
    // An emptied required field is refused by the panel, with the template's constraint.
    // Emptied through the editor's own keys: fill('') presses Delete, which CodeMirror applies to the
    // selection it last read, and under load that may still be a cursor rather than fill's select-all.
    const municipality = page.getByLabel('Gemeinde', { exact: true });
    await municipality.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.getByText('Gemeinde darf nicht leer sein.').waitFor();
    await municipality.fill('municipalityId'); // the FEEL field writes the leading =

    // A task without a template gets one from the chooser; the lint still passes.
    await applyTemplate(page, 'issue-certificate', 'Dokument ausstellen');
    await page.getByLabel('Sprache', { exact: true }).waitFor();
    await page.getByText('Prüfung bestanden: keine Fehler.').waitFor();
    await screenshot(page, 'modeler-template');
    const xml = await downloadedXml(page);
    const task = (id: string) => new RegExp(`<bpmn:serviceTask id="${id}"[^>]*>[\\s\\S]*?</bpmn:serviceTask>`).exec(xml)?.[0] ?? '';
    expect(task('find-resident')).toContain('zeebe:modelerTemplate="gemeindeportal.find-resident" zeebe:modelerTemplateVersion="2"');
    expect(task('find-resident')).toContain('<zeebe:input source="={firstName: applicant.firstName, lastName: applicant.lastName, dateOfBirth: applicant.dateOfBirth}" target="applicant" />');
    expect(task('find-resident')).toContain('<zeebe:input source="=municipalityId" target="municipalityId" />');
    expect(task('issue-certificate')).toContain('zeebe:modelerTemplate="gemeindeportal.issue-document" zeebe:modelerTemplateVersion="1"');
    expect(task('issue-certificate')).toContain('<zeebe:input source="=serviceId" target="serviceId" />');
    // The document the diagram named before the template is kept.
    expect(task('issue-certificate')).toContain('<zeebe:header key="documentKind" value="residence-certificate" />');

    await page.locator('#bpmn-file').setInputFiles({ name: 'kaputt.bpmn', mimeType: 'application/xml', buffer: Buffer.from(withoutJobType) });
    await page.locator('#lint-summary').filter({ hasText: /[1-9]\d* Fehler/ }).waitFor();
    await expect(page.locator('.lint-list').textContent()).resolves.toContain('validate-order');
    await page.getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nicht bereitgestellt: Das Diagramm hat Fehler.' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'modeler-lint-error');
    expect((await versionsOf(modellerCookie)).map((v) => v.version)).toEqual(before.map((v) => v.version));
    await page.context().close();
  }, 90_000);

  it('when a clerk opens the modeller, then she sees the diagram but has no way to save or deploy', async () => {
    const page = await modelerPage(browser(), 'sandra.meier');
    await openService(page);
    await page.getByText('speichern und bereitstellen dürfen nur Prozessmodellierende').waitFor();
    await expect(page.getByRole('button', { name: 'Bereitstellen' }).count()).resolves.toBe(0);
    const refused = await page.evaluate(async () => (await fetch('/modeler/api/services/residence-certificate/deployments', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'modeler' }, body: JSON.stringify({ revision: 1 }),
    })).status);
    expect(refused).toBe(403);
    // Also where the pointer rests on the simulation's toggle, which turns it green.
    await page.locator('.bts-toggle-mode').hover();
    expect(await checkAccessibility(page)).toEqual([]);
    // The service's forms open in the form-js editor beside the diagram.
    await page.getByRole('button', { name: 'Formulare' }).click();
    await page.getByRole('heading', { name: 'Formular residence-certificate-review' }).waitFor();
    await page.locator('.fjs-editor-container').first().waitFor();
    await screenshot(page, 'modeler-forms');
    await page.context().close();
  }, 90_000);
});
