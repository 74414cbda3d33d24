import type { Knex } from 'knex';
import { isDeepStrictEqual } from 'node:util';
import { isQrIban, isValidSwissIban } from '../../connectors/payment/payment-reference.ts';
import { pageLink } from '../accounts/links.ts';
import type { Creditor, Municipality } from '../db/catalogue-repository.ts';
import type { ConfigurationChange, MunicipalConfigurationRepository, OfferingValues, RegisteredService } from '../db/municipal-configuration-repository.ts';
import { caseErrors } from '../errors/case-errors.ts';
import { configurationErrors, type ConfigurationFieldProblem } from '../errors/configuration-errors.ts';
import type { LocalisedText } from '../language.ts';
import { offeredPaymentMethods } from './payment-methods.ts';
import type { SettingDeclaration } from './service-manifest.ts';
import { effectiveSettings, settingProblems } from './service-settings.ts';

/** Who changes the configuration: the staff directory's subject and the name it gives. */
export interface Administrator {
  id: string;
  name: string;
}

/** A setting the service's package declares, with what the municipality set and what its cases run with. */
export type SettingConfiguration = SettingDeclaration & {
  name: string;
  /** The municipality's own value; null where the package's default stands. */
  value: number | boolean | string | null;
  effective: number | boolean | string;
};

/** One registered service as the municipality offers it, or not. */
export interface ServiceConfiguration {
  serviceId: string;
  names: LocalisedText;
  /** How the service's package allows its fee to be paid. */
  packagePaymentMethods: string[];
  offered: boolean;
  /** The rest is null (false) for a service not offered. */
  feeRappen: number | null;
  paymentAccount: string | null;
  bookingText: string | null;
  invoiceAllowed: boolean;
  candidateGroup: string | null;
  settings: SettingConfiguration[];
  /** The portal's address of the offered service in this municipality, for the municipality's homepage. */
  homepageLink: string | null;
}

/** A municipality's configuration as its administrator sees it: no credential, only whether there is one. */
export interface MunicipalConfiguration {
  municipality: { id: string; name: string; bfsNumber: number; participates: boolean };
  payment: {
    /** The municipality's Payrexx instance; null: no online payment. */
    payrexxInstance: string | null;
    /** The creditor of its QR-bills; null: no invoices. */
    creditor: (Creditor & { qrIban: boolean }) | null;
  };
  backOfficeVendor: string;
  offerings: ServiceConfiguration[];
}

/** A service offered with these values, or withdrawn (`offered: false`, the rest is not looked at). */
export interface OfferingChange {
  offered: boolean;
  feeRappen?: number;
  paymentAccount?: string | null;
  bookingText?: string | null;
  invoiceAllowed?: boolean;
  candidateGroup?: string;
  settings?: Record<string, unknown>;
}

/**
 * The municipality's own parts: its invoice creditor and its back office's vendor. A creditor is
 * changed, not removed: invoices stop by disallowing them per service.
 */
export interface MunicipalityChange {
  creditor?: Creditor;
  backOfficeVendor?: string;
}

export interface MunicipalConfigurationDeps {
  repository: MunicipalConfigurationRepository;
  /** The citizens' portal (PORTAL_PUBLIC_URL): homepage links lead there. */
  portalPublicUrl: string;
  now?: () => Date;
}

/** The portal's stable address of a service in a municipality, e.g. `…/dienste/residence-certificate?gemeinde=aarau` (ADM-3). */
export function serviceHomepageLink(portalPublicUrl: string, serviceId: string, municipalityId: string): string {
  const url = new URL(pageLink(portalPublicUrl, `dienste/${encodeURIComponent(serviceId)}`));
  url.searchParams.set('gemeinde', municipalityId);
  return url.href;
}

const offeringSubject = (serviceId: string) => `offering:${serviceId}`;

/** An IBAN as stored and printed on the QR-bill: capitals, no spaces. */
const compactIban = (iban: string) => iban.replace(/\s+/g, '').toUpperCase();

/**
 * A municipality's configuration by its administrator (ADM-3, SVC-3, PAY-3): which services it
 * offers and how, its invoice creditor and its back office's vendor. Each change is checked,
 * written and recorded (who, when, before, after) in one transaction; a change that changes
 * nothing records nothing.
 */
