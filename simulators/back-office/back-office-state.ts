/**
 * What a simulated back office knows and remembers, independent of any vendor protocol: the
 * seeded register, finance, stock and institutions, plus everything written to it. Each vendor
 * simulator is a protocol façade over one of these; answers are domain values that the façade
 * renders in its vendor's format.
 *
 * Writing operations are idempotent on the platform's reference, per municipality: a repeated
 * reference returns the first answer and changes nothing, as the real systems are assumed to do
 * (see connectors/README.md).
 */
import { parseAhvNumber } from '../../connectors/back-office/ahv-number.ts';
import { applyContactDataChange, NO_CONTACT_DATA } from '../../connectors/back-office/contact-data.ts';
import type {
  BirthRegisterExtractOrder,
  BirthRegisterExtractReceipt,
  ContactData,
  ContactDataChange,
  ContactDataChangeReceipt,
  DamageReport,
  DamageReportReceipt,
  DebtRegisterExtract,
  DebtRegisterExtractRequest,
  FeeBooking,
  FeeBookingReceipt,
  Instalment,
  InstalmentPlanRequest,
  InstalmentPlanResult,
  IsoDate,
  OpenItem,
  Residence,
  ResidentMatch,
  StockDeliveryOrder,
  StockDeliveryResult,
} from '../../connectors/back-office/port.ts';
import {
  INSTALMENT_PLAN_MINIMUM_RAPPEN,
  SEEDED_DEBT_PROCEEDINGS,
  SEEDED_OPEN_ITEMS,
  SEEDED_RESIDENTS,
  SEEDED_STOCK,
  SIMULATED_MUNICIPALITIES,
  type SeededResident,
} from './seed.ts';

export type ResidentSearch =
  | { readonly kind: 'name'; readonly firstName: string; readonly lastName: string; readonly dateOfBirth: IsoDate }
  /** The 13 digits of an AHV number, without dots. */
  | { readonly kind: 'vn'; readonly digits: string };

/** How many writes the simulator holds, by kind: tests prove that retries wrote once. */
export type WrittenRecords = {
  readonly contactDataChanges: number;
  readonly feeBookings: number;
  readonly instalmentPlans: number;
  readonly damageReports: number;
  readonly stockDeliveries: number;
  readonly debtRegisterExtracts: number;
  readonly birthRegisterExtractOrders: number;
};

export type BackOfficeState = {
  /** The municipality's official name, or undefined when this back office does not serve it. */
  municipalityName(bfs: number): string | undefined;
  /** All persons of the municipality's register the search matches, current and former. */
  searchResidents(bfs: number, search: ResidentSearch): readonly SeededResident[];
  resident(bfs: number, residentId: string): SeededResident | undefined;
  /** The residence with its household, as the port returns it. */
  residence(bfs: number, residentId: string): Residence | undefined;
  /** The contact data the register holds now: the seed's, after every change. */
  contactData(bfs: number, residentId: string): ContactData | undefined;
  changeContactData(bfs: number, change: ContactDataChange): ContactDataChangeReceipt | 'resident-not-found';
  bookFee(bfs: number, booking: FeeBooking): FeeBookingReceipt | 'resident-not-found';
  openItems(bfs: number, residentId: string): readonly OpenItem[] | 'resident-not-found';
  requestInstalmentPlan(bfs: number, request: InstalmentPlanRequest): InstalmentPlanResult;
  forwardDamageReport(bfs: number, report: DamageReport): DamageReportReceipt;
  deliverStock(bfs: number, order: StockDeliveryOrder): StockDeliveryResult;
  requestDebtRegisterExtract(bfs: number, request: DebtRegisterExtractRequest): DebtRegisterExtract | null;
  orderBirthRegisterExtract(bfs: number, order: BirthRegisterExtractOrder): BirthRegisterExtractReceipt;
  written(): WrittenRecords;
  /** Forgets every write; the seed stays. */
  reset(): void;
};

export type BackOfficeStateOptions = {
  readonly residents?: readonly SeededResident[];
  /** Today's date in the vendor's time zone; default: the machine's local date. */
  readonly today?: () => IsoDate;
  /** Prefix of generated ids, so that ids of different vendors look different. */
  readonly idPrefix?: string;
};

