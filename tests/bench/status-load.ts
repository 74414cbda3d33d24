// Phase (c): how fast citizens can read the state of their cases while many of them ask at once.
// autocannon with `connections` keep-alive connections for `seconds`, each request with the token
// of the case's citizen, rotating over all cases (GET /cases/{id}) or all citizens (GET /cases).
import autocannon from 'autocannon';
import type { StatusTarget } from './orders.ts';

export interface StatusLoadResult {
  endpoint: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

async function load(options: {
  apiUrl: string;
  endpoint: string;
  connections: number;
  seconds: number;
  next: () => { path: string; token: string };
}): Promise<StatusLoadResult> {
  const result = await autocannon({
    url: options.apiUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [{
      method: 'GET',
      setupRequest: (request) => {
        const { path, token } = options.next();
        return { ...request, path, headers: { ...request.headers, authorization: `Bearer ${token}` } };
      },
    }],
  });
  return {
    endpoint: options.endpoint,
    connections: options.connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: { mean: result.latency.mean, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}

export async function runStatusLoad(options: {
  apiUrl: string;
  targets: StatusTarget[];
  tokens: string[];
  connections: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<StatusLoadResult[]> {
  if (options.targets.length === 0 || options.tokens.length === 0) throw new Error('no completed cases to read');
  let caseTurn = 0;
  let citizenTurn = 0;
  options.log(`(c) GET /cases/{id}: ${options.connections} connections, ${options.seconds} s, over ${options.targets.length} cases`);
  const detail = await load({
    apiUrl: options.apiUrl,
    endpoint: 'GET /cases/{id}',
    connections: options.connections,
    seconds: options.seconds,
    next: () => {
      const target = options.targets[caseTurn++ % options.targets.length] as StatusTarget;
      return { path: `/cases/${target.caseId}`, token: target.token };
    },
  });
  options.log(`(c) GET /cases: ${options.connections} connections, ${options.seconds} s, over ${options.tokens.length} citizens`);
  const list = await load({
    apiUrl: options.apiUrl,
    endpoint: 'GET /cases',
    connections: options.connections,
    seconds: options.seconds,
    next: () => ({ path: '/cases', token: options.tokens[citizenTurn++ % options.tokens.length] as string }),
  });
  return [detail, list];
}
