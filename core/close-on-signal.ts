import type { Logger } from 'pino';

/** Runs `close` once on SIGINT or SIGTERM, so jobs in flight finish before the process exits. */
export function closeOnSignal(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'stopping: waiting for work in flight');
    close().then(
      () => logger.info('stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
