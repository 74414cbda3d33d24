import type { Knex } from 'knex';
import type { LocalisedText } from '../language.ts';
import type { SettingDeclarations } from '../catalogue/service-settings.ts';
import { toMunicipality, type Creditor, type Municipality, type PaymentMethod } from './catalogue-repository.ts';

/** A registered service as its municipality's administrator configures it: what its package allows. */
export interface RegisteredService {
  id: string;
  names: LocalisedText;
  paymentMethods: PaymentMethod[];
  settings: SettingDeclarations;
}

/** What a municipality sets for a service it offers (a row of `municipality_services`). */
export interface OfferingValues {
  feeRappen: number;
  paymentAccount: string | null;
  bookingText: string | null;
  invoiceAllowed: boolean;
  candidateGroup: string;
  /** Only the values the municipality set; the package's defaults stand for the rest. */
  settings: Record<string, unknown>;
}

/** Where a back office answers and the name of its credential: never the credential. */
export interface BackOfficeEndpoint {
  vendor: string;
  url: string;
  credentialRef: string;
}

/** One recorded change of a municipality's configuration. */
export interface ConfigurationChange {
  id: string;
  municipalityId: string;
  /** What changed: `offering:<service id>`, `creditor`, `back-office`. */
  subject: string;
  staffId: string;
  staffName: string;
  changedAt: Date;
  before: unknown;
  after: unknown;
}

export type NewConfigurationChange = Omit<ConfigurationChange, 'id'>;

/** A municipality's configuration as its administrator changes it (ADM-3), and the record of each change (migration 026). */
export interface MunicipalConfigurationRepository {
  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  /** The municipality, its row locked until `trx` ends, so that changes to one municipality follow each other. */
  lockMunicipality(id: string, trx: Knex.Transaction): Promise<Municipality | undefined>;
  findMunicipality(id: string): Promise<Municipality | undefined>;
  /** Every registered service, by id. */
  services(trx?: Knex): Promise<RegisteredService[]>;
  /** What the municipality sets for each service it offers, by service id. */
  offerings(municipalityId: string, trx?: Knex): Promise<Map<string, OfferingValues>>;
  /** Offers the service with these values, or withdraws it (null). */
  saveOffering(municipalityId: string, serviceId: string, values: OfferingValues | null, trx: Knex.Transaction): Promise<void>;
  saveCreditor(municipalityId: string, creditor: Creditor, trx: Knex.Transaction): Promise<void>;
  /**
   * Where this installation reaches a vendor's back office: the endpoint most of the
   * municipalities and offices on that vendor use (a vendor's endpoint serves many, told apart by
   * BFS number); undefined when the installation has none.
   */
  backOfficeEndpointOf(vendor: string, trx: Knex.Transaction): Promise<BackOfficeEndpoint | undefined>;
  saveBackOffice(municipalityId: string, endpoint: BackOfficeEndpoint, trx: Knex.Transaction): Promise<void>;
  recordChange(change: NewConfigurationChange, trx: Knex.Transaction): Promise<void>;
  /** The municipality's changes, newest first. */
  changes(municipalityId: string, limit: number): Promise<ConfigurationChange[]>;
}

const toOfferingValues = (row: Record<string, unknown>): OfferingValues => ({
  feeRappen: row.fee_rappen as number,
  paymentAccount: (row.payment_account as string | null) ?? null,
  bookingText: (row.booking_text as string | null) ?? null,
  invoiceAllowed: row.invoice_allowed as boolean,
  candidateGroup: row.candidate_group as string,
  settings: (row.settings as Record<string, unknown> | null) ?? {},
});

export function createMunicipalConfigurationRepository(db: Knex): MunicipalConfigurationRepository {
  return {
    transaction: (work) => db.transaction(work),

    async lockMunicipality(id, trx) {
      const row = await trx('municipalities').where({ id }).forUpdate().first();
      return row ? toMunicipality(row) : undefined;
    },

    async findMunicipality(id) {
      const row = await db('municipalities').where({ id }).first();
      return row ? toMunicipality(row) : undefined;
    },

    async services(trx = db) {
      const rows = await trx('services').orderBy('id').select('id', 'names', 'payment_methods', 'settings');
      return rows.map((row) => ({
        id: row.id,
        names: row.names,
        paymentMethods: row.payment_methods ?? [],
        settings: row.settings ?? {},
      }));
    },

    async offerings(municipalityId, trx = db) {
      const rows = await trx('municipality_services').where({ municipality_id: municipalityId });
      return new Map(rows.map((row) => [row.service_id as string, toOfferingValues(row)]));
    },

    async saveOffering(municipalityId, serviceId, values, trx) {
      const key = { municipality_id: municipalityId, service_id: serviceId };
      if (values === null) {
        await trx('municipality_services').where(key).delete();
        return;
      }
      await trx('municipality_services').insert({
        ...key,
        fee_rappen: values.feeRappen,
        payment_account: values.paymentAccount,
        booking_text: values.bookingText,
        invoice_allowed: values.invoiceAllowed,
        candidate_group: values.candidateGroup,
        settings: JSON.stringify(values.settings),
      }).onConflict(['municipality_id', 'service_id']).merge();
    },

    async saveCreditor(municipalityId, creditor, trx) {
      await trx('municipalities').where({ id: municipalityId }).update({
        creditor_name: creditor.name,
        creditor_street: creditor.street,
        creditor_building_number: creditor.buildingNumber,
        creditor_postal_code: creditor.postalCode,
        creditor_town: creditor.town,
        creditor_iban: creditor.iban,
      });
    },

    async backOfficeEndpointOf(vendor, trx) {
      const endpoints = trx('municipalities').where({ back_office_vendor: vendor })
        .select('back_office_url as url', 'back_office_credential_ref as credential_ref')
        .unionAll((q) => q.from('institutions').where({ back_office_vendor: vendor }).select('back_office_url', 'back_office_credential_ref'));
      const row = await trx.from(endpoints.as('endpoints')).groupBy('url', 'credential_ref')
        .orderByRaw('count(*) desc, url, credential_ref').first('url', 'credential_ref');
      return row ? { vendor, url: row.url, credentialRef: row.credential_ref } : undefined;
    },

    async saveBackOffice(municipalityId, endpoint, trx) {
      await trx('municipalities').where({ id: municipalityId }).update({
        back_office_vendor: endpoint.vendor,
        back_office_url: endpoint.url,
        back_office_credential_ref: endpoint.credentialRef,
      });
    },

    async recordChange(change, trx) {
      await trx('municipal_configuration_changes').insert({
        municipality_id: change.municipalityId,
        subject: change.subject,
        staff_id: change.staffId,
        staff_name: change.staffName,
        changed_at: change.changedAt,
        // SQL null where there was none (a service not offered), rather than JSON's null.
        before: change.before === null ? null : JSON.stringify(change.before),
        after: change.after === null ? null : JSON.stringify(change.after),
      });
    },

    async changes(municipalityId, limit) {
      const rows = await db('municipal_configuration_changes').where({ municipality_id: municipalityId }).orderBy('id', 'desc').limit(limit);
      return rows.map((row) => ({
        id: String(row.id),
        municipalityId: row.municipality_id,
        subject: row.subject,
        staffId: row.staff_id,
        staffName: row.staff_name,
        changedAt: row.changed_at,
        before: row.before,
        after: row.after,
      }));
    },
  };
}
