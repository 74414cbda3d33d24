import type {
  FeeBooking,
  FeeBookingReceipt,
  Instalment,
  InstalmentPlanRequest,
  InstalmentPlanResult,
  IsoDate,
  OpenItem,
} from '../../../connectors/back-office/port.ts';
import { INSTALMENT_PLAN_MINIMUM_RAPPEN, SEEDED_OPEN_ITEMS } from '../seed.ts';
import { addMonths } from './iso-dates.ts';
import type { SimulatedRegister } from './residents.ts';
import type { WriteLog } from './write-log.ts';

/** The simulated finance module: fees, open items, and the instalment plans that settle them. */
export type SimulatedFinance = {
  bookFee(bfs: number, booking: FeeBooking): FeeBookingReceipt | 'resident-not-found';
  openItems(bfs: number, residentId: string): readonly OpenItem[] | 'resident-not-found';
  requestInstalmentPlan(bfs: number, request: InstalmentPlanRequest): InstalmentPlanResult;
};

export function createFinance(
  resident: SimulatedRegister['resident'],
  log: WriteLog,
  today: () => IsoDate,
): SimulatedFinance & { reset(): void } {
  let paidIntoPlans = new Set<string>();

  function itemsOf(residentId: string) {
    return (SEEDED_OPEN_ITEMS[residentId] ?? []).filter((item) => !paidIntoPlans.has(item.itemId));
  }

  return {
    bookFee(bfs, booking) {
      if (resident(bfs, booking.residentId) === undefined) return 'resident-not-found';
      return log.once('feeBookings', bfs, booking.reference, () => ({ bookingId: log.nextId('BU'), bookedOn: today() }));
    },

    openItems(bfs, residentId) {
      if (resident(bfs, residentId) === undefined) return 'resident-not-found';
      return itemsOf(residentId)
        .map(({ itemId, description, amountRappen, dueDate }) => ({ itemId, description, amountRappen, dueDate }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    },

    requestInstalmentPlan(bfs, request) {
      return log.once('instalmentPlans', bfs, request.reference, (): InstalmentPlanResult => {
        const open = resident(bfs, request.residentId) === undefined ? [] : itemsOf(request.residentId);
        const items = request.itemIds.map((id) => open.find((item) => item.itemId === id));
        if (items.length === 0 || items.some((item) => item === undefined)) return { outcome: 'refused', reason: 'item-not-open' };
        if (items.some((item) => item?.inDebtEnforcement)) return { outcome: 'refused', reason: 'in-debt-enforcement' };
        const totalRappen = items.reduce((sum, item) => sum + (item?.amountRappen ?? 0), 0);
        if (totalRappen < INSTALMENT_PLAN_MINIMUM_RAPPEN) return { outcome: 'refused', reason: 'below-minimum' };
        for (const id of request.itemIds) paidIntoPlans.add(id);
        return {
          outcome: 'agreed',
          planId: log.nextId('RP'),
          totalRappen,
          schedule: monthlySchedule(totalRappen, request.instalments, request.firstDueDate),
        };
      });
    },

    reset() {
      paidIntoPlans = new Set();
    },
  };
}

/** Equal monthly instalments in whole francs; the last carries the remainder. */
function monthlySchedule(total: number, instalments: number, firstDueDate: IsoDate): Instalment[] {
  const regular = Math.floor(total / instalments / 100) * 100;
  return Array.from({ length: instalments }, (_, index) => ({
    dueDate: addMonths(firstDueDate, index),
    amountRappen: index === instalments - 1 ? total - regular * (instalments - 1) : regular,
  }));
}
