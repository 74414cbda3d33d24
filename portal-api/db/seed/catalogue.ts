import type { Knex } from 'knex';

export interface CatalogueSeedOptions {
  /** Where the municipalities' back office answers (the simulator in development and tests). */
  backOfficeUrl: string;
}

const residenceCertificate = {
  id: 'residence-certificate',
  bpmn_process_id: 'residence-certificate',
  names: {
    de: 'Hauptwohnsitzbescheinigung',
    fr: 'Attestation de domicile principal',
    it: 'Attestazione di domicilio principale',
    en: 'Certificate of main residence',
  },
  expected_processing_days: 2,
};

// A few Aargau municipalities; Wohlen does not take part in the portal (SVC-4).
const municipalities = [
  { id: 'aarau', bfs_number: 4001, name: 'Aarau', participates: true, fee_rappen: 2000 },
  { id: 'baden', bfs_number: 4021, name: 'Baden', participates: true, fee_rappen: 2500 },
  { id: 'brugg', bfs_number: 4095, name: 'Brugg', participates: true, fee_rappen: 2000 },
  { id: 'lenzburg', bfs_number: 4201, name: 'Lenzburg', participates: true, fee_rappen: 1500 },
  { id: 'wohlen', bfs_number: 4082, name: 'Wohlen', participates: false, fee_rappen: 0 },
];

/** Inserts or refreshes the development catalogue; safe to run at every start. */
export async function seedCatalogue(db: Knex, options: CatalogueSeedOptions): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('services').insert({ ...residenceCertificate, names: JSON.stringify(residenceCertificate.names) })
      .onConflict('id').merge();
    for (const m of municipalities) {
      await trx('municipalities').insert({
        id: m.id,
        bfs_number: m.bfs_number,
        name: m.name,
        canton: 'AG',
        participates: m.participates,
        back_office_vendor: 'dialog',
        back_office_url: options.backOfficeUrl,
        back_office_credential_ref: 'BACK_OFFICE_DIALOG_API_KEY',
      }).onConflict('id').merge();
      if (!m.participates) continue;
      await trx('municipality_services').insert({
        municipality_id: m.id,
        service_id: residenceCertificate.id,
        fee_rappen: m.fee_rappen,
        payment_account: `${m.bfs_number}-4260.01`,
        booking_text: `Wohnsitzbescheinigung ${m.name}`,
        candidate_group: `${m.bfs_number}-einwohnerkontrolle`,
      }).onConflict(['municipality_id', 'service_id']).merge();
    }
  });
}
