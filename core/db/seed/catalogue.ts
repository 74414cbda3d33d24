import type { Knex } from 'knex';

/** A back office as configured: where it answers and the name of its credential. */
export interface SeedBackOffice {
  url: string;
  credentialRef: string;
}

export interface CatalogueSeedOptions {
  /** Where each vendor's back office answers (the simulators in development and tests), by vendor. */
  backOffices: Readonly<Record<string, SeedBackOffice>>;
}

/** The seeded municipalities that take part, each with its own Payrexx instance. */
export const seededPayrexxMunicipalities = (): string[] => municipalities.filter((m) => m.participates).map((m) => m.id);

/** The Payrexx instance of a seeded municipality and the variable holding its API key. */
export const payrexxInstanceOf = (municipalityId: string) => ({
  instance: `gemeinde-${municipalityId}`,
  credentialRef: `PAYREXX_${municipalityId.toUpperCase()}_API_KEY`,
});

// Creditors of the seeded municipalities' invoices: Aarau and Lenzburg with a QR-IBAN (QRR
// references), Baden with an ordinary IBAN (SCOR references). The IBANs are the Swiss payment
// standards' examples, not real accounts.
const creditors: Record<string, { iban: string; street: string; buildingNumber: string; postalCode: string; town: string }> = {
  aarau: { iban: 'CH4431999123000889012', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau' },
  baden: { iban: 'CH9300762011623852957', street: 'Rathausgasse', buildingNumber: '5', postalCode: '5400', town: 'Baden' },
  lenzburg: { iban: 'CH4431999123000889012', street: 'Kronenplatz', buildingNumber: '24', postalCode: '5600', town: 'Lenzburg' },
};

// The services themselves come from their packages (processes/<id>/service.yaml), registered when
// the processes are deployed; the seed says which municipality offers which, at what fee.
const RESIDENCE_CERTIFICATE = 'residence-certificate';
const CONTACT_DATA_CHANGE = 'contact-data-change';

// A few Aargau municipalities, each on another vendor's back office (INT-2); Wohlen does not
// take part in the portal (SVC-4).
const municipalities = [
  { id: 'aarau', bfs_number: 4001, name: 'Aarau', participates: true, fee_rappen: 2000, vendor: 'dialog' },
  { id: 'baden', bfs_number: 4021, name: 'Baden', participates: true, fee_rappen: 2500, vendor: 'hurlimann' },
  { id: 'brugg', bfs_number: 4095, name: 'Brugg', participates: true, fee_rappen: 2000, vendor: 'talus' },
  { id: 'lenzburg', bfs_number: 4201, name: 'Lenzburg', participates: true, fee_rappen: 1500, vendor: 'obt' },
  { id: 'zofingen', bfs_number: 4289, name: 'Zofingen', participates: true, fee_rappen: 2000, vendor: 'vemag' },
  { id: 'wohlen', bfs_number: 4082, name: 'Wohlen', participates: false, fee_rappen: 0, vendor: 'dialog' },
];

// Debt-enforcement offices serve a district; civil registry offices a region of several districts.
const institutions = [
  { id: 'betreibungsamt-aarau', kind: 'debt-enforcement-office', name: 'Betreibungsamt Aarau', vendor: 'talus', serves: ['aarau'] },
  { id: 'betreibungsamt-baden', kind: 'debt-enforcement-office', name: 'Betreibungsamt Baden', vendor: 'dialog', serves: ['baden'] },
  { id: 'betreibungsamt-brugg', kind: 'debt-enforcement-office', name: 'Betreibungsamt Brugg', vendor: 'obt', serves: ['brugg'] },
  { id: 'betreibungsamt-lenzburg', kind: 'debt-enforcement-office', name: 'Betreibungsamt Lenzburg', vendor: 'vemag', serves: ['lenzburg'] },
  { id: 'betreibungsamt-zofingen', kind: 'debt-enforcement-office', name: 'Betreibungsamt Zofingen', vendor: 'hurlimann', serves: ['zofingen'] },
  { id: 'zivilstandsamt-aarau', kind: 'civil-registry-office', name: 'Regionales Zivilstandsamt Aarau', vendor: 'dialog', serves: ['aarau', 'lenzburg', 'zofingen'] },
  { id: 'zivilstandsamt-baden', kind: 'civil-registry-office', name: 'Regionales Zivilstandsamt Baden', vendor: 'hurlimann', serves: ['baden', 'brugg'] },
] as const;

/** Inserts or refreshes the development catalogue, after the services' packages are registered (deployAll); safe to run at every start. */
export async function seedCatalogue(db: Knex, options: CatalogueSeedOptions): Promise<void> {
  const backOffice = (vendor: string) => {
    const configured = options.backOffices[vendor];
    if (!configured) throw new Error(`seedCatalogue: no back office given for vendor ${vendor}`);
    return { back_office_vendor: vendor, back_office_url: configured.url, back_office_credential_ref: configured.credentialRef };
  };
  await db.transaction(async (trx) => {
    for (const m of municipalities) {
      await trx('municipalities').insert({
        id: m.id,
        bfs_number: m.bfs_number,
        name: m.name,
        canton: 'AG',
        participates: m.participates,
        ...backOffice(m.vendor),
        ...payrexxColumns(m.id, m.participates),
        ...creditorColumns(m.id, m.name),
      }).onConflict('id').merge();
      if (!m.participates) continue;
      await trx('municipality_services').insert({
        municipality_id: m.id,
        service_id: RESIDENCE_CERTIFICATE,
        fee_rappen: m.fee_rappen,
        payment_account: `${m.bfs_number}-4260.01`,
        booking_text: `Wohnsitzbescheinigung ${m.name}`,
        candidate_group: `${m.bfs_number}-einwohnerkontrolle`,
        invoice_allowed: Object.hasOwn(creditors, m.id),
      }).onConflict(['municipality_id', 'service_id']).merge();
      await trx('municipality_services').insert({
        municipality_id: m.id,
        service_id: CONTACT_DATA_CHANGE,
        fee_rappen: 0,
        payment_account: null,
        booking_text: null,
        candidate_group: `${m.bfs_number}-einwohnerkontrolle`,
        invoice_allowed: false,
      }).onConflict(['municipality_id', 'service_id']).merge();
    }
    for (const institution of institutions) {
      await trx('institutions').insert({
        id: institution.id, kind: institution.kind, name: institution.name, ...backOffice(institution.vendor),
      }).onConflict('id').merge();
      for (const municipalityId of institution.serves) {
        await trx('municipality_institutions').insert({ municipality_id: municipalityId, kind: institution.kind, institution_id: institution.id })
          .onConflict(['municipality_id', 'kind']).merge();
      }
    }
  });
}

function payrexxColumns(municipalityId: string, participates: boolean) {
  if (!participates) return { payrexx_instance: null, payrexx_credential_ref: null };
  const { instance, credentialRef } = payrexxInstanceOf(municipalityId);
  return { payrexx_instance: instance, payrexx_credential_ref: credentialRef };
}

function creditorColumns(municipalityId: string, name: string) {
  const creditor = creditors[municipalityId];
  return {
    creditor_name: creditor ? `Gemeinde ${name}` : null,
    creditor_street: creditor?.street ?? null,
    creditor_building_number: creditor?.buildingNumber ?? null,
    creditor_postal_code: creditor?.postalCode ?? null,
    creditor_town: creditor?.town ?? null,
    creditor_iban: creditor?.iban ?? null,
  };
}
