import type { IsoDate, StockDeliveryOrder, StockDeliveryResult } from '../../../connectors/back-office/port.ts';
import { SEEDED_STOCK } from '../seed.ts';
import { addDays } from './iso-dates.ts';
import type { WriteLog } from './write-log.ts';

/** The simulated article stock, per municipality, that deliveries draw down. */
export type SimulatedStock = {
  deliverStock(bfs: number, order: StockDeliveryOrder): StockDeliveryResult;
};

export function createStock(log: WriteLog, today: () => IsoDate): SimulatedStock & { reset(): void } {
  let stock = new Map<string, number>();

  return {
    deliverStock(bfs, order) {
      return log.once('stockDeliveries', bfs, order.reference, (): StockDeliveryResult => {
        const key = `${bfs} ${order.articleCode}`;
        if (!Object.hasOwn(SEEDED_STOCK, order.articleCode)) return { outcome: 'unknown-article' };
        const available = stock.get(key) ?? SEEDED_STOCK[order.articleCode] ?? 0;
        if (available < order.quantity) return { outcome: 'out-of-stock', available };
        stock.set(key, available - order.quantity);
        return { outcome: 'dispatched', deliveryId: log.nextId('LS'), expectedOn: addDays(today(), 3) };
      });
    },

    reset() {
      stock = new Map();
    },
  };
}
