/**
 * The platform's sources of start-form options (a package names them in its manifest's
 * `formData`): what a form offers that only the back office knows, read for the person applying.
 * The options are what form-js shows; the records are what the process gets for the chosen ones.
 */
import { randomUUID } from 'node:crypto';
import type { BackOfficePort } from '../../connectors/back-office/port.ts';
import type { FormDataSource } from '../catalogue/service-manifest.ts';
import { caseErrors } from '../errors/case-errors.ts';
import { invalidField, ProblemError } from '../errors/problem-error.ts';
import type { Language } from '../language.ts';

export interface SourceRequest {
  municipalityId: string;
  /** The person applying, as the start form names them (the name is the account's own). */
  applicant: { firstName?: unknown; lastName?: unknown; dateOfBirth?: unknown } | null;
  language: Language;
}

export interface SourcedOptions {
  /** What form-js offers: a field with the source's valuesKey lists these. */
  options: { value: string; label: string }[];
  /** Per offered value, what the process gets when it is chosen. */
  records: ReadonlyMap<string, unknown>;
  /** Further variables the process gets (e.g. the resident's id in the back office). */
  variables: Record<string, unknown>;
}

export type FormDataSourceLoader = (request: SourceRequest) => Promise<SourcedOptions>;
export type FormDataSources = Readonly<Record<FormDataSource, FormDataSourceLoader>>;

/** A municipality's finance module, and the municipality's number its calls name. */
export type FinanceOf = (municipalityId: string) => Promise<{ port: Pick<BackOfficePort, 'findResident' | 'listOpenItems'>; bfsNumber: number } | undefined>;

const DUE: Record<Language, string> = { de: 'fällig am', fr: 'échéance le', it: 'scadenza il', en: 'due on' };

const francs = (rappen: number) => `CHF ${String(Math.trunc(rappen / 100)).replace(/\B(?=(\d{3})+$)/g, '’')}.${String(rappen % 100).padStart(2, '0')}`;
const swissDate = (iso: string) => iso.split('-').reverse().join('.');

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * open-items: the person's unpaid bills in the municipality's finance module (taxes, fees), oldest
 * due first, found by the applicant's name and date of birth.
 */
export function createOpenItemsSource(financeOf: FinanceOf, timeoutMs: number): FormDataSourceLoader {
  return async ({ municipalityId, applicant, language }) => {
    if (!text(applicant?.firstName) || !text(applicant.lastName) || !text(applicant.dateOfBirth)) {
      throw invalidField('/body/data/applicant', 'is needed to read your open items');
    }
    const finance = await financeOf(municipalityId);
    if (!finance) throw invalidField('/body/municipalityId', 'is not a known municipality');
    const context = { municipalityBfs: finance.bfsNumber, correlationId: randomUUID(), signal: AbortSignal.timeout(timeoutMs) };
    let items;
    try {
      const resident = await finance.port.findResident({ firstName: applicant.firstName, lastName: applicant.lastName, dateOfBirth: applicant.dateOfBirth }, context);
      if (!resident) throw caseErrors.personNotInRegister();
      items = await finance.port.listOpenItems(resident.residentId, context);
      if (!items) throw caseErrors.personNotInRegister();
      return {
        options: items.map((item) => ({ value: item.itemId, label: `${item.description} – ${francs(item.amountRappen)}, ${DUE[language]} ${swissDate(item.dueDate)}` })),
        records: new Map(items.map((item) => [item.itemId, item])),
        variables: { residentId: resident.residentId },
      };
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      throw caseErrors.backOfficeUnavailable(error);
    }
  };
}
