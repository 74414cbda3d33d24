// The platform for phase (b) and (c), in a process of its own so that the load generator
// (fetch, autocannon) does not share its event loop. Brought up like the integration tests'
// global setup: fresh PostgreSQL database, back-office simulator on a free port, API on the
// exporter's sink address, workers — but with the production retry and timeout settings.
// Started by platform-process.ts over IPC; stops (and exits) on 'stop', SIGTERM, or when the parent
// goes away.
import { startTestPlatform } from '../support/test-platform.ts';

export interface PlatformReady {
  type: 'ready';
  apiUrl: string;
  /** Per vendor, its back-office simulator. */
  simulatorUrls: Record<string, string>;
  databaseUrl: string;
  mailUrl: string;
}

export type ChildMessage = PlatformReady | { type: 'failed'; message: string } | { type: 'elu'; utilization: number };

const send = (message: ChildMessage) => process.send?.(message);

async function main(): Promise<void> {
  const platform = await startTestPlatform({
    database: process.env.BENCH_DATABASE ?? 'portal_bench',
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
    // The benchmark opens its citizens' accounts from one address in a burst.
    env: { RATE_LIMIT_PER_IP: '100000' },
  });
  const { databaseUrl } = platform;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      let code = 0;
      try {
        await platform.stop();
      } catch (error) {
        console.error('stopping the platform failed:', error);
        code = 1;
      }
      process.exit(code);
    })();
    return stopping;
  };
  let mark = performance.eventLoopUtilization();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'elu') {
      const now = performance.eventLoopUtilization();
      send({ type: 'elu', utilization: performance.eventLoopUtilization(now, mark).utilization });
      mark = now;
    }
  });
  process.once('disconnect', () => void stop());
  process.once('SIGTERM', () => void stop());
  send({ type: 'ready', apiUrl: platform.apiUrl, simulatorUrls: platform.simulatorUrls, databaseUrl, mailUrl: platform.mailUrl });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100);
});
