import { resolve } from 'node:path';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentTemplateFinder, type FindDocumentTemplate } from '../../core/catalogue/package-templates.ts';
import { readServicePackages } from '../../core/catalogue/service-packages.ts';
import { isReferenceValidForAccount } from '../../connectors/payment/payment-reference.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { AARAU, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeDocuments } from '../testing/fake-case-records.ts';
import { fakeInstalments } from '../testing/fake-instalments.ts';
import { fakePayments } from '../testing/fake-payments.ts';
import { runJob } from '../testing/run-job.ts';
import { createIssueInstalmentPlanWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const plan = {
  caseId: CASE_ID,
  municipalityId: AARAU.id,
  serviceId: 'instalment-plan',
  language: 'fr',
  applicant: { firstName: 'Greta', lastName: 'Sperrli' },
  openItems: [
    { itemId: 'OP-1', description: 'Gemeindesteuern 2025', amountRappen: 40_000, dueDate: '2026-09-30' },
    { itemId: 'OP-2', description: 'Hundesteuer 2026', amountRappen: 20_001, dueDate: '2026-04-30' },
  ],
  instalmentPlan: {
    planId: 'RP-7', totalRappen: 60_001,
    schedule: [{ dueDate: '2027-01-06', amountRappen: 20_000 }, { dueDate: '2027-02-06', amountRappen: 20_000 }, { dueDate: '2027-03-06', amountRappen: 20_001 }],
  },
  resident: { address: { street: 'Beispielgasse', houseNumber: '4a', postalCode: '5000', town: 'Aarau' } },
};

let documentTemplates: FindDocumentTemplate;
beforeAll(async () => {
  documentTemplates = documentTemplateFinder(await readServicePackages(resolve(import.meta.dirname, '../../processes')));
});

function issuePlan({ catalogue = fakeCatalogue(), instalments = fakeInstalments() } = {}) {
  const documents = fakeDocuments();
  const worker = createIssueInstalmentPlanWorker({
    catalogue, payments: fakePayments().payments, instalments: instalments.instalments, documents: documents.documents, documentTemplates,
    now: () => new Date('2026-12-07T09:00:00Z'),
  });
  return { worker, documents, instalments };
}

describe('issue-instalment-plan', () => {
  it('when a plan is agreed, then each instalment gets its own QR reference to the municipality\'s QR-IBAN, is stored open, and the plan from the package\'s template is filed in the case\'s language', async () => {
    const { worker, documents, instalments } = issuePlan();
    const result = await runJob(worker, plan);

    const stored = instalments.rows;
    expect(stored.map(({ number, dueOn, amountRappen, state, planId }) => ({ number, dueOn, amountRappen, state, planId }))).toEqual([
      { number: 1, dueOn: '2027-01-06', amountRappen: 20_000, state: 'open', planId: 'RP-7' },
      { number: 2, dueOn: '2027-02-06', amountRappen: 20_000, state: 'open', planId: 'RP-7' },
      { number: 3, dueOn: '2027-03-06', amountRappen: 20_001, state: 'open', planId: 'RP-7' },
    ]);
    expect(new Set(stored.map((row) => row.reference)).size).toBe(3);
    for (const row of stored) expect(isReferenceValidForAccount({ type: row.referenceType, value: row.reference }, AARAU.creditor?.iban ?? '')).toBe(true);
    expect(result).toEqual({
      outcome: 'complete',
      variables: {
        instalmentSchedule: stored.map((row) => ({ id: row.id, number: row.number, dueDate: row.dueOn, amountRappen: row.amountRappen, reference: row.reference })),
        planDocumentId: 'document-1',
      },
    });
    expect(documents.filed).toMatchObject([{ caseId: CASE_ID, kind: 'instalment-plan', fileName: 'Ratenplan-0B9F5C2E.pdf', mediaType: 'application/pdf' }]);
    const { text, totalPages } = await extractText(new Uint8Array(documents.filed[0]?.content ?? []), { mergePages: true });
    const words = text.replace(/\s+/g, ' ');
    // The plan's page from the template, then a page with the payment part for each instalment.
    expect(totalPages).toBe(4);
    for (const expected of [
      'Plan de paiement', 'Administration des finances', 'Greta Sperrli paie les factures ouvertes suivantes en 3 mensualités',
      'Gemeindesteuern 2025 : CHF 400.00', 'CHF 600.01', 'Mensualité 3, échéance le 06.03.2027 : CHF 200.01', 'N° du plan RP-7', 'Mensualité 3 sur 3',
    ]) expect(words).toContain(expected);
  });

  it('when the job is retried after the instalments were stored, then the same references are kept and no second set is made', async () => {
    const instalments = fakeInstalments();
    const first = await runJob(issuePlan({ instalments }).worker, plan);
    const again = await runJob(issuePlan({ instalments }).worker, plan);
    expect(again).toEqual(first);
    expect(instalments.rows).toHaveLength(3);
    expect(instalments.records()).toBe(1);
  });

  it('when the person has no address in the register, then the plan is issued with the name only', async () => {
    const { worker, documents } = issuePlan();
    expect(await runJob(worker, { ...plan, resident: null })).toMatchObject({ outcome: 'complete' });
    const { text } = await extractText(new Uint8Array(documents.filed[0]?.content ?? []), { mergePages: true });
    expect(text).toContain('Greta Sperrli');
    expect(text).not.toContain('Beispielgasse');
  });

  it('when the service\'s package has no template for the plan, then an incident is raised at once and nothing is filed', async () => {
    const { worker, documents } = issuePlan();
    await expect(runJob(worker, { ...plan, serviceId: 'residence-certificate' })).rejects.toThrow(/no template for the document instalment-plan/);
    expect(documents.filed).toEqual([]);
  });

  it('when the municipality has no creditor account for QR-bills, then an incident is raised at once and nothing is stored', async () => {
    const { worker, documents, instalments } = issuePlan({ catalogue: fakeCatalogue({ municipalities: [{ ...AARAU, creditor: null }] }) });
    await expect(runJob(worker, plan)).rejects.toThrow(NonRetryableError);
    expect(instalments.rows).toEqual([]);
    expect(documents.filed).toEqual([]);
  });

  it('when the plan has more than twelve instalments, then the input is refused before anything is stored', async () => {
    const { worker, instalments } = issuePlan();
    const schedule = Array.from({ length: 13 }, () => ({ dueDate: '2027-01-06', amountRappen: 100 }));
    await expect(runJob(worker, { ...plan, instalmentPlan: { ...plan.instalmentPlan, schedule } })).rejects.toThrow(/schedule/);
    expect(instalments.rows).toEqual([]);
  });
});
