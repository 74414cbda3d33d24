import type {
  BirthRegisterExtractOrder,
  BirthRegisterExtractReceipt,
  DebtRegisterExtract,
  DebtRegisterExtractRequest,
  IsoDate,
} from '../../../connectors/back-office/port.ts';
import { SEEDED_DEBT_PROCEEDINGS, type SeededResident } from '../seed.ts';
import { addDays } from './iso-dates.ts';
import { sameName } from './residents.ts';
import type { WriteLog } from './write-log.ts';

/** The simulated debt-enforcement and civil registry offices. */
export type SimulatedInstitutions = {
  requestDebtRegisterExtract(bfs: number, request: DebtRegisterExtractRequest): DebtRegisterExtract | null;
  orderBirthRegisterExtract(bfs: number, order: BirthRegisterExtractOrder): BirthRegisterExtractReceipt;
};

export function createInstitutions(
  residents: readonly SeededResident[],
  log: WriteLog,
  today: () => IsoDate,
): SimulatedInstitutions {
  return {
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
      return log.once('debtRegisterExtracts', bfs, request.reference, () => ({
        extractId: log.nextId('BA'),
        issuedOn: today(),
        proceedings: SEEDED_DEBT_PROCEEDINGS[match.id] ?? 0,
      }));
    },

    orderBirthRegisterExtract(bfs, order) {
      return log.once('birthRegisterExtractOrders', bfs, order.reference, () => ({
        orderId: log.nextId('ZS'),
        expectedOn: addDays(today(), 7),
      }));
    },
  };
}
