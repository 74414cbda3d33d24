import { setTimeout as sleep } from 'node:timers/promises';

export type ReadinessProbe = 'UP' | 'unreachable' | `HTTP ${number}`;

export async function probeReadiness(url: string, timeoutMs = 1_000): Promise<ReadinessProbe> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return response.ok && /"status"\s*:\s*"UP"/.test(body) ? 'UP' : `HTTP ${response.status}`;
  } catch {
    return 'unreachable';
  }
}

export async function waitForReadiness(options: {
  url: string;
  timeoutMs: number;
  isAlive: () => boolean;
  log: (line: string) => void;
  pollMs?: number;
  progressEveryMs?: number;
}): Promise<'ready' | 'exited' | 'timeout'> {
  const pollMs = options.pollMs ?? 1_000;
  const progressEveryMs = options.progressEveryMs ?? 10_000;
  const startedAt = Date.now();
  let nextProgress = startedAt + progressEveryMs;
  for (;;) {
    if ((await probeReadiness(options.url)) === 'UP') return 'ready';
    if (!options.isAlive()) return 'exited';
    const now = Date.now();
    if (now - startedAt >= options.timeoutMs) return 'timeout';
    if (now >= nextProgress) {
      options.log(`  still waiting for readiness (${Math.round((now - startedAt) / 1000)} s) ...`);
      nextProgress += progressEveryMs;
    }
    await sleep(pollMs);
  }
}

export function parseTopologyVersion(topologyJson: string): string | undefined {
  try {
    const topology = JSON.parse(topologyJson) as {
      gatewayVersion?: unknown;
      brokers?: Array<{ version?: unknown }>;
    };
    const version = topology.gatewayVersion ?? topology.brokers?.[0]?.version;
    return typeof version === 'string' && version !== '' ? version : undefined;
  } catch {
    return undefined;
  }
}

export async function fetchEngineVersion(topologyUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(topologyUrl, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? parseTopologyVersion(await response.text()) : undefined;
  } catch {
    return undefined;
  }
}
