/** The back-office port over Hürlimann's eCH XML interface (see `./protocol.ts`). */
import { parseAhvNumber } from '../ahv-number.ts';
import { withTrailingSlash } from '../http/exchange.ts';
import {
  isQueryByAhv,
  type BackOfficeAdapterOptions,
  type BackOfficeOperation,
  type BackOfficePort,
} from '../port.ts';
import { readInstalmentPlan, readOpenItems, readResidence, readStockDelivery } from './answers.ts';
import { basicAuthorization, callHurlimann, unexpectedNegativeReport, type HurlimannAnswer, type HurlimannSettings } from './client.ts';
import {
  contactDataChange,
  decimalOf,
  deliveryAddress,
  francsOf,
  localPersonId,
  personLight,
  readContactData,
  readCount,
  readDate,
  readPersonIdentification,
  swissAddress,
} from './codec.ts';
import { DAMAGE_CATEGORY_CODES, ErrorCode } from './protocol.ts';
import type { XmlReader } from './xml.ts';

export const HURLIMANN_VENDOR = 'hurlimann';

/** Creates the Hürlimann adapter; the credential is `user:password` for HTTP Basic authentication. */
export function createHurlimannAdapter(options: BackOfficeAdapterOptions): BackOfficePort {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('createHurlimannAdapter: timeoutMs must be a positive number');
  }
  if (!options.credential.includes(':')) {
    throw new RangeError('createHurlimannAdapter: the credential must be user:password');
  }
  const settings: HurlimannSettings = {
    baseUrl: withTrailingSlash(options.baseUrl),
    authorization: basicAuthorization(options.credential),
    timeoutMs: options.timeoutMs,
  };

  return {
    vendor: HURLIMANN_VENDOR,

    async findResident(query, context) {
      let content;
      if (isQueryByAhv(query)) {
        const ahv = parseAhvNumber(query.ahvNumber);
        // Nobody has an invalid number: a business answer, and no reason to ask Hürlimann.
        if (ahv === null) return null;
        content = { 'hp:vn': ahv.digits };
      } else {
        content = {
          'hp:nameAndDateOfBirth': {
            'hp:officialName': query.lastName,
            'hp:firstName': query.firstName,
            'hp:dateOfBirth': { 'eCH-0044:yearMonthDay': query.dateOfBirth },
          },
        };
      }
      const operation = 'findResident';
      const persons = await callHurlimann(settings, { operation, content, context }, (answer) =>
        answerOf(operation, answer).children('person').map(readPersonIdentification),
      );
      if (persons.length > 1) {
        options.logger.info(
          { correlationId: context.correlationId, vendor: HURLIMANN_VENDOR, operation, matchCount: persons.length },
          'several residents match, none returned',
        );
      }
      return persons.length === 1 ? (persons[0] ?? null) : null;
    },

    getResidence(residentId, context) {
      const operation = 'getResidence';
      const content = { 'hp:localPersonId': localPersonId(residentId) };
      return callHurlimann(settings, { operation, content, context }, (answer) =>
        unlessPersonUnknown(operation, answer, (residence) => readResidence(residence, context.municipalityBfs)),
      );
    },

    getContactData(residentId, context) {
      const operation = 'getContactData';
      const content = { 'hp:localPersonId': localPersonId(residentId) };
      return callHurlimann(settings, { operation, content, context }, (answer) => unlessPersonUnknown(operation, answer, readContactData));
    },

    changeContactData(change, context) {
      const operation = 'changeContactData';
      const content = {
        'hp:reference': change.reference,
        'hp:localPersonId': localPersonId(change.residentId),
        // A change that names neither entry fails the schema check and is not sent.
        ...contactDataChange(change),
      };
      return callHurlimann(settings, { operation, content, context }, (answer) =>
        unlessPersonUnknown(operation, answer, (receipt) => ({ contact: readContactData(receipt), changedOn: readDate(receipt, 'changedOn') })),
      );
    },

    bookFee(booking, context) {
      const operation = 'bookFee';
      const content = {
        'hp:reference': booking.reference,
        'hp:localPersonId': localPersonId(booking.residentId),
        'hp:amount': francsOf(booking.amountRappen),
        'hp:account': booking.account,
        'hp:bookingText': booking.bookingText,
      };
      return callHurlimann(settings, { operation, content, context }, (answer) =>
        unlessPersonUnknown(operation, answer, (receipt) => ({
          bookingId: receipt.text('bookingId'),
          bookedOn: readDate(receipt, 'bookedOn'),
        })),
      );
    },

    listOpenItems(residentId, context) {
      const operation = 'listOpenItems';
      const content = { 'hp:localPersonId': localPersonId(residentId) };
      return callHurlimann(settings, { operation, content, context }, (answer) => unlessPersonUnknown(operation, answer, readOpenItems));
    },

    requestInstalmentPlan(request, context) {
      const operation = 'requestInstalmentPlan';
      const content = {
        'hp:reference': request.reference,
        'hp:localPersonId': localPersonId(request.residentId),
        'hp:itemId': request.itemIds,
        'hp:numberOfInstalments': String(request.instalments),
        'hp:firstDueDate': request.firstDueDate,
      };
      return callHurlimann(settings, { operation, content, context }, (answer) => readInstalmentPlan(answerOf(operation, answer)));
    },

    forwardDamageReport(report, context) {
      const operation = 'forwardDamageReport';
      const content = {
        'hp:reference': report.reference,
        // An unknown category leaves the element out, and the request fails the schema check.
        'hp:category': DAMAGE_CATEGORY_CODES[report.category] as string | undefined,
        'hp:description': report.description,
        'hp:location': { 'hp:latitude': decimalOf(report.location.latitude), 'hp:longitude': decimalOf(report.location.longitude) },
        'hp:reportedAt': report.reportedAt,
      };
      return callHurlimann(settings, { operation, content, context }, (answer) => ({
        ticketId: answerOf(operation, answer).text('ticketId'),
      }));
    },

    deliverStock(order, context) {
      const operation = 'deliverStock';
      const content = {
        'hp:reference': order.reference,
        'hp:articleCode': order.articleCode,
        'hp:quantity': String(order.quantity),
        'hp:deliveryAddress': deliveryAddress(order.deliveryAddress),
      };
      return callHurlimann(settings, { operation, content, context }, (answer) => readStockDelivery(answerOf(operation, answer)));
    },

    requestDebtRegisterExtract(request, context) {
      const operation = 'requestDebtRegisterExtract';
      const content = {
        'hp:reference': request.reference,
        'hp:person': personLight(request.person),
        'hp:address': swissAddress(request.person.address),
      };
      return callHurlimann(settings, { operation, content, context }, (answer) =>
        unlessPersonUnknown(operation, answer, (extract) => ({
          extractId: extract.text('extractId'),
          issuedOn: readDate(extract, 'issuedOn'),
          proceedings: readCount(extract, 'numberOfProceedings'),
        })),
      );
    },

    orderBirthRegisterExtract(order, context) {
      const operation = 'orderBirthRegisterExtract';
      const content = {
        'hp:reference': order.reference,
        'hp:person': personLight(order.person),
        'hp:placeOfBirth': order.person.placeOfBirth,
        'hp:deliveryAddress': deliveryAddress(order.deliveryAddress),
      };
      return callHurlimann(settings, { operation, content, context }, (answer) => {
        const receipt = answerOf(operation, answer);
        return { orderId: receipt.text('orderId'), expectedOn: readDate(receipt, 'expectedOn') };
      });
    },
  };
}

/** The answer element of an operation that has no negative report among its business answers. */
function answerOf(operation: BackOfficeOperation, answer: HurlimannAnswer): XmlReader {
  if (answer.kind === 'answer') return answer.content;
  throw unexpectedNegativeReport(operation);
}

/** Reads the answer, or null for the negative report that the person is unknown. */
function unlessPersonUnknown<T>(operation: BackOfficeOperation, answer: HurlimannAnswer, read: (content: XmlReader) => T): T | null {
  if (answer.kind === 'answer') return read(answer.content);
  if (answer.code === ErrorCode.personUnknown) return null;
  throw unexpectedNegativeReport(operation);
}
