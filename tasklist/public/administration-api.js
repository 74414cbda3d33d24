import { createStaffApiClient } from './api.js';

/**
 * A setting a service's package declares, with the municipality's own value (null: the default).
 * @typedef {{ name: string, type: 'integer'|'number'|'boolean'|'string', names: Record<string, string>,
 *   default: number|boolean|string, minimum?: number, maximum?: number, maxLength?: number,
 *   value: number|boolean|string|null, effective: number|boolean|string }} Setting
 * A registered service as the municipality offers it, or not.
 * @typedef {{ serviceId: string, names: Record<string, string>, packagePaymentMethods: string[], offered: boolean,
 *   feeRappen: number|null, paymentAccount: string|null, bookingText: string|null, invoiceAllowed: boolean,
 *   candidateGroup: string|null, settings: Setting[], homepageLink: string|null }} Offering
 * @typedef {{ name: string, street: string, buildingNumber: string, postalCode: string, town: string, iban: string, qrIban: boolean }} Creditor
 * @typedef {{ municipality: { id: string, name: string, bfsNumber: number, participates: boolean },
 *   payment: { payrexxInstance: string|null, creditor: Creditor|null },
 *   backOffice: { vendor: string, vendors: Array<{ id: string, name: string }> },
 *   offerings: Offering[] }} Configuration
 * What an offering is changed to; `offered: false` withdraws it.
 * @typedef {{ offered: boolean, feeRappen?: number, paymentAccount?: string|null, bookingText?: string|null,
 *   invoiceAllowed?: boolean, candidateGroup?: string, settings?: Record<string, number|boolean|string> }} OfferingChange
 * @typedef {{ id: string, changedAt: string, staffId: string, staffName: string, subject: string, before: unknown, after: unknown }} Change
 */

/**
 * The administrators' API (ADM-3) for their municipality, with the tasklist's staff session.
 * @param {import('./api.js').StaffApiOptions} dependencies
 */
export function createAdministrationApi(dependencies) {
  const { request } = createStaffApiClient(dependencies);
  /** @param {string} municipalityId */
  const of = (municipalityId) => `/${encodeURIComponent(municipalityId)}`;

  return {
    /** @param {string} municipalityId @returns {Promise<Configuration>} */
    configuration: (municipalityId) => request('GET', `${of(municipalityId)}/configuration`),
    /**
     * @param {string} municipalityId @param {string} serviceId @param {OfferingChange} change
     * @returns {Promise<Configuration>}
     */
    saveOffering: (municipalityId, serviceId, change) => request('PUT', `${of(municipalityId)}/offerings/${encodeURIComponent(serviceId)}`, change),
    /** @param {string} municipalityId @returns {Promise<{ changes: Change[] }>} */
    changes: (municipalityId) => request('GET', `${of(municipalityId)}/changes?limit=50`),
  };
}
