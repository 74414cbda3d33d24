import type { Knex } from 'knex';
import type { LocalisedText } from '../language.ts';
import type { ServiceAudience } from '../organisations/organisation-rules.ts';
import type { FormDataSource, PrefillSource } from '../catalogue/service-manifest.ts';
import type { PackageTemplate } from '../catalogue/package-templates.ts';
import type { SettingDeclarations } from '../catalogue/service-settings.ts';

export interface Municipality {
  id: string;
  bfsNumber: number;
  name: string;
  participates: boolean;
  backOffice: { vendor: string; url: string; credentialRef: string };
  /** The municipality's Payrexx instance and the name of its API key's variable; null: no online payment. */
  payrexx: { instance: string; credentialRef: string } | null;
  /** Creditor of its invoices (QR-bill); null: no invoices. */
  creditor: Creditor | null;
  /** The letterhead of the documents it issues; null: they name the municipality alone. */
  letterhead: Letterhead | null;
}

/** A municipality's address and how to reach it, as its documents print them. */
export interface Letterhead {
  street: string;
  buildingNumber: string | null;
  postalCode: string;
  town: string;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** A creditor as the QR-bill needs it: structured address and QR-IBAN or IBAN. */
export interface Creditor {
  name: string;
  street: string;
  buildingNumber: string;
  postalCode: string;
  town: string;
  iban: string;
}

export type InstitutionKind = 'debt-enforcement-office' | 'civil-registry-office';

/** An office serving several municipalities, with its own back office. */
export interface Institution {
  id: string;
  kind: InstitutionKind;
  name: string;
  backOffice: { vendor: string; url: string; credentialRef: string };
}

export interface ServiceOffering {
  serviceId: string;
  bpmnProcessId: string;
  names: LocalisedText;
  expectedProcessingDays: number;
  /** 0 for a service free of charge; then there is no account nor booking text. */
  feeRappen: number;
  paymentAccount: string | null;
  bookingText: string | null;
  candidateGroup: string;
  /** Whether citizens may choose to pay by invoice (PAY-2). */
  invoiceAllowed: boolean;
  /** Whether the service is for persons, for organisations or for both (ORG-5). */
  audience: ServiceAudience;
  /** What the citizen gets, from the service's package; null for a service registered without one. */
  descriptions: LocalisedText | null;
  /** The documents the service issues. */
  documents: { kind: string; names: LocalisedText }[];
  /** How the service's fee may be paid where the municipality offers it (its package's payment methods). */
  paymentMethods: PaymentMethod[];
  /** The settings the service's package declares, with their defaults and bounds. */
  settingDeclarations: SettingDeclarations;
  /** The values the municipality set; its cases run with these over the declared defaults (core/catalogue/service-settings.ts). */
  settingValues: Record<string, unknown>;
}

export type PaymentMethod = 'online' | 'invoice';

/** A service's start form with the package's pre-fill and option sources (see the manifest). */
export interface ServiceIntake {
  startForm: object;
  prefill: Readonly<Record<string, PrefillSource>>;
  formData: Readonly<Record<string, FormDataSource>>;
}

/** Which municipality offers which service, and how (SVC-3, SVC-4, PAY-3). */
export interface CatalogueRepository {
  findMunicipality(id: string): Promise<Municipality | undefined>;
  listOfferings(municipalityId: string): Promise<ServiceOffering[]>;
  findOffering(municipalityId: string, serviceId: string): Promise<ServiceOffering | undefined>;
  expectedProcessingDays(serviceId: string): Promise<number | undefined>;
  /** The form-js schema a citizen fills in to order the service (its package's start form); undefined for an unknown service or one without. */
  startForm(serviceId: string): Promise<object | undefined>;
  /** The templates of the documents the service issues, as its package was registered. */
  documentTemplates(serviceId: string): Promise<PackageTemplate[]>;
  /** What the intake checks an application of the service with; undefined for an unknown service or one without a start form. */
  intakeOf(serviceId: string): Promise<ServiceIntake | undefined>;
  /** The institution of `kind` that serves the municipality, e.g. its district's debt-enforcement office. */
  findInstitutionFor(municipalityId: string, kind: InstitutionKind): Promise<Institution | undefined>;
}

function toOffering(row: Record<string, unknown>): ServiceOffering {
  return {
    serviceId: row.service_id as string,
    bpmnProcessId: row.bpmn_process_id as string,
    names: row.names as LocalisedText,
    expectedProcessingDays: row.expected_processing_days as number,
    feeRappen: row.fee_rappen as number,
    paymentAccount: (row.payment_account as string | null) ?? null,
    bookingText: (row.booking_text as string | null) ?? null,
    candidateGroup: row.candidate_group as string,
    invoiceAllowed: row.invoice_allowed as boolean,
    audience: row.audience as ServiceAudience,
    descriptions: (row.descriptions as LocalisedText | null) ?? null,
    documents: row.documents as ServiceOffering['documents'],
    paymentMethods: row.payment_methods as PaymentMethod[],
    settingDeclarations: row.setting_declarations as SettingDeclarations,
    settingValues: row.settings as Record<string, unknown>,
  };
}

/** A row of `municipalities` as core reads it. */
export function toMunicipality(row: Record<string, unknown>): Municipality {
  return {
    id: row.id as string,
    bfsNumber: row.bfs_number as number,
    name: row.name as string,
    participates: row.participates as boolean,
    backOffice: { vendor: row.back_office_vendor as string, url: row.back_office_url as string, credentialRef: row.back_office_credential_ref as string },
    payrexx: row.payrexx_instance && row.payrexx_credential_ref
      ? { instance: row.payrexx_instance as string, credentialRef: row.payrexx_credential_ref as string }
      : null,
    creditor: row.creditor_iban
      ? {
          name: row.creditor_name as string,
          street: row.creditor_street as string,
          buildingNumber: row.creditor_building_number as string,
          postalCode: row.creditor_postal_code as string,
          town: row.creditor_town as string,
          iban: row.creditor_iban as string,
        }
      : null,
    letterhead: (row.letterhead as Letterhead | null) ?? null,
  };
}

export function createCatalogueRepository(db: Knex): CatalogueRepository {
  const offerings = () =>
    db('municipality_services as ms')
      .join('services as s', 's.id', 'ms.service_id')
      .select('ms.*', 's.bpmn_process_id', 's.names', 's.expected_processing_days', 's.audience', 's.descriptions', 's.documents', 's.payment_methods', 's.settings as setting_declarations');

  return {
    async findMunicipality(id) {
      const row = await db('municipalities').where({ id }).first();
      return row ? toMunicipality(row) : undefined;
    },
    async listOfferings(municipalityId) {
      const rows = await offerings().where('ms.municipality_id', municipalityId).orderBy('ms.service_id');
      return rows.map(toOffering);
    },
    async findOffering(municipalityId, serviceId) {
      const row = await offerings().where({ 'ms.municipality_id': municipalityId, 'ms.service_id': serviceId }).first();
      return row ? toOffering(row) : undefined;
    },
    async startForm(serviceId) {
      const row = await db('services').where({ id: serviceId }).first('start_form');
      return (row?.start_form as object | null | undefined) ?? undefined;
    },
    async documentTemplates(serviceId) {
      const row = await db('services').where({ id: serviceId }).first('document_templates');
      return (row?.document_templates as PackageTemplate[] | undefined) ?? [];
    },
    async intakeOf(serviceId) {
      const row = await db('services').where({ id: serviceId }).first('start_form', 'prefill', 'form_data');
      if (!row?.start_form) return undefined;
      return { startForm: row.start_form as object, prefill: row.prefill as ServiceIntake['prefill'], formData: row.form_data as ServiceIntake['formData'] };
    },
    async findInstitutionFor(municipalityId, kind) {
      const row = await db('municipality_institutions as mi')
        .join('institutions as i', 'i.id', 'mi.institution_id')
        .where({ 'mi.municipality_id': municipalityId, 'mi.kind': kind })
        .first('i.*');
      if (!row) return undefined;
      return {
        id: row.id,
        kind: row.kind,
        name: row.name,
        backOffice: { vendor: row.back_office_vendor, url: row.back_office_url, credentialRef: row.back_office_credential_ref },
      };
    },
    async expectedProcessingDays(serviceId) {
      const row = await db('services').where({ id: serviceId }).first('expected_processing_days');
      return row?.expected_processing_days;
    },
  };
}
