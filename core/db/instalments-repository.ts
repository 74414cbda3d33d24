import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

export type InstalmentState = 'open' | 'paid' | 'reminded' | 'missed' | 'cancelled';

/** The states an instalment may be marked with by its process; `paid` comes from the bank only. */
export type MarkedInstalmentState = Exclude<InstalmentState, 'open' | 'paid'>;

export interface Instalment {
  id: string;
  caseId: string;
  municipalityId: string;
  number: number;
  planId: string;
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  amountRappen: number;
  reference: string;
  referenceType: 'QRR' | 'SCOR';
  creditorIban: string;
  state: InstalmentState;
  paidAt: Date | null;
}

export type NewInstalment = Omit<Instalment, 'id' | 'caseId' | 'municipalityId' | 'planId' | 'state' | 'paidAt'>;

/** The instalments of the cases' plans (issue 15); every write is safe to repeat. */
export interface InstalmentsRepository {
  /** Stores the case's instalments once; a repeat keeps the first ones. Returns the case's instalments by number. */
  record(plan: { caseId: string; municipalityId: string; planId: string }, instalments: readonly NewInstalment[]): Promise<Instalment[]>;
  ofCase(caseId: string): Promise<Instalment[]>;
  findByReference(reference: string): Promise<Instalment | undefined>;
  /** Unpaid → paid; false when it was paid already. */
  markPaid(instalmentId: string, at: Date): Promise<boolean>;
  /**
   * Marks the case's instalment `number` (or, without one, every unpaid instalment) with the state,
   * from the states it may follow; returns how many changed. A paid instalment stays paid.
   */
  mark(caseId: string, state: MarkedInstalmentState, number?: number): Promise<number>;
}

/** What each state may follow: a reminder only for an open instalment, a miss or an end of the plan for any unpaid one. */
export const MARKED_FROM: Readonly<Record<MarkedInstalmentState, readonly InstalmentState[]>> = {
  reminded: ['open'],
  missed: ['open', 'reminded'],
  cancelled: ['open', 'reminded'],
};

const toInstalment = (row: Record<string, unknown>): Instalment => ({
  id: row.id as string,
  caseId: row.case_id as string,
  municipalityId: row.municipality_id as string,
  number: row.number as number,
  planId: row.plan_id as string,
  dueOn: row.due_on_text as string,
  amountRappen: row.amount_rappen as number,
  reference: row.reference as string,
  referenceType: row.reference_type as Instalment['referenceType'],
  creditorIban: row.creditor_iban as string,
  state: row.state as InstalmentState,
  paidAt: row.paid_at ? new Date(row.paid_at as string) : null,
});

export function createInstalmentsRepository(db: Knex): InstalmentsRepository {
  // The due date as written, not as node-postgres reads a date column (local midnight).
  const selectInstalments = () => db('instalments').select('*', db.raw('due_on::text as due_on_text'));
  const ofCase = async (caseId: string) => (await selectInstalments().where({ case_id: caseId }).orderBy('number')).map(toInstalment);
  return {
    async record(plan, instalments) {
      const now = new Date();
      if (instalments.length > 0) {
        await db('instalments')
          .insert(instalments.map((instalment) => ({
            id: randomUUID(),
            case_id: plan.caseId,
            municipality_id: plan.municipalityId,
            plan_id: plan.planId,
            number: instalment.number,
            due_on: instalment.dueOn,
            amount_rappen: instalment.amountRappen,
            reference: instalment.reference,
            reference_type: instalment.referenceType,
            creditor_iban: instalment.creditorIban,
            state: 'open',
            updated_at: now,
          })))
          .onConflict(['case_id', 'number'])
          .ignore();
      }
      return ofCase(plan.caseId);
    },
    ofCase,
    async findByReference(reference) {
      const row = await selectInstalments().where({ reference }).first();
      return row ? toInstalment(row) : undefined;
    },
    async markPaid(instalmentId, at) {
      const updated = await db('instalments').where({ id: instalmentId }).whereNot({ state: 'paid' }).update({ state: 'paid', paid_at: at, updated_at: new Date() });
      return updated > 0;
    },
    async mark(caseId, state, number) {
      const query = db('instalments').where({ case_id: caseId }).whereIn('state', [...MARKED_FROM[state]]);
      if (number !== undefined) query.andWhere({ number });
      return query.update({ state, updated_at: new Date() });
    },
  };
}
