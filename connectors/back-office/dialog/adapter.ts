/** The back-office port over Dialog's API (see `./api.ts`). */
import { parseAhvNumber } from '../ahv-number.ts';
import { withTrailingSlash } from '../http/exchange.ts';
import {
  isQueryByAhv,
  type BackOfficeAdapterOptions,
  type BackOfficePort,
  type PostalAddress,
  type ResidentMatch,
} from '../port.ts';
import {
  DialogBirthExtractOrder,
  DialogContact,
  DialogContactChange,
  DialogDamageTicket,
  DialogDebtExtract,
  DialogDelivery,
  DialogFeeBooking,
  DialogInstalmentPlan,
  DialogOpenItems,
  DialogProblemType,
  DialogResidence,
  DialogSearchResponse,
  dialogPaths,
  type DialogPerson,
} from './api.ts';
import { callDialog, callDialogForBody, compile, type DialogSettings } from './client.ts';

const searchAnswer = compile(DialogSearchResponse);
const residenceAnswer = compile(DialogResidence);
const contactAnswer = compile(DialogContact);
const contactChangeAnswer = compile(DialogContactChange);
const bookingAnswer = compile(DialogFeeBooking);
const openItemsAnswer = compile(DialogOpenItems);
const planAnswer = compile(DialogInstalmentPlan);
const ticketAnswer = compile(DialogDamageTicket);
const deliveryAnswer = compile(DialogDelivery);
const debtExtractAnswer = compile(DialogDebtExtract);
const birthExtractAnswer = compile(DialogBirthExtractOrder);

