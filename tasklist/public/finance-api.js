/* global URLSearchParams */
import { createStaffApiClient } from './api.js';

/**
 * @typedef {{ imported: number, settled: number, unmatched: number, alreadyImported: number, unsupported: number }} StatementResult
 * @typedef {{ id: string, bankReference: string, accountIban: string, amountRappen: number,
 *   creditorReference: string|null, bookedOn: string, importedAt: string }} UnmatchedCredit
 * @typedef {{ invoiceId: string, caseId: string, caseNumber: string, reference: string, amountRappen: number, dueOn: string }} OpenInvoice
 */

/**
 * The file name a download's `content-disposition` names, or `fallback`.
 * @param {string | null} header
 * @param {string} fallback
 */
export function attachmentName(header, fallback) {
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback;
}

/**
 * The finance department's API (PAY-2, PAY-4) for one municipality, with the same staff session
 * as the tasklist: paid services as a file, the bank's camt.054, unmatched credits, open invoices.
 * @param {import('./api.js').StaffApiOptions} dependencies
 */
export function createFinanceApi(dependencies) {
  const { send, request } = createStaffApiClient(dependencies);
  /** @param {string} municipalityId */
  const of = (municipalityId) => `/${encodeURIComponent(municipalityId)}`;

  return {
    /**
     * The paid services of the Swiss days `from` up to `to` (exclusive) as CSV or XLSX.
     * @param {string} municipalityId
     * @param {{ from: string, to: string, format: 'csv' | 'xlsx' }} period days as "2026-11-01"
     * @returns {Promise<{ blob: Blob, fileName: string }>}
     */
    async paidServices(municipalityId, { from, to, format }) {
      const query = new URLSearchParams({ from, to, format });
      const response = await send('GET', `${of(municipalityId)}/paid-services?${query}`);
      return { blob: await response.blob(), fileName: attachmentName(response.headers.get('content-disposition'), `bezahlte-dienste.${format}`) };
    },
    /** @param {string} municipalityId @param {Blob} file the bank's camt.054 (XML) @returns {Promise<StatementResult>} */
    importStatement: (municipalityId, file) => request('POST', `${of(municipalityId)}/bank-statements`, file, { 'content-type': 'application/xml' }),
    /** @param {string} municipalityId @returns {Promise<{ credits: UnmatchedCredit[] }>} */
    unmatchedCredits: (municipalityId) => request('GET', `${of(municipalityId)}/unmatched-credits`),
    /** @param {string} municipalityId @returns {Promise<{ invoices: OpenInvoice[] }>} */
    openInvoices: (municipalityId) => request('GET', `${of(municipalityId)}/open-invoices`),
  };
}
