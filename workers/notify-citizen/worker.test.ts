import { describe, expect, it } from 'vitest';
import { messageTemplateNames } from '../../core/cases/message-texts.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { fakeCaseRecords } from '../testing/fake-case-records.ts';
import { runJob } from '../testing/run-job.ts';
import { createNotifyCitizenWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const TEMPLATE = messageTemplateNames()[0] ?? '';

describe('notify-citizen', () => {
  it('when the task names a known message, then it is posted to the case once for this visit of the task, with its placeholders', async () => {
    const { caseRecords, messages } = fakeCaseRecords();
    const result = await runJob(createNotifyCitizenWorker({ caseRecords }), { caseId: CASE_ID, messageParams: { question: 'Welche Adresse?' } }, {
      customHeaders: { template: TEMPLATE }, elementInstanceKey: '2251799813685999',
    });
    expect(result).toEqual({ outcome: 'complete', variables: {} });
    expect(messages).toEqual([{ caseId: CASE_ID, template: `${TEMPLATE}#2251799813685999`, params: { question: 'Welche Adresse?' } }]);
  });

  it('when the case carries a rejection reason, then the message gets it as its reason', async () => {
    const { caseRecords, messages } = fakeCaseRecords();
    await runJob(createNotifyCitizenWorker({ caseRecords }), { caseId: CASE_ID, rejectionReason: 'Kein Wohnsitz in Aarau' }, { customHeaders: { template: TEMPLATE } });
    expect(messages[0]?.params).toEqual({ reason: 'Kein Wohnsitz in Aarau' });
  });

  it.each([
    ['names no message', {}],
    ['names a message the platform does not know', { template: 'no-such-message' }],
  ])('when the task %s, then an incident is raised at once and nothing is posted', async (_situation, customHeaders) => {
    const { caseRecords, messages } = fakeCaseRecords();
    await expect(runJob(createNotifyCitizenWorker({ caseRecords }), { caseId: CASE_ID }, { customHeaders })).rejects.toThrow(NonRetryableError);
    expect(messages).toEqual([]);
  });
});
