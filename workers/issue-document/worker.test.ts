import { resolve } from 'node:path';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentTemplateFinder, type FindDocumentTemplate } from '../../core/catalogue/package-templates.ts';
import { readServicePackages } from '../../core/catalogue/service-packages.ts';
import { allWorkers, type WorkerDeps } from '../composition/all-workers.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { AARAU, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeDocuments } from '../testing/fake-case-records.ts';
import { runJob } from '../testing/run-job.ts';
import { createIssueDocumentWorker } from './worker.ts';

const variables = {
  caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41',
  serviceId: 'residence-certificate',
  municipalityId: AARAU.id,
  language: 'de',
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
  resident: { residenceType: 'main', since: '2015-03-01', address: { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' } },
};
const certificate = { customHeaders: { documentKind: 'residence-certificate' } };
// 23:30 UTC on 22 November is already the 23rd in Zurich: the document carries the Swiss date, whatever the server's zone.
const lateEvening = () => new Date('2026-11-22T23:30:00Z');

let documentTemplates: FindDocumentTemplate;
beforeAll(async () => {
  documentTemplates = documentTemplateFinder(await readServicePackages(resolve(import.meta.dirname, '../../processes')));
});

const textOf = async (content: Buffer | undefined) => (await extractText(new Uint8Array(content ?? []), { mergePages: true })).text.replace(/\s+/g, ' ');

describe('issue-document', () => {
  it('when the residence certificate is issued, then the PDF from its package\'s template is filed under the case, numbered by municipality and case, and the job completes with its id', async () => {
    const { documents, filed } = fakeDocuments();
    const worker = createIssueDocumentWorker({ catalogue: fakeCatalogue(), documents, documentTemplates, now: lateEvening });
    const result = await runJob(worker, variables, certificate);
    expect(result).toEqual({ outcome: 'complete', variables: { documentId: 'document-1' } });
    expect(filed).toMatchObject([{ caseId: variables.caseId, kind: 'residence-certificate', fileName: 'WB-4001-0B9F5C2E.pdf', mediaType: 'application/pdf' }]);
    const text = await textOf(filed[0]?.content);
    for (const expected of ['Wohnsitzbestätigung', 'Anna Muster', 'Aarau, 23.11.2026', 'Bestätigungsnummer WB-4001-0B9F5C2E', 'Rathausgasse 1, 5000 Aarau', 'www.aarau.example']) {
      expect(text).toContain(expected);
    }
  });

  it('when the case is in Italian, then the document is', async () => {
    const { documents, filed } = fakeDocuments();
    await runJob(createIssueDocumentWorker({ catalogue: fakeCatalogue(), documents, documentTemplates, now: lateEvening }), { ...variables, language: 'it' }, certificate);
    const text = await textOf(filed[0]?.content);
    expect(text).toContain('Certificato di domicilio');
    expect(text).toContain('Comune di Aarau');
    expect(text).not.toContain('Wohnsitzbestätigung');
  });

  it('when a task names no document (a diagram deployed before the header), then the service\'s only document is issued', async () => {
    const { documents, filed } = fakeDocuments();
    await runJob(createIssueDocumentWorker({ catalogue: fakeCatalogue(), documents, documentTemplates, now: lateEvening }), variables);
    expect(filed.map((document) => document.kind)).toEqual(['residence-certificate']);
  });

  it('when an instance of a diagram deployed before reaches its issue-certificate task, then the same worker issues the certificate', async () => {
    const { documents, filed } = fakeDocuments();
    // Building the workers only closes over their dependencies; this test runs one of them.
    const former = allWorkers({ catalogue: fakeCatalogue(), documents, documentTemplates } as WorkerDeps).find((worker) => worker.type === 'issue-certificate');
    expect(former).toBeDefined();
    if (former) await runJob(former, variables);
    expect(filed).toMatchObject([{ kind: 'residence-certificate', fileName: 'WB-4001-0B9F5C2E.pdf' }]);
  });

  it.each([
    ['the municipality is not in the catalogue', { catalogue: fakeCatalogue({ municipalities: [] }) }, {}, certificate.customHeaders, /unknown municipality aarau/],
    ['the package has no template of the kind the task names', {}, {}, { documentKind: 'residence-certificat' }, /the package of residence-certificate has no template for the document residence-certificat/],
    ['the service has no package', {}, { serviceId: 'dog-licence' }, certificate.customHeaders, /the package of dog-licence has no template/],
    ['the task names no document and the service issues none', {}, { serviceId: 'contact-data-change' }, {}, /names no documentKind, and contact-data-change does not issue exactly one document/],
  ])('when %s, then an incident is raised at once and nothing is filed', async (_case, deps, change, customHeaders, message) => {
    const { documents, filed } = fakeDocuments();
    const worker = createIssueDocumentWorker({ catalogue: fakeCatalogue(), documents, documentTemplates, ...deps });
    const run = runJob(worker, { ...variables, ...change }, { customHeaders });
    await expect(run).rejects.toThrow(NonRetryableError);
    await expect(run).rejects.toThrow(message);
    expect(filed).toEqual([]);
  });

  it('when a variable the template reads is missing, then the incident names the template\'s file and field, and no personal data', async () => {
    const { documents, filed } = fakeDocuments();
    const worker = createIssueDocumentWorker({ catalogue: fakeCatalogue(), documents, documentTemplates });
    const { resident: _resident, ...withoutResident } = variables;
    const run = runJob(worker, withoutResident, certificate);
    await expect(run).rejects.toThrow(NonRetryableError);
    await expect(run).rejects.toThrow(/^processes\/residence-certificate\/templates\/residence-certificate\.yaml: \/de\/facts\/Art des Wohnsitzes: \{\{if resident\.residenceType/);
    await expect(run).rejects.not.toThrow(/Anna|Muster|1985/);
    expect(filed).toEqual([]);
  });
});
