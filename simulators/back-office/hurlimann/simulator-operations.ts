/** What the simulated Hürlimann answers to each request content, over the simulated back office. */
import type { BackOfficeOperation, ResidentMatch } from '../../../connectors/back-office/port.ts';
import type { BackOfficeState, ResidentSearch } from '../back-office-state.ts';
import type { SeededResident } from '../seed.ts';
import {
  contactData,
  francsOf,
  personIdentification,
  readContactDataChange,
  readDeliveryAddress,
  readLocalPersonId,
  readPersonLight,
  readRappen,
  readSwissAddress,
  swissAddress,
} from '../../../connectors/back-office/hurlimann/codec.ts';
import { DAMAGE_CATEGORY_CODES, ErrorCode, EXCHANGES, REFUSAL_CODES, UNRECORDED_MUNICIPALITY, keyOfCode } from '../../../connectors/back-office/hurlimann/protocol.ts';
import { XmlShapeError, type XmlContent, type XmlReader } from '../../../connectors/back-office/hurlimann/xml.ts';

export type ServedAnswer =
  | { readonly kind: 'answer'; readonly element: string; readonly content: XmlContent }
  | { readonly kind: 'negative-report'; readonly code: ErrorCode };

const PERSON_UNKNOWN: ServedAnswer = { kind: 'negative-report', code: ErrorCode.personUnknown };

/** Serves one schema-valid request content of `operation` for municipality `bfs`. */
export function serveRequest(state: BackOfficeState, bfs: number, operation: BackOfficeOperation, request: XmlReader): ServedAnswer {
  const answer = (content: XmlContent): ServedAnswer => ({ kind: 'answer', element: EXCHANGES[operation].answer, content });
  switch (operation) {
    case 'findResident':
      return answer({ 'hp:person': state.searchResidents(bfs, searchOf(request)).map((r) => personIdentification(identified(r))) });

    case 'getResidence': {
      const content = residenceContent(state, bfs, residentIdOf(request));
      return content === undefined ? PERSON_UNKNOWN : answer(content);
    }

    case 'getContactData': {
      const contact = state.contactData(bfs, residentIdOf(request));
      return contact === undefined ? PERSON_UNKNOWN : answer(contactData(contact));
    }

    case 'changeContactData': {
      const receipt = state.changeContactData(bfs, {
        reference: request.text('reference'),
        residentId: residentIdOf(request),
        ...readContactDataChange(request),
      });
      if (receipt === 'resident-not-found') return PERSON_UNKNOWN;
      return answer({ ...contactData(receipt.contact), 'hp:changedOn': receipt.changedOn });
    }

    case 'bookFee': {
      const receipt = state.bookFee(bfs, {
        reference: request.text('reference'),
        residentId: residentIdOf(request),
        amountRappen: readRappen(request, 'amount'),
        account: request.text('account'),
        bookingText: request.text('bookingText'),
      });
      if (receipt === 'resident-not-found') return PERSON_UNKNOWN;
      return answer({ 'hp:bookingId': receipt.bookingId, 'hp:bookedOn': receipt.bookedOn });
    }

    case 'listOpenItems': {
      const items = state.openItems(bfs, residentIdOf(request));
      if (items === 'resident-not-found') return PERSON_UNKNOWN;
      return answer({
        'hp:openItem': items.map((item) => ({
          'hp:itemId': item.itemId,
          'hp:description': item.description,
          'hp:openAmount': francsOf(item.amountRappen),
          'hp:dueDate': item.dueDate,
        })),
      });
    }

    case 'requestInstalmentPlan': {
      const plan = state.requestInstalmentPlan(bfs, {
        reference: request.text('reference'),
        residentId: residentIdOf(request),
        itemIds: request.texts('itemId'),
        instalments: Number(request.text('numberOfInstalments')),
        firstDueDate: request.text('firstDueDate'),
      });
      if (plan.outcome === 'refused') return answer({ 'hp:refused': { 'hp:reason': REFUSAL_CODES[plan.reason] } });
      return answer({
        'hp:agreed': {
          'hp:planId': plan.planId,
          'hp:totalAmount': francsOf(plan.totalRappen),
          'hp:instalment': plan.schedule.map((i) => ({ 'hp:dueDate': i.dueDate, 'hp:amount': francsOf(i.amountRappen) })),
        },
      });
    }

    case 'forwardDamageReport': {
      const category = keyOfCode(DAMAGE_CATEGORY_CODES, request.text('category'));
      if (category === undefined) throw new XmlShapeError(`${request.path}/category`, 'unknown category');
      const location = request.child('location');
      const receipt = state.forwardDamageReport(bfs, {
        reference: request.text('reference'),
        category,
        description: request.text('description'),
        location: { latitude: Number(location.text('latitude')), longitude: Number(location.text('longitude')) },
        reportedAt: request.text('reportedAt'),
      });
      return answer({ 'hp:ticketId': receipt.ticketId });
    }

    case 'deliverStock': {
      const delivery = state.deliverStock(bfs, {
        reference: request.text('reference'),
        articleCode: request.text('articleCode'),
        quantity: Number(request.text('quantity')),
        deliveryAddress: readDeliveryAddress(request.child('deliveryAddress')),
      });
      switch (delivery.outcome) {
        case 'dispatched':
          return answer({ 'hp:dispatched': { 'hp:deliveryId': delivery.deliveryId, 'hp:expectedOn': delivery.expectedOn } });
        case 'out-of-stock':
          return answer({ 'hp:outOfStock': { 'hp:available': String(delivery.available) } });
        case 'unknown-article':
          return answer({ 'hp:unknownArticle': '' });
      }
      break;
    }

    case 'requestDebtRegisterExtract': {
      const extract = state.requestDebtRegisterExtract(bfs, {
        reference: request.text('reference'),
        person: { ...readPersonLight(request.child('person')), address: readSwissAddress(request.child('address')) },
      });
      if (extract === null) return PERSON_UNKNOWN;
      return answer({
        'hp:extractId': extract.extractId,
        'hp:issuedOn': extract.issuedOn,
        'hp:numberOfProceedings': String(extract.proceedings),
      });
    }

    case 'orderBirthRegisterExtract': {
      const receipt = state.orderBirthRegisterExtract(bfs, {
        reference: request.text('reference'),
        person: { ...readPersonLight(request.child('person')), placeOfBirth: request.text('placeOfBirth') },
        deliveryAddress: readDeliveryAddress(request.child('deliveryAddress')),
      });
      return answer({ 'hp:orderId': receipt.orderId, 'hp:expectedOn': receipt.expectedOn });
    }
  }
}

