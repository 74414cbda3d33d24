import type { Instalment, InstalmentsRepository } from '../db/instalments-repository.ts';
import type { PublishInstalmentPaid } from './payment-messages.ts';

/**
 * An instalment of a plan is paid by a bank credit carrying its reference: it becomes paid once,
 * and the plan's process hears of it (again on a repeat, which the engine takes as one message).
 */
export function createInstalmentSettlement(deps: { instalments: InstalmentsRepository; publishInstalmentPaid: PublishInstalmentPaid }) {
  return async function settle(instalment: Instalment, at: Date): Promise<'settled' | 'already-settled'> {
    const paidNow = await deps.instalments.markPaid(instalment.id, at);
    await deps.publishInstalmentPaid(instalment.id);
    return paidNow ? 'settled' : 'already-settled';
  };
}

export type SettleInstalment = ReturnType<typeof createInstalmentSettlement>;
