import type { Logger } from 'pino';
import type { SendAccountMail } from '../accounts/mail-delivery.ts';
import type { OrganisationsRepository } from '../db/organisations-repository.ts';
import { LANGUAGES, type Language } from '../language.ts';
import type { RoleChange } from './organisation-service.ts';
import { ORGANISATION_MAIL_TEXTS } from './organisation-texts.ts';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * ORG-3: a member made a manager, or a manager made a plain member again, is told by mail in
 * their account's language, with the organisation and who changed it: a role carries rights over
 * the organisation's data and members, and nobody should hold or lose them unknowingly. The role
 * is already changed; a notice that cannot be written is logged, never turned into an error.
 */
export function createRoleNotices(deps: { organisations: OrganisationsRepository; sendMail: SendAccountMail; logger: Logger }): (change: RoleChange) => Promise<void> {
  const { organisations, sendMail, logger } = deps;
  return async (change) => {
    try {
      const [organisation, actor, target] = await Promise.all([
        organisations.find(change.organisationId), organisations.account(change.actorId), organisations.account(change.targetId),
      ]);
      if (!organisation || !actor || !target) return;
      const texts = ORGANISATION_MAIL_TEXTS[isLanguage(target.language) ? target.language : 'de'];
      const params = { name: `${target.firstName} ${target.lastName}`, organisation: organisation.name, changedBy: `${actor.firstName} ${actor.lastName}` };
      if (change.role === 'manager') sendMail(target.email, texts.madeManager(params), 'organisation-made-manager');
      else sendMail(target.email, texts.noLongerManager(params), 'organisation-no-longer-manager');
    } catch (error) {
      logger.error({ organisationId: change.organisationId, error: error instanceof Error ? error.message : String(error) }, 'role notice not sent');
    }
  };
}
