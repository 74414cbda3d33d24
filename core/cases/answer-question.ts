import type { CasesRepository } from '../db/cases-repository.ts';
import type { CitizenAnswersRepository } from '../db/citizen-answers-repository.ts';
import { type MessagePublisher, publishOnce } from '../engine/publish-message.ts';
import { caseErrors } from '../errors/case-errors.ts';
import { engineUnavailable } from '../errors/problem-error.ts';

// Covers the moment between the question reaching the citizen and the engine opening the wait.
const ANSWER_TIME_TO_LIVE_MS = 60_000;

export type AnswerQuestion = (citizenId: string, caseId: string, text: string) => Promise<void>;

/**
 * The citizen answers the municipality's question (CASE-3): the answer is kept in the case's
 * messages, and the waiting process is resumed by the message the diagram names (`awaits`),
 * correlated by the case id. One answer per round of questions; the message id makes a repeat one
 * message for the engine, so a retried request never resumes the process twice.
 */
export function createAnswerQuestion(deps: {
  cases: CasesRepository;
  answers: CitizenAnswersRepository;
  engine: MessagePublisher;
  now?: () => Date;
}): AnswerQuestion {
  const now = deps.now ?? (() => new Date());
  return async (citizenId, caseId, text) => {
    const row = await deps.cases.findById(caseId);
    if (!row || row.citizenId !== citizenId) throw caseErrors.notFound();
    if (!row.awaits || !row.processInstanceKey || row.instanceState !== 'ACTIVE' || row.openIncidents > 0) {
      throw caseErrors.noOpenQuestion();
    }
    const round = await deps.answers.currentRound(row.processInstanceKey);
    if (await deps.answers.store(caseId, round, text, now()) === 'already-answered') {
      throw caseErrors.alreadyAnswered();
    }
    try {
      await publishOnce(deps.engine, {
        name: row.awaits,
        correlationKey: caseId,
        messageId: `${row.awaits}:${caseId}:${round}`,
        timeToLive: ANSWER_TIME_TO_LIVE_MS,
        variables: {},
      });
    } catch (error) {
      await deps.answers.withdraw(caseId, round);
      throw engineUnavailable('Your answer could not be passed on; nothing was stored. Please try again.', error);
    }
  };
}
