/** Talus's value conventions and the port's, both ways; shared by the adapter and the simulator. */
import type {
  DamageCategory,
  InstalmentPlanRefusal,
  InstalmentPlanResult,
  IsoDate,
  OpenItem,
  PostalAddress,
  Residence,
  ResidenceType,
  ResidentMatch,
  StockDeliveryResult,
} from '../port.ts';
import type {
  TalusAddress,
  TalusDamageCategory,
  TalusDeliveryAnswer,
  TalusOpenItem,
  TalusPerson,
  TalusPlanAnswer,
  TalusRecipient,
  TalusRefusalReason,
  TalusResidence,
} from './api.ts';

/** '1985-03-14' → '1985-03-14T00:00:00Z'. */
export function toTalusDate(date: IsoDate): string {
  return `${date}T00:00:00Z`;
}

/** '1985-03-14T00:00:00Z' → '1985-03-14'; the schemas admit only midnight UTC, so nothing is cut off. */
export function fromTalusDate(dateTime: string): IsoDate {
  return dateTime.slice(0, 10);
}

export const TALUS_RESIDENCE_TYPE = { main: 'MAIN', secondary: 'SECONDARY' } as const satisfies Record<ResidenceType, string>;

export const TALUS_DAMAGE_CATEGORY = {
  road: 'ROAD',
  lighting: 'LIGHTING',
  waste: 'WASTE',
  water: 'WATER',
  'green-space': 'GREEN_SPACE',
  other: 'OTHER',
} as const satisfies Record<DamageCategory, TalusDamageCategory>;

export const TALUS_REFUSAL_REASON = {
  'item-not-open': 'ITEM_NOT_OPEN',
  'in-debt-enforcement': 'IN_DEBT_ENFORCEMENT',
  'below-minimum': 'BELOW_MINIMUM',
} as const satisfies Record<InstalmentPlanRefusal, TalusRefusalReason>;

/** The port's value for a Talus code of one of the tables above. */
export function portValue<K extends string, V extends string>(table: Readonly<Record<K, V>>, code: V): K {
  const entry = Object.entries(table).find(([, value]) => value === code);
  if (entry === undefined) throw new RangeError('Talus code outside its table');
  return entry[0] as K;
}

export function toTalusPerson(person: ResidentMatch): TalusPerson {
  return {
    person_id: person.residentId,
    given_name: person.firstName,
    family_name: person.lastName,
    birth_date: toTalusDate(person.dateOfBirth),
  };
}

export function fromTalusPerson(person: TalusPerson): ResidentMatch {
  return {
    residentId: person.person_id,
    firstName: person.given_name,
    lastName: person.family_name,
    dateOfBirth: fromTalusDate(person.birth_date),
  };
}

export function toTalusAddress(address: PostalAddress): TalusAddress {
  return { street: address.street, house_number: address.houseNumber, postal_code: address.postalCode, locality: address.town };
}

export function fromTalusAddress(address: TalusAddress): PostalAddress {
  return { street: address.street, houseNumber: address.house_number, postalCode: address.postal_code, town: address.locality };
}

export function toTalusRecipient(address: PostalAddress & { readonly recipient: string }): TalusRecipient {
  return { name: address.recipient, ...toTalusAddress(address) };
}

export function fromTalusRecipient(recipient: TalusRecipient): PostalAddress & { readonly recipient: string } {
  return { recipient: recipient.name, ...fromTalusAddress(recipient) };
}

export function toTalusResidence(personId: string, residence: Residence): TalusResidence {
  return {
    person_id: personId,
    residence_type: TALUS_RESIDENCE_TYPE[residence.residenceType],
    move_in_date: toTalusDate(residence.since),
    move_out_date: residence.movedOutOn === null ? null : toTalusDate(residence.movedOutOn),
    municipality: { bfs_number: residence.municipality.bfsNumber, name: residence.municipality.name },
    address: toTalusAddress(residence.address),
    disclosure_lock: residence.blocked,
    household: residence.household.map(toTalusPerson),
  };
}

export function fromTalusResidence(residence: TalusResidence): Residence {
  return {
    residenceType: portValue(TALUS_RESIDENCE_TYPE, residence.residence_type),
    since: fromTalusDate(residence.move_in_date),
    movedOutOn: residence.move_out_date === null ? null : fromTalusDate(residence.move_out_date),
    municipality: { bfsNumber: residence.municipality.bfs_number, name: residence.municipality.name },
    address: fromTalusAddress(residence.address),
    blocked: residence.disclosure_lock,
    // The port orders the household by resident id; Talus promises no order.
    household: residence.household.map(fromTalusPerson).sort((a, b) => a.residentId.localeCompare(b.residentId)),
  };
}

export function toTalusOpenItem(item: OpenItem): TalusOpenItem {
  return { item_id: item.itemId, description: item.description, amount_cents: item.amountRappen, due_date: toTalusDate(item.dueDate) };
}

export function fromTalusOpenItem(item: TalusOpenItem): OpenItem {
  return { itemId: item.item_id, description: item.description, amountRappen: item.amount_cents, dueDate: fromTalusDate(item.due_date) };
}

export function toTalusPlanAnswer(result: InstalmentPlanResult): TalusPlanAnswer {
  if (result.outcome === 'refused') return { status: 'REFUSED', refusal_reason: TALUS_REFUSAL_REASON[result.reason] };
  return {
    status: 'AGREED',
    plan_id: result.planId,
    total_cents: result.totalRappen,
    instalments: result.schedule.map((i) => ({ due_date: toTalusDate(i.dueDate), amount_cents: i.amountRappen })),
  };
}

export function fromTalusPlanAnswer(answer: TalusPlanAnswer): InstalmentPlanResult {
  if (answer.status === 'REFUSED') return { outcome: 'refused', reason: portValue(TALUS_REFUSAL_REASON, answer.refusal_reason) };
  return {
    outcome: 'agreed',
    planId: answer.plan_id,
    totalRappen: answer.total_cents,
    schedule: answer.instalments.map((i) => ({ dueDate: fromTalusDate(i.due_date), amountRappen: i.amount_cents })),
  };
}

export function toTalusDeliveryAnswer(result: StockDeliveryResult): TalusDeliveryAnswer {
  switch (result.outcome) {
    case 'dispatched':
      return { status: 'DISPATCHED', delivery_id: result.deliveryId, expected_delivery_date: toTalusDate(result.expectedOn) };
    case 'out-of-stock':
      return { status: 'OUT_OF_STOCK', available_quantity: result.available };
    case 'unknown-article':
      return { status: 'UNKNOWN_ARTICLE' };
  }
}

export function fromTalusDeliveryAnswer(answer: TalusDeliveryAnswer): StockDeliveryResult {
  switch (answer.status) {
    case 'DISPATCHED':
      return { outcome: 'dispatched', deliveryId: answer.delivery_id, expectedOn: fromTalusDate(answer.expected_delivery_date) };
    case 'OUT_OF_STOCK':
      return { outcome: 'out-of-stock', available: answer.available_quantity };
    case 'UNKNOWN_ARTICLE':
      return { outcome: 'unknown-article' };
  }
}
