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

/** The writes a simulated back office holds for idempotency, and the ids it hands out. */
export type WriteLog = {
  /** Runs `write` once per (kind, municipality, reference) and replays its answer afterwards. */
  once<T>(kind: keyof WrittenRecords, bfs: number, reference: string, write: () => T): T;
  /** A new id, e.g. 'SIM-BU-000001': one sequence for every kind. */
  nextId(kind: string): string;
  written(): WrittenRecords;
  /** Forgets every write and starts the ids again. */
  reset(): void;
};

export function createWriteLog(prefix: string): WriteLog {
  let sequence = 0;
  let written = new Map<string, unknown>();
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

  function once<T>(kind: keyof WrittenRecords, bfs: number, reference: string, write: () => T): T {
    const key = `${kind} ${bfs} ${reference}`;
    if (written.has(key)) return written.get(key) as T;
    const answer = write();
    written.set(key, answer);
    tally = { ...tally, [kind]: tally[kind] + 1 };
    return answer;
  }

  return {
    once,
    nextId: (kind) => `${prefix}-${kind}-${String(++sequence).padStart(6, '0')}`,
    written: () => tally,
    reset() {
      sequence = 0;
      written = new Map();
      tally = counts();
    },
  };
}
