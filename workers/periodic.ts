import type { Logger } from 'pino';

export interface PeriodicTask {
  /** Runs the task now, or joins the run in progress. */
  runOnce(): Promise<void>;
  stop(): void;
}

/** Runs `task` every `everyMs`, never twice at once; a failed run is logged and the next one tried. */
export function runPeriodically(name: string, everyMs: number, task: () => Promise<unknown>, logger: Logger): PeriodicTask {
  let running: Promise<void> | undefined;
  const runOnce = () => {
    running ??= task()
      .then(() => undefined, (error: unknown) => logger.warn({ task: name, error: error instanceof Error ? error.message : String(error) }, 'periodic task failed'))
      .finally(() => { running = undefined; });
    return running;
  };
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
