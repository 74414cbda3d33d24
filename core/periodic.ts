import type { Logger } from 'pino';

export interface PeriodicTask<T> {
  /** Runs the task now, or joins the run in progress; undefined when the run failed (it is logged). */
  runOnce(): Promise<T | undefined>;
  stop(): void;
}

/** Runs `task` every `everyMs`, never twice at once; a failed run is logged and the next one tried. */
export function runPeriodically<T>(name: string, everyMs: number, task: () => Promise<T>, logger: Logger): PeriodicTask<T> {
  let running: Promise<T | undefined> | undefined;
  const runOnce = () => {
    running ??= task()
      .catch((error: unknown) => {
        logger.warn({ task: name, error: error instanceof Error ? error.message : String(error) }, 'periodic task failed');
        return undefined;
      })
      .finally(() => { running = undefined; });
    return running;
  };
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
