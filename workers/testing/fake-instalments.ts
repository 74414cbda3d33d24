// Support for the workers' unit tests: the instalments of plans, kept in memory as the repository keeps them.
import { MARKED_FROM, type Instalment, type InstalmentsRepository } from '../../core/db/instalments-repository.ts';

/** Instalments in memory, with the given ones stored; `records` counts the calls that stored a plan. */
export function fakeInstalments(stored: Instalment[] = []) {
  const rows = stored.map((row) => ({ ...row }));
  let records = 0;
  const ofCase = async (caseId: string) => rows.filter((row) => row.caseId === caseId).sort((a, b) => a.number - b.number);
  const instalments: InstalmentsRepository = {
    async record(plan, added) {
      records += 1;
      for (const instalment of added) {
        if (rows.some((row) => row.caseId === plan.caseId && row.number === instalment.number)) continue;
        rows.push({ ...instalment, ...plan, id: `instalment-${rows.length + 1}`, state: 'open', paidAt: null });
      }
      return ofCase(plan.caseId);
    },
    ofCase,
    findByReference: async (reference) => rows.find((row) => row.reference === reference),
    async markPaid(instalmentId, at) {
      const row = rows.find((candidate) => candidate.id === instalmentId);
      if (!row || row.state === 'paid') return false;
      Object.assign(row, { state: 'paid', paidAt: at });
      return true;
    },
    async mark(caseId, state, number) {
      const changed = rows.filter((row) => row.caseId === caseId && (number === undefined || row.number === number) && MARKED_FROM[state].includes(row.state));
      for (const row of changed) row.state = state;
      return changed.length;
    },
  };
  return { instalments, rows, records: () => records };
}
