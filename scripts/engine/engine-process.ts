import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { brokerEnvironment, spawnBroker } from './broker-launch.ts';
import type { Jdk } from './find-jdk.ts';
import { engineUrls } from './paths.ts';
import type { EnginePaths } from './paths.ts';
import { readLogTail, readPidFile } from './pid-and-log.ts';
import { isBrokerProcess, isProcessAlive } from './process-liveness.ts';
import { fetchEngineVersion, probeReadiness, waitForReadiness } from './readiness.ts';
import type { ReadinessProbe } from './readiness.ts';
import { terminateProcessGroup } from './terminate-process-group.ts';

const READINESS_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface EngineProcessDeps {
  paths: EnginePaths;
  version: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  findJdk: () => Jdk;
  /** Downloads the distribution and builds the exporter when needed. */
  fetchAll: () => Promise<void>;
  readinessTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export interface EnsureResult {
  /** False when an engine was already running; a test teardown should then leave it alone. */
  startedByUs: boolean;
  pid: number | undefined;
}

/**
 * Starts the engine unless one already answers readiness (or is starting from our pid file).
 * Resolves once the engine is ready; rejects with the log tail when it fails to get ready.
 */
export async function ensureEngineRunning(deps: EngineProcessDeps): Promise<EnsureResult> {
  const { paths, log } = deps;
  const urls = engineUrls(deps.env);
  const timeoutMs = deps.readinessTimeoutMs ?? READINESS_TIMEOUT_MS;

  const knownPid = readPidFile(paths.pidFile);
  const knownAlive = knownPid !== undefined && isProcessAlive(knownPid) && isBrokerProcess(knownPid) !== false;

  if ((await probeReadiness(urls.readiness)) === 'UP') {
    log(
      knownAlive
        ? `engine already running (pid ${knownPid}) and ready: reusing it`
        : `an engine (not started by this script) already answers ${urls.readiness}: reusing it`,
    );
    return { startedByUs: false, pid: knownAlive ? knownPid : undefined };
  }

  if (knownAlive) {
    log(`engine process ${knownPid} is still starting; waiting for readiness ...`);
    const outcome = await waitForReadiness({ url: urls.readiness, timeoutMs, isAlive: () => isProcessAlive(knownPid), log });
    if (outcome === 'ready') return { startedByUs: false, pid: knownPid };
    throw new Error(`engine process ${knownPid} did not become ready (${outcome}).\n${readLogTail(paths.logFile)}`);
  }
  if (knownPid !== undefined) rmSync(paths.pidFile, { force: true });

  await deps.fetchAll();
  const jdk = deps.findJdk();
  mkdirSync(paths.cacheDir, { recursive: true });
  const env = brokerEnvironment(deps.env, { jdk, paths });
  mkdirSync(env.ENGINE_DATA_DIR ?? paths.dataDir, { recursive: true });

  const broker = await spawnBroker(paths, env);
  const startedPid = broker.pid;
  writeFileSync(paths.pidFile, `${startedPid}\n`);
  log(`engine starting: Camunda ${deps.version}, JDK ${jdk.major}, pid ${startedPid}, log ${paths.logFile}`);

  const startedAt = Date.now();
  const outcome = await waitForReadiness({
    url: urls.readiness,
    timeoutMs,
    isAlive: () => !broker.hasExited() && isProcessAlive(startedPid),
    log,
  });
  if (outcome === 'ready') {
    log(`engine ready after ${Math.round((Date.now() - startedAt) / 1000)} s (REST ${urls.topology.replace('/topology', '')})`);
    return { startedByUs: true, pid: startedPid };
  }

  const tail = readLogTail(paths.logFile);
  if (outcome === 'timeout') await terminateProcessGroup(startedPid, { timeoutMs: STOP_TIMEOUT_MS, log });
  rmSync(paths.pidFile, { force: true });
  throw new Error(
    `${outcome === 'timeout' ? `engine not ready after ${timeoutMs / 1000} s (stopped it)` : 'engine exited during startup'}; ` +
      `last lines of ${paths.logFile}:\n${tail}`,
  );
}

export async function stopEngine(
  deps: Pick<EngineProcessDeps, 'paths' | 'env' | 'log' | 'stopTimeoutMs'>,
): Promise<'stopped' | 'not-running'> {
  const { paths, log } = deps;
  const pid = readPidFile(paths.pidFile);
  if (pid === undefined || !isProcessAlive(pid)) {
    rmSync(paths.pidFile, { force: true });
    const readiness = await probeReadiness(engineUrls(deps.env).readiness);
    log(
      readiness === 'unreachable'
        ? 'engine not running'
        : 'no engine started by this script (no pid file), but something answers on port 9600: left alone',
    );
    return 'not-running';
  }
  if (isBrokerProcess(pid) === false) {
    rmSync(paths.pidFile, { force: true });
    log(`pid ${pid} from ${paths.pidFile} is not an engine (pid reused?): removed the stale pid file`);
    return 'not-running';
  }
  log(`stopping engine (pid ${pid}) ...`);
  const how = await terminateProcessGroup(pid, { timeoutMs: deps.stopTimeoutMs ?? STOP_TIMEOUT_MS, log });
  rmSync(paths.pidFile, { force: true });
  log(how === 'terminated' ? 'engine stopped' : 'engine killed');
  return 'stopped';
}

export interface EngineStatus {
  pid: number | undefined;
  processAlive: boolean;
  readiness: ReadinessProbe;
  version: string | undefined;
}

export async function engineStatus(deps: Pick<EngineProcessDeps, 'paths' | 'env'>): Promise<EngineStatus> {
  const urls = engineUrls(deps.env);
  const pid = readPidFile(deps.paths.pidFile);
  const processAlive = pid !== undefined && isProcessAlive(pid);
  const readiness = await probeReadiness(urls.readiness);
  const version = readiness === 'unreachable' ? undefined : await fetchEngineVersion(urls.topology);
  return { pid, processAlive, readiness, version };
}

export function formatStatus(status: EngineStatus): string[] {
  const running = status.processAlive || status.readiness !== 'unreachable';
  let state: string;
  if (status.processAlive) state = `running (pid ${status.pid})`;
  else if (running) state = 'running (not started by this script: no live pid file)';
  else state = status.pid === undefined ? 'stopped' : `stopped (stale pid file for ${status.pid})`;
  return [
    `engine:    ${state}`,
    `readiness: ${status.readiness === 'UP' ? 'ready' : status.readiness === 'unreachable' ? 'not reachable' : `not ready (${status.readiness})`}`,
    `version:   ${status.version ?? 'unknown'}`,
  ];
}
