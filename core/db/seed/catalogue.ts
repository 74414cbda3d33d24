import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Knex } from 'knex';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Letterhead } from '../catalogue-repository.ts';

/** A back office as configured: where it answers and the name of its credential. */
export interface SeedBackOffice {
  url: string;
  credentialRef: string;
}

export interface CatalogueSeedOptions {
  /** Where each vendor's back office answers (the simulators in development and tests), by vendor. */
  backOffices: Readonly<Record<string, SeedBackOffice>>;
}

const Slug = Type.String({ pattern: '^[a-z][a-z0-9-]*$' });

const OfferingSchema = Type.Object({
  service: Slug,
  feeRappen: Type.Integer({ minimum: 0 }),
  paymentAccount: Type.Optional(Type.String({ minLength: 1 })),
  bookingText: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  candidateGroup: Type.String({ minLength: 1 }),
  invoiceAllowed: Type.Optional(Type.Boolean()),
  /** Values for the settings the service's package declares; the rest keep the package's defaults (development-catalogue.test.ts checks them against the packages). */
  settings: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.Boolean(), Type.String()]))),
}, { additionalProperties: false });

/** The address and contact line on the documents the municipality issues. */
const LetterheadSchema = Type.Object({
  street: Type.String({ minLength: 1 }),
  buildingNumber: Type.Optional(Type.String({ minLength: 1 })),
  postalCode: Type.String({ pattern: '^\\d{4}$' }),
  town: Type.String({ minLength: 1 }),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' })),
  email: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' })),
  website: Type.Optional(Type.String({ minLength: 1 })),
}, { additionalProperties: false });

const CatalogueSchema = Type.Object({
  municipalities: Type.Array(Type.Object({
    id: Slug,
    bfsNumber: Type.Integer({ minimum: 1, maximum: 9999 }),
    name: Type.String({ minLength: 1 }),
    canton: Type.String({ pattern: '^[A-Z]{2}$' }),
    participates: Type.Boolean(),
    backOfficeVendor: Slug,
    creditor: Type.Optional(Type.Object({
      iban: Type.String({ pattern: '^CH\\d{19}$' }),
      street: Type.String({ minLength: 1 }),
      buildingNumber: Type.String({ minLength: 1 }),
      postalCode: Type.String({ pattern: '^\\d{4}$' }),
      town: Type.String({ minLength: 1 }),
    }, { additionalProperties: false })),
    letterhead: Type.Optional(LetterheadSchema),
    offers: Type.Array(OfferingSchema),
  }, { additionalProperties: false })),
  institutions: Type.Array(Type.Object({
    id: Slug,
    kind: Type.Union([Type.Literal('debt-enforcement-office'), Type.Literal('civil-registry-office')]),
    name: Type.String({ minLength: 1 }),
    backOfficeVendor: Slug,
    serves: Type.Array(Slug, { minItems: 1 }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export type DevelopmentCatalogue = Static<typeof CatalogueSchema>;

const CATALOGUE_FILE = new URL('./development-catalogue.yaml', import.meta.url);

let loaded: DevelopmentCatalogue | undefined;

/** The development catalogue's data file (development-catalogue.yaml), checked; throws naming the first wrong field. */
export function developmentCatalogue(): DevelopmentCatalogue {
  if (loaded) return loaded;
  const data: unknown = parseYaml(readFileSync(CATALOGUE_FILE, 'utf8'));
  const error = Value.Errors(CatalogueSchema, data).First();
  if (error) throw new Error(`core/db/seed/development-catalogue.yaml: ${error.path}: ${error.message}`);
  loaded = data as DevelopmentCatalogue;
  return loaded;
}

/** The seeded municipalities that take part, each with its own Payrexx instance. */
export const seededPayrexxMunicipalities = (): string[] => developmentCatalogue().municipalities.filter((m) => m.participates).map((m) => m.id);

/** The Payrexx instance of a seeded municipality and the variable holding its API key. */
export const payrexxInstanceOf = (municipalityId: string) => ({
  instance: `gemeinde-${municipalityId}`,
  credentialRef: `PAYREXX_${municipalityId.toUpperCase()}_API_KEY`,
});

/**
 * Inserts or refreshes the development catalogue, after the services' packages are registered
 * (deployAll): the services themselves come from processes/; the data file says which municipality
 * offers which, at what fee. Safe to run at every start.
 */
export async function seedCatalogue(db: Knex, options: CatalogueSeedOptions): Promise<void> {
  const { municipalities, institutions } = developmentCatalogue();
  const backOffice = (vendor: string) => {
    const configured = options.backOffices[vendor];
    if (!configured) throw new Error(`seedCatalogue: no back office given for vendor ${vendor}`);
    return { back_office_vendor: vendor, back_office_url: configured.url, back_office_credential_ref: configured.credentialRef };
  };
  await db.transaction(async (trx) => {
    for (const m of municipalities) {
      await trx('municipalities').insert({
        id: m.id,
        bfs_number: m.bfsNumber,
        name: m.name,
        canton: m.canton,
        participates: m.participates,
        ...backOffice(m.backOfficeVendor),
        ...payrexxColumns(m.id, m.participates),
        ...creditorColumns(m.name, m.creditor),
        letterhead: m.letterhead ? JSON.stringify(letterheadOf(m.letterhead)) : null,
      }).onConflict('id').merge();
      for (const offer of m.offers) {
        await trx('municipality_services').insert({
          municipality_id: m.id,
          service_id: offer.service,
          fee_rappen: offer.feeRappen,
          payment_account: offer.paymentAccount ?? null,
          booking_text: offer.bookingText ?? null,
          candidate_group: offer.candidateGroup,
          invoice_allowed: offer.invoiceAllowed ?? false,
          settings: JSON.stringify(offer.settings ?? {}),
        }).onConflict(['municipality_id', 'service_id']).merge();
      }
    }
    for (const institution of institutions) {
      await trx('institutions').insert({
        id: institution.id, kind: institution.kind, name: institution.name, ...backOffice(institution.backOfficeVendor),
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

function creditorColumns(name: string, creditor: DevelopmentCatalogue['municipalities'][number]['creditor']) {
  return {
    creditor_name: creditor ? `Gemeinde ${name}` : null,
    creditor_street: creditor?.street ?? null,
    creditor_building_number: creditor?.buildingNumber ?? null,
    creditor_postal_code: creditor?.postalCode ?? null,
    creditor_town: creditor?.town ?? null,
    creditor_iban: creditor?.iban ?? null,
  };
}

function letterheadOf(letterhead: Static<typeof LetterheadSchema>): Letterhead {
  return {
    street: letterhead.street,
    buildingNumber: letterhead.buildingNumber ?? null,
    postalCode: letterhead.postalCode,
    town: letterhead.town,
    phone: letterhead.phone ?? null,
    email: letterhead.email ?? null,
    website: letterhead.website ?? null,
  };
}
