import type { Knex } from 'knex';
import type { ServiceManifest } from '../catalogue/service-manifest.ts';
import type { PackageTemplate } from '../catalogue/package-templates.ts';

/** What a service package brings to the catalogue: its manifest and the start form's form-js schema. */
export interface ServiceRegistration {
  manifest: ServiceManifest;
  startForm: object | null;
  /** The templates of the documents the service issues. */
  documentTemplates: readonly PackageTemplate[];
}

export interface ServicesRepository {
  /** Inserts or refreshes the services the packages describe, in one transaction; services no package describes stay. */
  register(packages: readonly ServiceRegistration[]): Promise<void>;
  /** What a service was registered with: manifest, start form and document templates; undefined for an unknown service or one registered without its manifest. */
  registration(serviceId: string): Promise<ServiceRegistration | undefined>;
}

export function createServicesRepository(db: Knex): ServicesRepository {
  return {
    async register(packages) {
      await db.transaction(async (trx) => {
        for (const { manifest, startForm, documentTemplates } of packages) {
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
            start_form: startForm === null ? null : JSON.stringify(startForm),
            document_templates: JSON.stringify(documentTemplates),
            settings: JSON.stringify(manifest.settings ?? {}),
            prefill: JSON.stringify(manifest.prefill ?? {}),
            form_data: JSON.stringify(manifest.formData ?? {}),
            manifest: JSON.stringify(manifest),
          }).onConflict('id').merge();
        }
      });
    },

    async registration(serviceId) {
      const row = await db('services').where({ id: serviceId }).first('manifest', 'start_form', 'document_templates');
      return row?.manifest ? {
        manifest: row.manifest as ServiceManifest, startForm: (row.start_form ?? null) as object | null, documentTemplates: (row.document_templates ?? []) as PackageTemplate[],
      } : undefined;
    },
  };
}