export function createMunicipalConfiguration(deps: MunicipalConfigurationDeps) {
  const { repository } = deps;
  const now = deps.now ?? (() => new Date());

  function describe(municipality: Municipality, services: RegisteredService[], offerings: Map<string, OfferingValues>): MunicipalConfiguration {
    return {
      municipality: { id: municipality.id, name: municipality.name, bfsNumber: municipality.bfsNumber, participates: municipality.participates },
      payment: {
        payrexxInstance: municipality.payrexx?.instance ?? null,
        creditor: municipality.creditor ? { ...municipality.creditor, qrIban: isQrIban(municipality.creditor.iban) } : null,
      },
      backOfficeVendor: municipality.backOffice.vendor,
      offerings: services.map((service) => {
        const offering = offerings.get(service.id);
        const own = offering?.settings ?? {};
        const effective = effectiveSettings(service.settings, own);
        return {
          serviceId: service.id,
          names: service.names,
          packagePaymentMethods: service.paymentMethods,
          offered: offering !== undefined,
          feeRappen: offering?.feeRappen ?? null,
          paymentAccount: offering?.paymentAccount ?? null,
          bookingText: offering?.bookingText ?? null,
          invoiceAllowed: offering?.invoiceAllowed ?? false,
          candidateGroup: offering?.candidateGroup ?? null,
          // By name: the database keeps no order of the package's declarations.
          settings: Object.entries(service.settings).sort(([a], [b]) => a.localeCompare(b)).map(([name, declaration]) => ({
            ...declaration,
            name,
            value: (own[name] as SettingConfiguration['value'] | undefined) ?? null,
            effective: effective[name] as SettingConfiguration['effective'],
          })),
          homepageLink: offering ? serviceHomepageLink(deps.portalPublicUrl, service.id, municipality.id) : null,
        };
      }),
    };
  }

  /** The offering's values, or the refusals of each field that does not fit the municipality or the package. */
  function checkOffering(municipality: Municipality, service: RegisteredService, change: OfferingChange): OfferingValues {
    const problems: ConfigurationFieldProblem[] = [];
    const refuse = (field: string, detail: string) => problems.push({ pointer: `/body/${field}`, detail });
    if (change.feeRappen === undefined) refuse('feeRappen', 'is required to offer the service');
    if (change.candidateGroup === undefined) refuse('candidateGroup', 'is required to offer the service');
    else if (!change.candidateGroup.startsWith(`${municipality.bfsNumber}-`)) refuse('candidateGroup', `is not a group of this municipality (${municipality.bfsNumber}-…)`);
    const values: OfferingValues = {
      feeRappen: change.feeRappen ?? 0,
      paymentAccount: change.paymentAccount ?? null,
      bookingText: change.bookingText ?? null,
      invoiceAllowed: change.invoiceAllowed ?? false,
      candidateGroup: change.candidateGroup ?? '',
      settings: change.settings ?? {},
    };
    if (values.feeRappen > 0) {
      if (values.paymentAccount === null) refuse('paymentAccount', 'is required for a service with a fee');
      if (values.bookingText === null) refuse('bookingText', 'is required for a service with a fee');
      if (service.paymentMethods.length === 0) refuse('feeRappen', 'the service\'s package allows no payment: it is free of charge');
    }
    if (values.invoiceAllowed) {
      if (values.feeRappen === 0) refuse('invoiceAllowed', 'a service free of charge is not invoiced');
      else if (!service.paymentMethods.includes('invoice')) refuse('invoiceAllowed', 'the service\'s package does not allow payment by invoice');
      else if (municipality.creditor === null) refuse('invoiceAllowed', 'the municipality has no creditor for QR-bills');
    }
    const offering = { ...values, paymentMethods: service.paymentMethods };
    if (!problems.length && values.feeRappen > 0 && offeredPaymentMethods(municipality, offering).length === 0) {
      refuse('feeRappen', 'could not be paid: the municipality has no Payrexx instance and does not allow invoices for it');
    }
    for (const problem of settingProblems(service.settings, values.settings)) refuse(`settings/${problem.name}`, problem.message);
    if (problems.length) throw configurationErrors.invalidConfiguration(problems);
    return values;
  }

  function checkCreditor(creditor: Creditor): Creditor {
    const iban = compactIban(creditor.iban);
    if (!isValidSwissIban(iban)) {
      throw configurationErrors.invalidConfiguration([{ pointer: '/body/creditor/iban', detail: 'is not a valid Swiss IBAN or QR-IBAN (check digits)' }]);
    }
    return { ...creditor, iban };
  }

  const changeRecorder = (municipalityId: string, by: Administrator, at: Date) =>
    (subject: string, before: unknown, after: unknown, trx: Knex.Transaction) =>
      repository.recordChange({ municipalityId, subject, staffId: by.id, staffName: by.name, changedAt: at, before, after }, trx);

  return {
    /** The municipality's configuration with every registered service, offered or not. */
    async read(municipalityId: string): Promise<MunicipalConfiguration> {
      const municipality = await repository.findMunicipality(municipalityId);
      if (!municipality) throw caseErrors.municipalityNotFound('/params/municipalityId');
      return describe(municipality, await repository.services(), await repository.offerings(municipalityId));
    },

    /** Offers a service with these values, changes them, or withdraws it; answers the configuration as it is now. */
    async setOffering(municipalityId: string, serviceId: string, change: OfferingChange, by: Administrator): Promise<MunicipalConfiguration> {
      return repository.transaction(async (trx) => {
        const municipality = await repository.lockMunicipality(municipalityId, trx);
        if (!municipality) throw caseErrors.municipalityNotFound('/params/municipalityId');
        const services = await repository.services(trx);
        const service = services.find((candidate) => candidate.id === serviceId);
        if (!service) throw configurationErrors.serviceNotFound(serviceId);
        const offerings = await repository.offerings(municipalityId, trx);
        const before = offerings.get(serviceId) ?? null;
        const after = change.offered ? checkOffering(municipality, service, change) : null;
        if (!isDeepStrictEqual(before, after)) {
          await repository.saveOffering(municipalityId, serviceId, after, trx);
          await changeRecorder(municipalityId, by, now())(offeringSubject(serviceId), before, after, trx);
          if (after) offerings.set(serviceId, after);
          else offerings.delete(serviceId);
        }
        return describe(municipality, services, offerings);
      });
    },

    /** Changes the municipality's invoice creditor and/or its back office's vendor; answers the configuration as it is now. */
    async changeMunicipality(municipalityId: string, change: MunicipalityChange, by: Administrator): Promise<MunicipalConfiguration> {
      return repository.transaction(async (trx) => {
        let municipality = await repository.lockMunicipality(municipalityId, trx);
        if (!municipality) throw caseErrors.municipalityNotFound('/params/municipalityId');
        const record = changeRecorder(municipalityId, by, now());
        const offerings = await repository.offerings(municipalityId, trx);
        if (change.creditor !== undefined) {
          const after = checkCreditor(change.creditor);
          if (!isDeepStrictEqual(municipality.creditor, after)) {
            await repository.saveCreditor(municipalityId, after, trx);
            await record('creditor', municipality.creditor, after, trx);
            municipality = { ...municipality, creditor: after };
          }
        }
        if (change.backOfficeVendor !== undefined && change.backOfficeVendor !== municipality.backOffice.vendor) {
          const endpoint = await repository.backOfficeEndpointOf(change.backOfficeVendor, trx);
          if (!endpoint) throw configurationErrors.backOfficeNotConnected(change.backOfficeVendor);
          await repository.saveBackOffice(municipalityId, endpoint, trx);
          // The vendor and its address; the credential's name is the installation's, not the administrator's.
          await record('back-office', { vendor: municipality.backOffice.vendor, url: municipality.backOffice.url }, { vendor: endpoint.vendor, url: endpoint.url }, trx);
          municipality = { ...municipality, backOffice: endpoint };
        }
        return describe(municipality, await repository.services(trx), offerings);
      });
    },

    /** The recorded changes of the municipality, newest first. */
    async history(municipalityId: string, limit: number): Promise<ConfigurationChange[]> {
      if (!await repository.findMunicipality(municipalityId)) throw caseErrors.municipalityNotFound('/params/municipalityId');
      return repository.changes(municipalityId, limit);
    },
  };
}

export type MunicipalConfigurationService = ReturnType<typeof createMunicipalConfiguration>;
