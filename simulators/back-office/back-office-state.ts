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
import type { IsoDate } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS, SIMULATED_MUNICIPALITIES, type SeededResident } from './seed.ts';
import { createStock, type SimulatedStock } from './state/article-stock.ts';
import { createFinance, type SimulatedFinance } from './state/finance.ts';
import { createInstitutions, type SimulatedInstitutions } from './state/institutions.ts';
import { localToday } from './state/iso-dates.ts';
import { createRegister, type SimulatedRegister } from './state/residents.ts';
import { createWorksDepartment, type SimulatedWorksDepartment } from './state/works-department.ts';
import { createWriteLog, type WrittenRecords } from './state/write-log.ts';

export type { ResidentSearch } from './state/residents.ts';
export type { WrittenRecords } from './state/write-log.ts';

export type BackOfficeState = SimulatedRegister &
  SimulatedFinance &
  SimulatedWorksDepartment &
  SimulatedStock &
  SimulatedInstitutions & {
    /** The municipality's official name, or undefined when this back office does not serve it. */
    municipalityName(bfs: number): string | undefined;
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
  const log = createWriteLog(options.idPrefix ?? 'SIM');
  const register = createRegister(residents, log, today);
  const finance = createFinance(register.resident, log, today);
  const stock = createStock(log, today);

  return {
    municipalityName: (bfs) =>
      Object.hasOwn(SIMULATED_MUNICIPALITIES, bfs)
        ? SIMULATED_MUNICIPALITIES[bfs as keyof typeof SIMULATED_MUNICIPALITIES]
        : undefined,
    ...register,
    ...finance,
    ...createWorksDepartment(log),
    ...stock,
    ...createInstitutions(residents, log, today),
    written: log.written,
    reset() {
      for (const part of [log, register, finance, stock]) part.reset();
    },
  };
}
