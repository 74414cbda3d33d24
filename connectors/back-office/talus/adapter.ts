/** The back-office port over the Talus portal API (see `./api.ts`). */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parseAhvNumber } from '../ahv-number.ts';
import { withTrailingSlash } from '../http/exchange.ts';
import { isQueryByAhv, type BackOfficeAdapterOptions, type BackOfficePort } from '../port.ts';
import {
  TALUS_MAX_PAGE_SIZE,
  TalusBirthExtractOrder,
  TalusContactDetails,
  TalusContactDetailsReceipt,
  TalusDebtExtract,
  TalusDeliveryAnswer,
  TalusFeeReceipt,
  TalusOpenItem,
  TalusPage,
  TalusPerson,
  TalusPlanAnswer,
  TalusResidence,
  TalusWorkOrder,
  talusPaths,
  type TalusPersonSearch,
} from './api.ts';
import { PERSON_NOT_FOUND, collectPages, createTalusClient } from './client.ts';
import {
  TALUS_DAMAGE_CATEGORY,
  fromTalusDate,
  fromTalusDeliveryAnswer,
  fromTalusOpenItem,
  fromTalusPerson,
  fromTalusPlanAnswer,
  fromTalusResidence,
  toTalusAddress,
  toTalusDate,
  toTalusRecipient,
} from './encoding.ts';
import { createTalusTokenSource, parseTalusCredential } from './token.ts';

export const TALUS_VENDOR = 'talus';

export type TalusAdapterOptions = BackOfficeAdapterOptions & {
  /**
   * `page_size` of list requests; absent: the installation's default. Lists are short (a search
   * finds zero to two persons, a debtor has a few open items), so the default rarely pages.
   */
  readonly pageSize?: number;
  /** Clock for token expiry, epoch ms; default Date.now. */
  readonly now?: () => number;
};

const personPage = TypeCompiler.Compile(TalusPage(TalusPerson));
const openItemPage = TypeCompiler.Compile(TalusPage(TalusOpenItem));
const residenceAnswer = TypeCompiler.Compile(TalusResidence);
const contactDetails = TypeCompiler.Compile(TalusContactDetails);
const contactDetailsReceipt = TypeCompiler.Compile(TalusContactDetailsReceipt);
const feeReceipt = TypeCompiler.Compile(TalusFeeReceipt);
const planAnswer = TypeCompiler.Compile(TalusPlanAnswer);
const workOrder = TypeCompiler.Compile(TalusWorkOrder);
const deliveryAnswer = TypeCompiler.Compile(TalusDeliveryAnswer);
const debtExtract = TypeCompiler.Compile(TalusDebtExtract);
const birthExtractOrder = TypeCompiler.Compile(TalusBirthExtractOrder);

