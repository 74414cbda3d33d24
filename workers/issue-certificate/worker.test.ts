import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { AARAU, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeDocuments } from '../testing/fake-case-records.ts';
import { runJob } from '../testing/run-job.ts';
import { createIssueCertificateWorker } from './worker.ts';

const variables = {
  caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41',
  municipalityId: AARAU.id,
  language: 'de',
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
  resident: { residenceType: 'main', since: '2015-03-01', address: { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' } },
};
// 23:30 UTC on 22 November is already the 23rd in Zurich: the certificate carries the Swiss date, whatever the server's zone.
const lateEvening = () => new Date('2026-11-22T23:30:00Z');

describe('issue-certificate', () => {
  it('when the certificate is issued, then its PDF is filed under the case, numbered by municipality and case, and the job completes with its id', async () => {
    const { documents, filed } = fakeDocuments();
    const result = await runJob(createIssueCertificateWorker({ catalogue: fakeCatalogue(), documents, now: lateEvening }), variables);
    expect(result).toEqual({ outcome: 'complete', variables: { documentId: 'document-1' } });
    expect(filed).toMatchObject([{ caseId: variables.caseId, kind: 'residence-certificate', fileName: 'WB-4001-0B9F5C2E.pdf', mediaType: 'application/pdf' }]);
    const { text } = await extractText(new Uint8Array(filed[0]?.content ?? []), { mergePages: true });
    expect(text).toContain('WB-4001-0B9F5C2E');
    expect(text).toContain('Muster');
    expect(text).toContain('Ausgestellt am 23.11.2026');
  });

  it('when the municipality is not in the catalogue, then an incident is raised at once and nothing is filed', async () => {
    const { documents, filed } = fakeDocuments();
    const worker = createIssueCertificateWorker({ catalogue: fakeCatalogue({ municipalities: [] }), documents });
    await expect(runJob(worker, variables)).rejects.toThrow(NonRetryableError);
    expect(filed).toEqual([]);
  });
});
