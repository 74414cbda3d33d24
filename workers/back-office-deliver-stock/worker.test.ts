import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeDeliverStock } from './worker.ts';

const deliveryAddress = { recipient: 'Anna Muster', street: 'Bahnhofstrasse', houseNumber: null, postalCode: '5000', town: 'Aarau' };
const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, articleCode: 'KEHRICHT-35L', quantity: 10, deliveryAddress };

describe('back-office-deliver-stock', () => {
  it('when the articles are dispatched, then the job completes with the delivery, ordered under the case and task as reference', async () => {
    const { deps, calls } = fakeConnectorDeps({ deliverStock: async () => ({ outcome: 'dispatched', deliveryId: 'L-5', expectedOn: '2026-11-25' }) });
    const result = await runJob(backOfficeDeliverStock.worker(deps), variables, { elementId: 'Task_deliver' });
    expect(result).toEqual({ outcome: 'complete', variables: { delivery: { deliveryId: 'L-5', expectedOn: '2026-11-25' } } });
    expect(calls.map((call) => call.request)).toEqual([{ reference: `${variables.caseId}:Task_deliver`, articleCode: 'KEHRICHT-35L', quantity: 10, deliveryAddress }]);
  });

  it('when the stock is short, then the BPMN error OUT_OF_STOCK tells the diagram how many units are left', async () => {
    const { deps } = fakeConnectorDeps({ deliverStock: async () => ({ outcome: 'out-of-stock', available: 3 }) });
    expect(await runJob(backOfficeDeliverStock.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'OUT_OF_STOCK', message: 'not enough units in stock', variables: { availableUnits: 3 },
    });
  });

  it('when the municipality does not keep the article, then the BPMN error UNKNOWN_ARTICLE is raised', async () => {
    const { deps } = fakeConnectorDeps({ deliverStock: async () => ({ outcome: 'unknown-article' }) });
    expect(await runJob(backOfficeDeliverStock.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'UNKNOWN_ARTICLE', message: 'the municipality does not keep this article',
    });
  });
});
