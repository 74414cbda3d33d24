import { DRAFTS_PER_ACCOUNT } from '../drafts/draft-limits.ts';
import { ProblemError } from './problem-error.ts';

/** The refusals of drafts (ACC-9), with stable codes. */
export const draftErrors = {
  // Another account's draft answers exactly like a missing one.
  notFound: () => new ProblemError(404, 'draft-not-found', 'Entwurf nicht gefunden'),
  tooMany: () => new ProblemError(409, 'too-many-drafts', 'Zu viele Entwürfe',
    `An account keeps at most ${DRAFTS_PER_ACCOUNT} drafts; send or delete one first.`),
  incomplete: (errors: { pointer: string; detail: string }[]) =>
    new ProblemError(422, 'draft-incomplete', 'Der Entwurf ist noch nicht vollständig.', errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '), errors),
};
