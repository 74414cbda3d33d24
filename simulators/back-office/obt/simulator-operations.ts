/** The OBT operations over the simulated back office: request payload in, answer payload or PERSON_UNBEKANNT out. */
import type { ResidentMatch } from '../../../connectors/back-office/port.ts';
import type { BackOfficeState } from '../back-office-state.ts';
import type { SeededResident } from '../seed.ts';
import { answerCodecs, type ObtAnswers } from '../../../connectors/back-office/obt/answers.ts';
import type { PortOperation } from '../../../connectors/back-office/obt/protocol.ts';
import { requestCodecs, type ObtRequests } from '../../../connectors/back-office/obt/requests.ts';
import type { XmlChildren, XmlNode } from '../../../connectors/back-office/obt/xml.ts';

export type Served = { readonly kind: 'answer'; readonly payload: XmlChildren } | { readonly kind: 'person-unknown' };

type Handler<K extends PortOperation> = (state: BackOfficeState, bfs: number, request: ObtRequests[K]) => ObtAnswers[K] | 'person-unknown';

const handlers: { readonly [K in PortOperation]: Handler<K> } = {
  findResident: (state, bfs, search) => state.searchResidents(bfs, search).map(toMatch),
  getResidence: (state, bfs, { residentId }) => state.residence(bfs, residentId) ?? 'person-unknown',
  getContactData: (state, bfs, { residentId }) => state.contactData(bfs, residentId) ?? 'person-unknown',
  changeContactData: (state, bfs, change) => {
    const receipt = state.changeContactData(bfs, change);
    return receipt === 'resident-not-found' ? 'person-unknown' : receipt;
  },
  bookFee: (state, bfs, booking) => {
    const receipt = state.bookFee(bfs, booking);
    return receipt === 'resident-not-found' ? 'person-unknown' : receipt;
  },
  listOpenItems: (state, bfs, { residentId }) => {
    const items = state.openItems(bfs, residentId);
    return items === 'resident-not-found' ? 'person-unknown' : items;
  },
  requestInstalmentPlan: (state, bfs, request) => state.requestInstalmentPlan(bfs, request),
  forwardDamageReport: (state, bfs, report) => state.forwardDamageReport(bfs, report),
  deliverStock: (state, bfs, order) => state.deliverStock(bfs, order),
  requestDebtRegisterExtract: (state, bfs, request) => state.requestDebtRegisterExtract(bfs, request) ?? 'person-unknown',
  orderBirthRegisterExtract: (state, bfs, order) => state.orderBirthRegisterExtract(bfs, order),
};

/** Serves one operation whose payload has passed the schema; throws ValueError for values the schema lets through but the domain cannot use. */
export function serveOperation<K extends PortOperation>(state: BackOfficeState, operation: K, bfs: number, payload: XmlNode): Served {
  const request = requestCodecs[operation].read(payload);
  const result = (handlers[operation] as Handler<K>)(state, bfs, request);
  if (result === 'person-unknown') return { kind: 'person-unknown' };
  return { kind: 'answer', payload: answerCodecs[operation].write(result) };
}

function toMatch(resident: SeededResident): ResidentMatch {
  return { residentId: resident.id, firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth };
}
