/** Hürlimann answer contents with more than a couple of fields, read into the port's types. */
import type { BfsNumber, InstalmentPlanResult, OpenItem, Residence, StockDeliveryResult } from '../port.ts';
import { readCount, readDate, readOptionalDate, readPersonIdentification, readRappen, readSwissAddress } from './codec.ts';
import { REFUSAL_CODES, keyOfCode } from './protocol.ts';
import { XmlShapeError, type XmlReader } from './xml.ts';

/** residenceResponse: eCH-0011 main or secondary residence, data lock and household. */
export function readResidence(answer: XmlReader, askedBfs: BfsNumber): Residence {
  const kind = answer.firstOf(['hasMainResidence', 'hasSecondaryResidence'] as const);
  const data = kind === 'hasMainResidence' ? answer.child(kind).child('mainResidence') : answer.child(kind).child('secondaryResidence');
  const municipality = data.child('reportingMunicipality');
  return {
    residenceType: kind === 'hasMainResidence' ? 'main' : 'secondary',
    since: readDate(data, 'arrivalDate'),
    movedOutOn: readOptionalDate(data, 'departureDate'),
    municipality: {
      // municipalityId is optional in eCH-0007; the residence is the asked municipality's anyway.
      bfsNumber: municipality.has('municipalityId') ? Number(municipality.text('municipalityId')) : askedBfs,
      name: municipality.text('municipalityName'),
    },
    address: readSwissAddress(data.child('dwellingAddress').child('address')),
    // Address lock and disclosure lock both forbid disclosure to third parties.
    blocked: answer.text('dataLock') !== '0',
    household: answer
      .child('household')
      .children('member')
      .map(readPersonIdentification)
      .sort((a, b) => a.residentId.localeCompare(b.residentId)),
  };
}

/** openItemsResponse, oldest due date first. */
export function readOpenItems(answer: XmlReader): OpenItem[] {
  return answer
    .children('openItem')
    .map((item) => ({
      itemId: item.text('itemId'),
      description: item.text('description'),
      amountRappen: readRappen(item, 'openAmount'),
      dueDate: readDate(item, 'dueDate'),
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

export function readInstalmentPlan(answer: XmlReader): InstalmentPlanResult {
  if (answer.firstOf(['agreed', 'refused'] as const) === 'refused') {
    const refused = answer.child('refused');
    const reason = keyOfCode(REFUSAL_CODES, refused.text('reason'));
    if (reason === undefined) throw new XmlShapeError(`${refused.path}/reason`, 'unknown refusal reason');
    return { outcome: 'refused', reason };
  }
  const agreed = answer.child('agreed');
  return {
    outcome: 'agreed',
    planId: agreed.text('planId'),
    totalRappen: readRappen(agreed, 'totalAmount'),
    schedule: agreed.children('instalment').map((instalment) => ({
      dueDate: readDate(instalment, 'dueDate'),
      amountRappen: readRappen(instalment, 'amount'),
    })),
  };
}

export function readStockDelivery(answer: XmlReader): StockDeliveryResult {
  switch (answer.firstOf(['dispatched', 'outOfStock', 'unknownArticle'] as const)) {
    case 'dispatched': {
      const dispatched = answer.child('dispatched');
      return { outcome: 'dispatched', deliveryId: dispatched.text('deliveryId'), expectedOn: readDate(dispatched, 'expectedOn') };
    }
    case 'outOfStock':
      return { outcome: 'out-of-stock', available: readCount(answer.child('outOfStock'), 'available') };
    case 'unknownArticle':
      return { outcome: 'unknown-article' };
  }
}
