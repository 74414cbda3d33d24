import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { FeeLedger } from '../../connectors/payment/ledger-payment.ts';

/** What the workers write about a case: fees and messages, each written once however often a job retries. */
export interface CaseRecordsRepository extends FeeLedger {
  caseExists(caseId: string): Promise<boolean>;
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
}

export function createCaseRecordsRepository(db: Knex): CaseRecordsRepository {
  return {
    async caseExists(caseId) {
      return Boolean(await db('cases').where({ id: caseId }).first('id'));
    },
    async book(request) {
      await db('fees').insert({
        id: randomUUID(),
        case_id: request.caseId,
        amount_rappen: request.amountRappen,
        payment_account: request.paymentAccount,
        booking_text: request.bookingText,
        status: 'booked',
        created_at: new Date(),
      }).onConflict('case_id').ignore();
      const fee = await db('fees').where({ case_id: request.caseId }).first('id', 'amount_rappen', 'status');
      return { feeId: fee.id, amountRappen: fee.amount_rappen, status: fee.status };
    },
    async postMessage(caseId, template, params) {
      await db('case_messages')
        .insert({ id: randomUUID(), case_id: caseId, template, params: JSON.stringify(params), created_at: new Date() })
        .onConflict(['case_id', 'template']).ignore();
    },
  };
}
