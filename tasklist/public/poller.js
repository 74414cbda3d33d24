/* global document, setTimeout, clearTimeout */

/**
 * Runs `load` now and then every `intervalMs` after the previous run finished, so runs never
 * overlap. A hidden tab does not poll; it catches up when shown again.
 * @param {{ intervalMs: number, load: () => Promise<void> }} options
 */
export function startPolling({ intervalMs, load }) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;
  /** @type {Promise<void> | null} */
  let running = null;

  async function run() {
    clearTimeout(timer);
    if (stopped) return;
    if (document.hidden) return;
    running ??= load().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(run, intervalMs);
    });
    await running;
  }

  const onVisibility = () => {
    if (!document.hidden) run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  run();

  return {
    /** Loads at once, e.g. after a filter changed; waits for a run in flight first. */
    async refresh() {
      if (running) await running;
      await run();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
