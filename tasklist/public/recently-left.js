/**
 * Task keys that left a view moments ago. The engine's search data lags writes by a second or two,
 * so a completed or handed-over task would otherwise flash back into the list at the next poll.
 * @param {{ holdMs?: number, now?: () => number }} [options]
 */
export function createRecentlyLeft({ holdMs = 20_000, now = () => Date.now() } = {}) {
  /** @type {Map<string, { until: number, views: string[] | null }>} */
  const entries = new Map();

  /** @param {string} taskKey @param {string} view */
  function isHidden(taskKey, view) {
    const entry = entries.get(taskKey);
    if (!entry) return false;
    if (entry.until <= now()) {
      entries.delete(taskKey);
      return false;
    }
    return entry.views === null || entry.views.includes(view);
  }

  return {
    /**
     * Hides a task from the given views (all views when none are given) for a while.
     * @param {string} taskKey
     * @param {string[] | null} [views]
     */
    hide(taskKey, views = null) {
      entries.set(taskKey, { until: now() + holdMs, views });
    },
    /**
     * The tasks of a view without those that just left it.
     * @template {{ taskKey: string }} T
     * @param {T[]} tasks
     * @param {string} view
     */
    filter(tasks, view) {
      return tasks.filter((task) => !isHidden(task.taskKey, view));
    },
  };
}