/** Creates the Talus adapter; its only state is the cached access token. */
export function createTalusAdapter(options: TalusAdapterOptions): BackOfficePort {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('createTalusAdapter: timeoutMs must be a positive number');
  }
  const { pageSize } = options;
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= TALUS_MAX_PAGE_SIZE)) {
    throw new RangeError(`createTalusAdapter: pageSize must be 1 to ${TALUS_MAX_PAGE_SIZE}`);
  }
  const baseUrl = withTrailingSlash(options.baseUrl);
  const tokens = createTalusTokenSource({
    baseUrl,
    credentials: parseTalusCredential(options.credential),
    timeoutMs: options.timeoutMs,
    now: options.now ?? Date.now,
  });
  const talus = createTalusClient({ baseUrl, tokens, timeoutMs: options.timeoutMs });
  const paging = pageSize === undefined ? {} : { page_size: pageSize };

  return {
    vendor: TALUS_VENDOR,

    async findResident(query, context) {
      const operation = 'findResident';
      let search: TalusPersonSearch;
      if (isQueryByAhv(query)) {
        const ahv = parseAhvNumber(query.ahvNumber);
        // Nobody has an invalid number: a business answer, and no reason to ask Talus.
        if (ahv === null) return null;
        search = { ahv_number: ahv.digits, ...paging };
      } else {
        search = { family_name: query.lastName, given_name: query.firstName, birth_date: toTalusDate(query.dateOfBirth), ...paging };
      }
      const persons = await collectPages(operation, (pageToken) =>
        talus.call({
          operation,
          method: 'POST',
          path: talusPaths.personSearch(context.municipalityBfs),
          body: pageToken === undefined ? search : { ...search, page_token: pageToken },
          answer: personPage,
          context,
        }),
      );
      const [person] = persons ?? [];
      if (persons === null || person === undefined) return null;
      if (persons.length > 1) {
        options.logger.info(
          { correlationId: context.correlationId, vendor: TALUS_VENDOR, operation, matchCount: persons.length },
          'several residents match, none returned',
        );
        return null;
      }
      return fromTalusPerson(person);
    },

    async getResidence(residentId, context) {
      const answer = await talus.callAboutPerson({
        operation: 'getResidence',
        method: 'GET',
        path: talusPaths.residence(context.municipalityBfs, residentId),
        answer: residenceAnswer,
        context,
      });
      return answer === PERSON_NOT_FOUND ? null : fromTalusResidence(answer);
    },

    async getContactData(residentId, context) {
      const answer = await talus.callAboutPerson({
        operation: 'getContactData',
        method: 'GET',
        path: talusPaths.contactDetails(context.municipalityBfs, residentId),
        answer: contactDetails,
        context,
      });
      return answer === PERSON_NOT_FOUND ? null : { phone: answer.phone_number, email: answer.email };
    },

    async changeContactData(change, context) {
      const answer = await talus.callAboutPerson({
        operation: 'changeContactData',
        method: 'POST',
        path: talusPaths.contactDetailsChanges(context.municipalityBfs, change.residentId),
        idempotencyKey: change.reference,
        // Undefined fields are left out of the JSON: Talus keeps what a change does not name.
        body: { phone_number: change.phone, email: change.email },
        answer: contactDetailsReceipt,
        context,
      });
      if (answer === PERSON_NOT_FOUND) return null;
      const { contact_details: details } = answer;
      return { contact: { phone: details.phone_number, email: details.email }, changedOn: fromTalusDate(answer.change_date) };
    },

    async bookFee(booking, context) {
      const answer = await talus.callAboutPerson({
        operation: 'bookFee',
        method: 'POST',
        path: talusPaths.fees(context.municipalityBfs, booking.residentId),
        idempotencyKey: booking.reference,
        body: { amount_cents: booking.amountRappen, revenue_account: booking.account, booking_text: booking.bookingText },
        answer: feeReceipt,
        context,
      });
      if (answer === PERSON_NOT_FOUND) return null;
      return { bookingId: answer.booking_id, bookedOn: fromTalusDate(answer.booking_date) };
    },

    async listOpenItems(residentId, context) {
      const operation = 'listOpenItems';
      const path = talusPaths.openItems(context.municipalityBfs, residentId);
      const items = await collectPages(operation, (pageToken) => {
        const query = new URLSearchParams({
          ...(pageSize === undefined ? {} : { page_size: String(pageSize) }),
          ...(pageToken === undefined ? {} : { page_token: pageToken }),
        }).toString();
        return talus.callAboutPerson({
          operation,
          method: 'GET',
          path: query === '' ? path : `${path}?${query}`,
          answer: openItemPage,
          context,
        });
      });
      return items === null ? null : items.map(fromTalusOpenItem).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    },

    async requestInstalmentPlan(request, context) {
      const answer = await talus.callAboutPerson({
        operation: 'requestInstalmentPlan',
        method: 'POST',
        path: talusPaths.instalmentPlans(context.municipalityBfs, request.residentId),
        idempotencyKey: request.reference,
        body: { item_ids: request.itemIds, instalment_count: request.instalments, first_due_date: toTalusDate(request.firstDueDate) },
        answer: planAnswer,
        context,
      });
      // An unknown debtor has no open items, so none of the items is open for them.
      return answer === PERSON_NOT_FOUND ? { outcome: 'refused', reason: 'item-not-open' } : fromTalusPlanAnswer(answer);
    },

    async forwardDamageReport(report, context) {
      const answer = await talus.call({
        operation: 'forwardDamageReport',
        method: 'POST',
        path: talusPaths.workOrders(context.municipalityBfs),
        idempotencyKey: report.reference,
        body: {
          category: TALUS_DAMAGE_CATEGORY[report.category],
          description: report.description,
          location: { latitude: report.location.latitude, longitude: report.location.longitude },
          reported_at: report.reportedAt,
        },
        answer: workOrder,
        context,
      });
      return { ticketId: answer.ticket_id };
    },

    async deliverStock(order, context) {
      const answer = await talus.call({
        operation: 'deliverStock',
        method: 'POST',
        path: talusPaths.stockDeliveries(context.municipalityBfs),
        idempotencyKey: order.reference,
        body: { article_code: order.articleCode, quantity: order.quantity, recipient: toTalusRecipient(order.deliveryAddress) },
        answer: deliveryAnswer,
        context,
      });
      return fromTalusDeliveryAnswer(answer);
    },

    async requestDebtRegisterExtract(request, context) {
      const { person } = request;
      const answer = await talus.callAboutPerson({
        operation: 'requestDebtRegisterExtract',
        method: 'POST',
        path: talusPaths.debtRegisterExtracts(context.municipalityBfs),
        idempotencyKey: request.reference,
        body: {
          person: {
            given_name: person.firstName,
            family_name: person.lastName,
            birth_date: toTalusDate(person.dateOfBirth),
            address: toTalusAddress(person.address),
          },
        },
        answer: debtExtract,
        context,
      });
      if (answer === PERSON_NOT_FOUND) return null;
      return { extractId: answer.extract_id, issuedOn: fromTalusDate(answer.issue_date), proceedings: answer.proceedings_count };
    },

    async orderBirthRegisterExtract(order, context) {
      const { person } = order;
      const answer = await talus.call({
        operation: 'orderBirthRegisterExtract',
        method: 'POST',
        path: talusPaths.birthRegisterExtracts(context.municipalityBfs),
        idempotencyKey: order.reference,
        body: {
          person: {
            given_name: person.firstName,
            family_name: person.lastName,
            birth_date: toTalusDate(person.dateOfBirth),
            place_of_birth: person.placeOfBirth,
          },
          delivery_address: toTalusRecipient(order.deliveryAddress),
        },
        answer: birthExtractOrder,
        context,
      });
      return { orderId: answer.order_id, expectedOn: fromTalusDate(answer.expected_delivery_date) };
    },
  };
}
