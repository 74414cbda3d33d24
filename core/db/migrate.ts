import type { Knex } from 'knex';
import * as portalSchema from './migrations/001-portal-schema.ts';
import * as institutions from './migrations/002-institutions.ts';
import * as payments from './migrations/003-payments.ts';
import * as tasklist from './migrations/004-tasklist.ts';
import * as tasklistIndexes from './migrations/005-tasklist-indexes.ts';
import * as citizenAnswers from './migrations/006-citizen-answers.ts';
import * as processDrafts from './migrations/007-process-drafts.ts';
import * as internalTasks from './migrations/008-internal-tasks.ts';
import * as taskDigest from './migrations/009-task-digest.ts';
import * as registerExtract from './migrations/010-register-extract.ts';
import * as staffOrganisation from './migrations/012-staff-organisation.ts';
import * as accounts from './migrations/013-accounts.ts';
import * as organisations from './migrations/014-organisations.ts';
import * as accountDeletionAndDrafts from './migrations/015-account-deletion-and-drafts.ts';
import * as serviceRequests from './migrations/016-service-requests.ts';
import * as caseMessageNotices from './migrations/018-case-message-notices.ts';
import * as accountMailOutbox from './migrations/019-account-mail-outbox.ts';
import * as sharedAccountState from './migrations/020-shared-account-state.ts';
import * as staffSessions from './migrations/021-staff-sessions.ts';
import * as serviceManifests from './migrations/022-service-manifests.ts';
import * as serviceStartForms from './migrations/023-service-start-forms.ts';
import * as serviceSettings from './migrations/024-service-settings.ts';
import * as catalogueSearch from './migrations/025-catalogue-search.ts';
import * as municipalConfigurationChanges from './migrations/026-municipal-configuration-changes.ts';
import * as instalments from './migrations/027-instalments.ts';
import * as municipalityLetterhead from './migrations/028-municipality-letterhead.ts';
import * as serviceIntake from './migrations/029-service-intake.ts';
import * as servicePackageDrafts from './migrations/031-service-package-drafts.ts';
import * as serviceDocumentTemplates from './migrations/032-service-document-templates.ts';

interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

// Listed in code rather than discovered on disk: the order is explicit and TypeScript checks each one.
const migrations: Record<string, Migration> = {
  '001-portal-schema': portalSchema,
  '002-institutions': institutions,
  '003-payments': payments,
  '004-tasklist': tasklist,
  '005-tasklist-indexes': tasklistIndexes,
  '006-citizen-answers': citizenAnswers,
  '007-process-drafts': processDrafts,
  '008-internal-tasks': internalTasks,
  '009-task-digest': taskDigest,
  '010-register-extract': registerExtract,
  '012-staff-organisation': staffOrganisation,
  '013-accounts': accounts,
  '014-organisations': organisations,
  '015-account-deletion-and-drafts': accountDeletionAndDrafts,
  '016-service-requests': serviceRequests,
  '018-case-message-notices': caseMessageNotices,
  '019-account-mail-outbox': accountMailOutbox,
  '020-shared-account-state': sharedAccountState,
  '021-staff-sessions': staffSessions,
  '022-service-manifests': serviceManifests,
  '023-service-start-forms': serviceStartForms,
  '024-service-settings': serviceSettings,
  '025-catalogue-search': catalogueSearch,
  '026-municipal-configuration-changes': municipalConfigurationChanges,
  '027-instalments': instalments,
  '028-municipality-letterhead': municipalityLetterhead,
  '029-service-intake': serviceIntake,
  '031-service-package-drafts': servicePackageDrafts,
  '032-service-document-templates': serviceDocumentTemplates,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};

/** Brings the schema to the newest version; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Knex): Promise<string[]> {
  const [, ran] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return ran;
}