/** Creates the Dialog adapter; the credential is the API key. It holds no state besides its settings. */
export function createDialogAdapter(options: BackOfficeAdapterOptions): BackOfficePort {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('createDialogAdapter: timeoutMs must be a positive number');
  }
  const settings: DialogSettings = {
    baseUrl: withTrailingSlash(options.baseUrl),
    apiKey: options.credential,
    timeoutMs: options.timeoutMs,
  };
  const { residentNotFound } = DialogProblemType;

  return {
    vendor: 'dialog',

    async findResident(query, context) {
      let body;
      if (isQueryByAhv(query)) {
        const ahv = parseAhvNumber(query.ahvNumber);
        // Nobody has an invalid number: a business answer, and no reason to ask Dialog.
        if (ahv === null) return null;
        body = { vn: ahv.digits };
      } else {
        body = { officialName: query.lastName, firstName: query.firstName, dateOfBirth: query.dateOfBirth };
      }
      const answer = await callDialog(settings, {
        operation: 'findResident', method: 'POST', path: dialogPaths.searchResidents(context.municipalityBfs),
        body, answer: searchAnswer, context,
      });
      const persons = answer.ok ? answer.body.persons : [];
      const [person] = persons;
      return person !== undefined && persons.length === 1 ? toMatch(person) : null;
    },

    async getResidence(residentId, context) {
      const answer = await callDialog(settings, {
        operation: 'getResidence', method: 'GET', path: dialogPaths.residence(context.municipalityBfs, residentId),
        answer: residenceAnswer, businessProblems: [residentNotFound], context,
      });
      if (!answer.ok) return null;
      const residence = answer.body;
      return {
        residenceType: residence.typeOfResidence === 1 ? 'main' : 'secondary',
        since: residence.arrivalDate,
        movedOutOn: residence.departureDate,
        municipality: { bfsNumber: residence.municipality.bfsNumber, name: residence.municipality.name },
        address: {
          street: residence.dwellingAddress.street,
          houseNumber: residence.dwellingAddress.houseNumber,
          postalCode: residence.dwellingAddress.swissZipCode,
          town: residence.dwellingAddress.town,
        },
        // Address lock and disclosure lock both forbid disclosure to third parties.
        blocked: residence.dataLock !== 0,
        household: residence.household.map(toMatch),
      };
    },

    async getContactData(residentId, context) {
      const answer = await callDialog(settings, {
        operation: 'getContactData', method: 'GET', path: dialogPaths.contact(context.municipalityBfs, residentId),
        answer: contactAnswer, businessProblems: [residentNotFound], context,
      });
      return answer.ok ? { phone: answer.body.phoneNumber, email: answer.body.emailAddress } : null;
    },

    async changeContactData(change, context) {
      const answer = await callDialog(settings, {
        operation: 'changeContactData', method: 'PUT', path: dialogPaths.contactChange(context.municipalityBfs, change.reference),
        // JSON.stringify leaves out what is undefined: a field the change leaves out stays as it is.
        body: { personId: change.residentId, phoneNumber: change.phone, emailAddress: change.email },
        answer: contactChangeAnswer, businessProblems: [residentNotFound], context,
      });
      if (!answer.ok) return null;
      const { contact, changeDate } = answer.body;
      return { contact: { phone: contact.phoneNumber, email: contact.emailAddress }, changedOn: changeDate };
    },

    async bookFee(booking, context) {
      const answer = await callDialog(settings, {
        operation: 'bookFee', method: 'PUT', path: dialogPaths.feeBooking(context.municipalityBfs, booking.reference),
        body: { personId: booking.residentId, amountRappen: booking.amountRappen, account: booking.account, text: booking.bookingText },
        answer: bookingAnswer, businessProblems: [residentNotFound], context,
      });
      return answer.ok ? { bookingId: answer.body.bookingId, bookedOn: answer.body.bookingDate } : null;
    },

    async listOpenItems(residentId, context) {
      const answer = await callDialog(settings, {
        operation: 'listOpenItems', method: 'GET', path: dialogPaths.openItems(context.municipalityBfs, residentId),
        answer: openItemsAnswer, businessProblems: [residentNotFound], context,
      });
      if (!answer.ok) return null;
      return answer.body.items
        .map((item) => ({ itemId: item.itemId, description: item.text, amountRappen: item.openAmountRappen, dueDate: item.dueDate }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    },

    async requestInstalmentPlan(request, context) {
      const answer = await callDialog(settings, {
        operation: 'requestInstalmentPlan', method: 'PUT',
        path: dialogPaths.instalmentPlan(context.municipalityBfs, request.reference),
        body: {
          personId: request.residentId, openItemIds: request.itemIds,
          numberOfInstalments: request.instalments, firstDueDate: request.firstDueDate,
        },
        answer: planAnswer, businessProblems: [DialogProblemType.instalmentPlanRefused], context,
      });
      if (!answer.ok) return { outcome: 'refused', reason: answer.problem.reason ?? 'item-not-open' };
      return { outcome: 'agreed', planId: answer.body.planId, totalRappen: answer.body.totalRappen, schedule: answer.body.instalments };
    },

    async forwardDamageReport(report, context) {
      const ticket = await callDialogForBody(settings, {
        operation: 'forwardDamageReport', method: 'PUT',
        path: dialogPaths.damageReport(context.municipalityBfs, report.reference),
        body: {
          category: report.category, description: report.description,
          position: { lat: report.location.latitude, lon: report.location.longitude }, reportedAt: report.reportedAt,
        },
        answer: ticketAnswer, context,
      });
      return { ticketId: ticket.ticketId };
    },

    async deliverStock(order, context) {
      const answer = await callDialog(settings, {
        operation: 'deliverStock', method: 'PUT', path: dialogPaths.delivery(context.municipalityBfs, order.reference),
        body: { articleNumber: order.articleCode, quantity: order.quantity, deliverTo: toDialogRecipient(order.deliveryAddress) },
        answer: deliveryAnswer, businessProblems: [DialogProblemType.outOfStock, DialogProblemType.articleNotFound], context,
      });
      if (answer.ok) return { outcome: 'dispatched', deliveryId: answer.body.deliveryId, expectedOn: answer.body.expectedDeliveryDate };
      return answer.problem.type === DialogProblemType.outOfStock
        ? { outcome: 'out-of-stock', available: answer.problem.available ?? 0 }
        : { outcome: 'unknown-article' };
    },

    async requestDebtRegisterExtract(request, context) {
      const { person } = request;
      const answer = await callDialog(settings, {
        operation: 'requestDebtRegisterExtract', method: 'PUT',
        path: dialogPaths.debtExtract(context.municipalityBfs, request.reference),
        body: {
          officialName: person.lastName, firstName: person.firstName, dateOfBirth: person.dateOfBirth,
          address: toDialogAddress(person.address),
        },
        answer: debtExtractAnswer, businessProblems: [DialogProblemType.personNotIdentified], context,
      });
      return answer.ok ? answer.body : null;
    },

    async orderBirthRegisterExtract(order, context) {
      const { person } = order;
      const receipt = await callDialogForBody(settings, {
        operation: 'orderBirthRegisterExtract', method: 'PUT',
        path: dialogPaths.birthExtract(context.municipalityBfs, order.reference),
        body: {
          officialName: person.lastName, firstName: person.firstName, dateOfBirth: person.dateOfBirth,
          placeOfBirth: person.placeOfBirth, deliverTo: toDialogRecipient(order.deliveryAddress),
        },
        answer: birthExtractAnswer, context,
      });
      return { orderId: receipt.orderId, expectedOn: receipt.expectedDeliveryDate };
    },
  };
}

function toMatch(person: DialogPerson): ResidentMatch {
  return { residentId: person.id, firstName: person.firstName, lastName: person.officialName, dateOfBirth: person.dateOfBirth };
}

function toDialogAddress(address: PostalAddress) {
  return { street: address.street, houseNumber: address.houseNumber, swissZipCode: address.postalCode, town: address.town };
}

function toDialogRecipient(address: PostalAddress & { readonly recipient: string }) {
  return { recipient: address.recipient, ...toDialogAddress(address) };
}
