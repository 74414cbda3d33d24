import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

/** The citizen's answers to a question, one per round of questions: `citizen-answer:<round>`. */
export const CITIZEN_ANSWER_PREFIX = 'citizen-answer:';

/** The citizen's answers to the municipality's questions: one per round, kept as case messages. */
export interface CitizenAnswersRepository {
  /** How many times the process has waited for the citizen so far: the current round's number. */
  currentRound(processInstanceKey: string): Promise<number>;
  store(caseId: string, round: number, text: string, at: Date): Promise<'stored' | 'already-answered'>;
  /** Takes back an answer the engine could not be told about, so the citizen can send it again. */
  withdraw(caseId: string, round: number): Promise<void>;
}

export function createCitizenAnswersRepository(db: Knex): CitizenAnswersRepository {
  const template = (round: number) => `${CITIZEN_ANSWER_PREFIX}${round}`;
  return {
    async currentRound(processInstanceKey) {
      const [row] = await db('case_phases').where({ process_instance_key: processInstanceKey }).whereNotNull('awaits').count({ rounds: '*' });
      return Number(row?.rounds ?? 0);
    },
    async store(caseId, round, text, at) {
      const inserted = await db('case_messages')
        .insert({ id: randomUUID(), case_id: caseId, template: template(round), params: JSON.stringify({ text }), created_at: at })
        .onConflict(['case_id', 'template']).ignore()
        .returning('id');
      return inserted.length === 1 ? 'stored' : 'already-answered';
    },
    async withdraw(caseId, round) {
      await db('case_messages').where({ case_id: caseId, template: template(round) }).delete();
    },
  };
}
