// What one benchmark run does; every figure can be changed through BENCH_* variables, within bounds,
// so a run stays bounded in count and time whatever is set.

export interface BenchOptions {
  /** (a) measured engine instances, their warm-up (at most; it ends once the JIT settled), and start requests in flight. */
  engineInstances: number;
  engineWarmup: number;
  engineConcurrency: number;
  /** (b) measured orders through the API, their warm-up, and POSTs in flight. */
  orders: number;
  orderWarmup: number;
  orderConcurrency: number;
  /** (b) citizens the orders are spread over (each gets orders/citizens cases). */
  citizens: number;
  /** (c) autocannon run per endpoint. */
  statusSeconds: number;
  statusConnections: number;
  /** Per phase: how long to wait for completions before giving up (the run then fails). */
  phaseTimeoutMs: number;
  /** The whole run; past it the process ends itself after cleaning up. */
  overallTimeoutMs: number;
}

interface Bound {
  env: string;
  fallback: number;
  min: number;
  max: number;
}

const BOUNDS: Record<keyof BenchOptions, Bound> = {
  engineInstances: { env: 'BENCH_ENGINE_INSTANCES', fallback: 500, min: 1, max: 5000 },
  // A freshly started engine's JVM is still compiling (JIT) for the first few hundred instances.
  engineWarmup: { env: 'BENCH_ENGINE_WARMUP', fallback: 1000, min: 0, max: 3000 },
  engineConcurrency: { env: 'BENCH_ENGINE_CONCURRENCY', fallback: 32, min: 1, max: 256 },
  orders: { env: 'BENCH_ORDERS', fallback: 300, min: 1, max: 3000 },
  orderWarmup: { env: 'BENCH_ORDER_WARMUP', fallback: 20, min: 0, max: 500 },
  orderConcurrency: { env: 'BENCH_ORDER_CONCURRENCY', fallback: 32, min: 1, max: 256 },
  citizens: { env: 'BENCH_CITIZENS', fallback: 30, min: 1, max: 1000 },
  statusSeconds: { env: 'BENCH_STATUS_SECONDS', fallback: 10, min: 1, max: 60 },
  statusConnections: { env: 'BENCH_STATUS_CONNECTIONS', fallback: 20, min: 1, max: 200 },
  phaseTimeoutMs: { env: 'BENCH_PHASE_TIMEOUT_MS', fallback: 180_000, min: 5_000, max: 900_000 },
  overallTimeoutMs: { env: 'BENCH_OVERALL_TIMEOUT_MS', fallback: 900_000, min: 30_000, max: 3_600_000 },
};

/** A whole number from the environment variable `name`, `fallback` where it is unset or empty; throws naming it when outside min..max. */
export function boundedWholeNumber(name: string, fallback: number, min: number, max: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env[name]?.trim();
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export function loadBenchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const options = {} as BenchOptions;
  for (const [key, bound] of Object.entries(BOUNDS) as [keyof BenchOptions, Bound][]) {
    options[key] = boundedWholeNumber(bound.env, bound.fallback, bound.min, bound.max, env);
  }
  return options;
}
