// The detail view of a case as its citizen reads it (CASE-1, CASE-2).
import type { CatalogueRepository } from '../db/catalogue-repository.ts';
import type { CaseRow, CasesRepository } from '../db/cases-repository.ts';
import type { InstalmentsRepository } from '../db/instalments-repository.ts';
import type { PaymentsRepository } from '../db/payments-repository.ts';
import type { CaseDetail } from './case-schemas.ts';
import { toCaseDetail } from './case-view.ts';

/** The detail view of a case row: its phases, documents, messages, expected processing time, fee and instalment plan. */
export type CaseDetailLoader = (row: CaseRow) => Promise<CaseDetail>;

export function createCaseDetailLoader(
  cases: CasesRepository, catalogue: CatalogueRepository, payments: PaymentsRepository, instalments: InstalmentsRepository,
): CaseDetailLoader {
  return async function detailOf(row) {
    const [history, documents, messages, days, payment, plan] = await Promise.all([
      row.processInstanceKey ? cases.history(row.processInstanceKey) : [],
      cases.documents(row.id),
      cases.messages(row.id),
      catalogue.expectedProcessingDays(row.serviceId),
      payments.findByCase(row.id),
      instalments.ofCase(row.id),
    ]);
    return toCaseDetail(row, { history, documents, messages, expectedProcessingDays: days ?? 0, payment, instalments: plan });
  };
}
