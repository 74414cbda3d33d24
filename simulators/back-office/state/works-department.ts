import type { DamageReport, DamageReportReceipt } from '../../../connectors/back-office/port.ts';
import type { WriteLog } from './write-log.ts';

/** The simulated works department's ticket queue. */
export type SimulatedWorksDepartment = {
  forwardDamageReport(bfs: number, report: DamageReport): DamageReportReceipt;
};

export function createWorksDepartment(log: WriteLog): SimulatedWorksDepartment {
  return {
    forwardDamageReport(bfs, report) {
      return log.once('damageReports', bfs, report.reference, () => ({ ticketId: log.nextId('WH') }));
    },
  };
}
