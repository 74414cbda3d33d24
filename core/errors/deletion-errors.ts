import { ProblemError } from './problem-error.ts';
import { DELETION_REFUSAL_TEXTS } from '../accounts/deletion-texts.ts';

const texts = DELETION_REFUSAL_TEXTS.de;

/** Refusals of a self-deletion (ACC-6), with stable codes. */
export const deletionErrors = {
  pendingCase: (count: number) =>
    new ProblemError(409, 'deletion-blocked-pending-case', 'Konto kann noch nicht gelöscht werden', texts.pendingCase(count)),
  lastManager: (organisations: { id: string; name: string }[]) =>
    new ProblemError(409, 'deletion-blocked-last-manager', 'Konto kann noch nicht gelöscht werden',
      texts.lastManager(organisations.map((o) => `«${o.name}»`).join(', ')),
      organisations.map((o) => ({ pointer: `/organisations/${o.id}`, detail: 'only manager; hand the role on first' }))),
};
