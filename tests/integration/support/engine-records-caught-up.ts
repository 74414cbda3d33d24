import knex from 'knex';
import { createZeebeClient } from '../../../core/engine/engine-client.ts';

/**
 * Waits until the engine's exporter has delivered to the platform everything the engine wrote
 * before the tests start. An engine reused from earlier runs (a benchmark, another test run)
 * re-exports what it wrote since its last snapshot, tens of thousands of records after a
 * benchmark; the first tests would otherwise wait behind them for their own records. The exporter
 * delivers in log order, so once a probe instance started now is projected as completed, the
 * backlog is through. Answers how long that took.
 */
export async function engineRecordsCaughtUp(options: { grpcAddress: string; restAddress: string; databaseUrl: string; deadlineMs?: number }): Promise<number> {
  const began = Date.now();
  const zeebe = createZeebeClient({ grpcAddress: options.grpcAddress, restAddress: options.restAddress });
  const db = knex({ client: 'pg', connection: options.databaseUrl });
  try {
    await zeebe.deployResource({ processFilename: 'tests/integration/fixtures/exporter-probe.bpmn' });
    const { processInstanceKey } = await zeebe.createProcessInstance({ bpmnProcessId: 'test-exporter-probe', variables: {} });
    const until = began + (options.deadlineMs ?? 600_000);
    while (Date.now() < until) {
      const row = await db('process_instances').where({ process_instance_key: String(processInstanceKey) }).first('state');
      if (row?.state === 'COMPLETED') return Date.now() - began;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the engine's records did not reach the test platform within ${Math.round((until - began) / 1000)} s`);
  } finally {
    await db.destroy();
    await zeebe.close();
  }
}