export function createBackOfficeState(options: BackOfficeStateOptions = {}): BackOfficeState {
  const residents: readonly SeededResident[] = options.residents ?? Object.values(SEEDED_RESIDENTS);
  const today = options.today ?? localToday;
  const prefix = options.idPrefix ?? 'SIM';
  let sequence = 0;
  let stock = new Map<string, number>();
  let paidIntoPlans = new Set<string>();
  let written = new Map<string, unknown>();
  /** Contact data changed since the seed, by `${bfs} ${residentId}`. */
  let contacts = new Map<string, ContactData>();
  const counts = (): Record<keyof WrittenRecords, number> => ({
    contactDataChanges: 0,
    feeBookings: 0,
    instalmentPlans: 0,
    damageReports: 0,
    stockDeliveries: 0,
    debtRegisterExtracts: 0,
    birthRegisterExtractOrders: 0,
  });
  let tally = counts();

  const nextId = (kind: string) => `${prefix}-${kind}-${String(++sequence).padStart(6, '0')}`;

  /** Runs `write` once per (kind, municipality, reference) and replays its answer afterwards. */
  function once<T>(kind: keyof WrittenRecords, bfs: number, reference: string, write: () => T): T {
    const key = `${kind} ${bfs} ${reference}`;
    if (written.has(key)) return written.get(key) as T;
    const answer = write();
    written.set(key, answer);
    tally = { ...tally, [kind]: tally[kind] + 1 };
    return answer;
  }

  function resident(bfs: number, residentId: string): SeededResident | undefined {
    return residents.find((r) => r.residence.municipality.bfsNumber === bfs && r.id === residentId);
  }

  function contactOf(bfs: number, person: SeededResident): ContactData {
    return contacts.get(`${bfs} ${person.id}`) ?? person.contact ?? NO_CONTACT_DATA;
  }

  function itemsOf(residentId: string) {
    return (SEEDED_OPEN_ITEMS[residentId] ?? []).filter((item) => !paidIntoPlans.has(item.itemId));
  }

  return {
    municipalityName: (bfs) =>
      Object.hasOwn(SIMULATED_MUNICIPALITIES, bfs)
        ? SIMULATED_MUNICIPALITIES[bfs as keyof typeof SIMULATED_MUNICIPALITIES]
        : undefined,

    searchResidents(bfs, search) {
      const inMunicipality = residents.filter((r) => r.residence.municipality.bfsNumber === bfs);
      if (search.kind === 'vn') {
        return inMunicipality.filter((r) => parseAhvNumber(r.ahvNumber)?.digits === search.digits);
      }
      return inMunicipality.filter(
        (r) =>
          sameName(r.lastName, search.lastName) &&
          sameName(r.firstName, search.firstName) &&
          r.dateOfBirth === search.dateOfBirth,
      );
    },

    resident,

    residence(bfs, residentId) {
      const person = resident(bfs, residentId);
      if (person === undefined) return undefined;
      const household =
        person.householdId === undefined || person.residence.movedOutOn !== null
          ? []
          : residents
              .filter((r) => r.householdId === person.householdId && r.id !== person.id)
              .sort((a, b) => a.id.localeCompare(b.id))
              .map(toMatch);
      return { ...person.residence, household };
    },

    contactData(bfs, residentId) {
      const person = resident(bfs, residentId);
      return person === undefined ? undefined : { ...contactOf(bfs, person) };
    },

    changeContactData(bfs, change) {
      const person = resident(bfs, change.residentId);
      if (person === undefined) return 'resident-not-found';
      return once('contactDataChanges', bfs, change.reference, () => {
        const contact = applyContactDataChange(contactOf(bfs, person), change);
        contacts.set(`${bfs} ${person.id}`, contact);
        return { contact, changedOn: today() };
      });
    },

    bookFee(bfs, booking) {
      if (resident(bfs, booking.residentId) === undefined) return 'resident-not-found';
      return once('feeBookings', bfs, booking.reference, () => ({ bookingId: nextId('BU'), bookedOn: today() }));
    },

    openItems(bfs, residentId) {
      if (resident(bfs, residentId) === undefined) return 'resident-not-found';
      return itemsOf(residentId)
        .map(({ itemId, description, amountRappen, dueDate }) => ({ itemId, description, amountRappen, dueDate }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    },

    requestInstalmentPlan(bfs, request) {
      return once('instalmentPlans', bfs, request.reference, (): InstalmentPlanResult => {
        const open = resident(bfs, request.residentId) === undefined ? [] : itemsOf(request.residentId);
        const items = request.itemIds.map((id) => open.find((item) => item.itemId === id));
        if (items.length === 0 || items.some((item) => item === undefined)) return { outcome: 'refused', reason: 'item-not-open' };
        if (items.some((item) => item?.inDebtEnforcement)) return { outcome: 'refused', reason: 'in-debt-enforcement' };
        const totalRappen = items.reduce((sum, item) => sum + (item?.amountRappen ?? 0), 0);
        if (totalRappen < INSTALMENT_PLAN_MINIMUM_RAPPEN) return { outcome: 'refused', reason: 'below-minimum' };
        for (const id of request.itemIds) paidIntoPlans.add(id);
        return {
          outcome: 'agreed',
          planId: nextId('RP'),
          totalRappen,
          schedule: monthlySchedule(totalRappen, request.instalments, request.firstDueDate),
        };
      });
    },

    forwardDamageReport(bfs, report) {
      return once('damageReports', bfs, report.reference, () => ({ ticketId: nextId('WH') }));
    },

    deliverStock(bfs, order) {
      return once('stockDeliveries', bfs, order.reference, (): StockDeliveryResult => {
        const key = `${bfs} ${order.articleCode}`;
        if (!Object.hasOwn(SEEDED_STOCK, order.articleCode)) return { outcome: 'unknown-article' };
        const available = stock.get(key) ?? SEEDED_STOCK[order.articleCode] ?? 0;
        if (available < order.quantity) return { outcome: 'out-of-stock', available };
        stock.set(key, available - order.quantity);
        return { outcome: 'dispatched', deliveryId: nextId('LS'), expectedOn: addDays(today(), 3) };
      });
    },

    requestDebtRegisterExtract(bfs, request) {
      const { person } = request;
      const found = residents.filter(
        (r) =>
          sameName(r.lastName, person.lastName) &&
          sameName(r.firstName, person.firstName) &&
          r.dateOfBirth === person.dateOfBirth &&
          r.residence.address.postalCode === person.address.postalCode,
      );
      // An office that cannot identify the person unambiguously issues nothing.
      const [match] = found;
      if (match === undefined || found.length > 1) return null;
      return once('debtRegisterExtracts', bfs, request.reference, () => ({
        extractId: nextId('BA'),
        issuedOn: today(),
        proceedings: SEEDED_DEBT_PROCEEDINGS[match.id] ?? 0,
      }));
    },

    orderBirthRegisterExtract(bfs, order) {
      return once('birthRegisterExtractOrders', bfs, order.reference, () => ({
        orderId: nextId('ZS'),
        expectedOn: addDays(today(), 7),
      }));
    },

    written: () => tally,

    reset() {
      sequence = 0;
      stock = new Map();
      paidIntoPlans = new Set();
      written = new Map();
      contacts = new Map();
      tally = counts();
    },
  };
}

function toMatch(r: SeededResident): ResidentMatch {
  return { residentId: r.id, firstName: r.firstName, lastName: r.lastName, dateOfBirth: r.dateOfBirth };
}

function sameName(a: string, b: string): boolean {
  const normal = (value: string) => value.normalize('NFC').trim().toLocaleLowerCase('de-CH');
  return normal(a) === normal(b);
}

/** Equal monthly instalments in whole francs; the last carries the remainder. */
function monthlySchedule(total: number, instalments: number, firstDueDate: IsoDate): Instalment[] {
  const regular = Math.floor(total / instalments / 100) * 100;
  return Array.from({ length: instalments }, (_, index) => ({
    dueDate: addMonths(firstDueDate, index),
    amountRappen: index === instalments - 1 ? total - regular * (instalments - 1) : regular,
  }));
}

function localToday(): IsoDate {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth(), now.getDate());
}

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate());
}

/** Same day of a later month, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
  return isoDate(target.getUTCFullYear(), target.getUTCMonth(), target.getUTCDate());
}

function isoDate(year: number, monthIndex: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