function searchOf(request: XmlReader): ResidentSearch {
  if (request.has('vn')) return { kind: 'vn', digits: request.text('vn') };
  return { kind: 'name', ...readPersonLight(request.child('nameAndDateOfBirth')) };
}

/** The Hürlimann id in the request; another category's id is nobody's. */
function residentIdOf(request: XmlReader): string {
  return readLocalPersonId(request.child('localPersonId')) ?? '';
}

function identified(resident: SeededResident): ResidentMatch & { readonly sex: 1 | 2 } {
  return { residentId: resident.id, firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth, sex: resident.sex };
}

function residenceContent(state: BackOfficeState, bfs: number, residentId: string): XmlContent | undefined {
  const person = state.resident(bfs, residentId);
  const residence = state.residence(bfs, residentId);
  if (person === undefined || residence === undefined) return undefined;
  const secondary = residence.residenceType === 'secondary';
  const data = {
    'eCH-0011:reportingMunicipality': {
      'eCH-0007:municipalityId': String(residence.municipality.bfsNumber),
      'eCH-0007:municipalityName': residence.municipality.name,
    },
    'eCH-0011:arrivalDate': residence.since,
    // A secondary residence must say where the person came from; Hürlimann does not record it.
    'eCH-0011:comesFrom': secondary ? { 'eCH-0011:unknown': '0' } : undefined,
    'eCH-0011:dwellingAddress': { 'eCH-0011:address': swissAddress(residence.address), 'eCH-0011:typeOfHousehold': '1' },
    'eCH-0011:departureDate': residence.movedOutOn ?? undefined,
  };
  const member = (match: ResidentMatch) => personIdentification({ ...match, sex: state.resident(bfs, match.residentId)?.sex ?? 3 });
  return {
    'hp:person': personIdentification(identified(person)),
    ...(secondary
      ? {
          'hp:hasSecondaryResidence': {
            'eCH-0011:mainResidence': { 'eCH-0007:municipalityName': UNRECORDED_MUNICIPALITY },
            'eCH-0011:secondaryResidence': data,
          },
        }
      : { 'hp:hasMainResidence': { 'eCH-0011:mainResidence': data } }),
    'hp:dataLock': residence.blocked ? '1' : '0',
    'hp:household': { 'hp:member': residence.household.map(member) },
  };
}
