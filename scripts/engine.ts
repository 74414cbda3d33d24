// Local Camunda 8 engine (Zeebe broker with embedded gateway) for development and tests.
//   node scripts/engine.ts fetch | start | stop | status      (npm run engine:<cmd>)
// The version comes from package.json "config.camundaVersion". Everything generated lives in
// .cache/engine (distribution, data, engine.log, engine.pid).
import { fetchAll } from './engine/fetch-distribution.ts';
import type { MavenDeps } from './engine/fetch-distribution.ts';
import { findJdk, findMaven } from './engine/find-jdk.ts';
import {
  engineStatus as readEngineStatus,
  ensureEngineRunning as ensureRunning,
  formatStatus,
  stopEngine as stop,
} from './engine/engine-process.ts';
import type { EngineProcessDeps, EngineStatus, EnsureResult } from './engine/engine-process.ts';
import { enginePaths, readCamundaVersion, REPO_ROOT } from './engine/paths.ts';
import { runCommand } from './engine/run-command.ts';

export type { EngineStatus, EnsureResult };

export interface EngineOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  repoRoot?: string;
  /** Default 180 s. */
  readinessTimeoutMs?: number;
}

function createDeps(options: EngineOptions = {}): EngineProcessDeps & { maven: MavenDeps } {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(`[engine] ${line}`));
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  const version = readCamundaVersion(repoRoot);
  const paths = enginePaths(repoRoot, version);
  const maven: MavenDeps = {
    paths,
    version,
    env,
    log,
    tools: () => ({ jdk: findJdk(env), mvn: findMaven(env) }),
    run: runCommand,
  };
  return {
    paths,
    version,
    env,
    log,
    findJdk: () => findJdk(env),
    fetchAll: () => fetchAll(maven),
    readinessTimeoutMs: options.readinessTimeoutMs,
    maven,
  };
}

/** Downloads the distribution and builds the exporter where needed. */
export async function fetchEngine(options: EngineOptions = {}): Promise<void> {
  await fetchAll(createDeps(options).maven);
}

/**
 * For test global setup: starts the engine unless one is already ready. Stop it in the teardown
 * only when `startedByUs` is true.
 */
export async function ensureEngineRunning(options: EngineOptions = {}): Promise<EnsureResult> {
  return ensureRunning(createDeps(options));
}

export async function stopEngine(options: EngineOptions = {}): Promise<'stopped' | 'not-running'> {
  return stop(createDeps(options));
}

export async function engineStatus(options: EngineOptions = {}): Promise<EngineStatus> {
  return readEngineStatus(createDeps(options));
}

const USAGE = 'usage: node scripts/engine.ts fetch|start|stop|status';

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'fetch':
      await fetchEngine();
      return 0;
    case 'start':
      await ensureEngineRunning();
      return 0;
    case 'stop':
      await stopEngine();
      return 0;
    case 'status': {
      const status = await engineStatus();
      for (const line of formatStatus(status)) console.log(line);
      // LSB convention: 3 = not running (or not ready yet)
      return status.readiness === 'UP' ? 0 : 3;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main(process.argv[2]);
  } catch (error) {
    console.error(`[engine] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
