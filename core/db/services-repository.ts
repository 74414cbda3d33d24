import type { Knex } from 'knex';
import type { ServiceManifest } from '../catalogue/service-manifest.ts';

export interface ServicesRepository {
  /** Inserts or refreshes the services the packages describe, in one transaction; services no package describes stay. */
  register(manifests: readonly ServiceManifest[]): Promise<void>;
}

export function createServicesRepository(db: Knex): ServicesRepository {
  return {
    async register(manifests) {
      await db.transaction(async (trx) => {
        for (const manifest of manifests) {
          await trx('services').insert({
            id: manifest.id,
            bpmn_process_id: manifest.bpmnProcessId,
            names: JSON.stringify(manifest.names),
            expected_processing_days: manifest.expectedProcessingDays,
            audience: manifest.audience,
            descriptions: JSON.stringify(manifest.descriptions),
            documents: JSON.stringify(manifest.documents),
            payment_methods: JSON.stringify(manifest.payment.methods),
            responsibility: JSON.stringify(manifest.responsibility),
            keywords: JSON.stringify(manifest.keywords),
          }).onConflict('id').merge();
        }
      });
    },
  };
}
