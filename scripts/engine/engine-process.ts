import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Jdk } from './find-jdk.ts';
import { engineUrls } from './paths.ts';
import type { EnginePaths } from './paths.ts';

export const DEFAULT_ENGINE_JAVA_OPTS = '-Xms256m -Xmx1g';
const READINESS_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const KILL_TIMEOUT_MS = 5_000;
const LOG_TAIL_LINES = 40;

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

export function parsePid(text: string): number | undefined {
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 1 ? pid : undefined;
}

export function readPidFile(pidFile: string): number | undefined {
  try {
    return parsePid(readFileSync(pidFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie: an exited child stays a zombie until its parent reaps it. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Whether any non-zombie process is left in the process group. */
export function isProcessGroupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // after "pid (comm) ": state, ppid, pgrp, ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state !== 'Z' && Number(pgrp) === pgid) return true;
  }
  return false;
}

/** Guards against a recycled pid; undefined where /proc is not available. */
export function isBrokerProcess(pid: number): boolean | undefined {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('StandaloneBroker') || cmdline.includes('bin/broker');
  } catch {
    return undefined;
  }
}

export function tailLines(text: string, count: number): string {
  const lines = text.replace(/\n+$/, '').split('\n');
  return lines.slice(-count).join('\n');
}

export function readLogTail(logFile: string, count = LOG_TAIL_LINES): string {
  try {
    return tailLines(readFileSync(logFile, 'utf8'), count);
  } catch {
    return `(no log at ${logFile})`;
  }
}

export function brokerEnvironment(
  env: NodeJS.ProcessEnv,
  options: { jdk: Jdk; paths: EnginePaths },
): NodeJS.ProcessEnv {
  // DATABASE_URL (the portal's PostgreSQL) is deliberately not used by the engine: Camunda 8.6 has
  // no relational secondary storage (that arrives with 8.9). The engine keeps its state in RocksDB
  // under ENGINE_DATA_DIR; the portal builds its read model from the exporter's records.
  const dataDir = env.ENGINE_DATA_DIR?.trim();
  return {
    ...env,
    JAVA_HOME: options.jdk.home,
    // ENGINE_JAVA_OPTS rather than JAVA_OPTS, so JVM options meant for other tools do not leak in.
    JAVA_OPTS: env.ENGINE_JAVA_OPTS?.trim() || DEFAULT_ENGINE_JAVA_OPTS,
    ENGINE_DATA_DIR: dataDir ? resolve(dataDir) : options.paths.dataDir,
    ENGINE_EXPORTER_JAR: options.paths.exporterJar,
    // Not --spring.config.additional-location: 8.6's StandaloneBroker.main drops its arguments
    // (it runs the Spring application with an empty argument list).
    SPRING_CONFIG_ADDITIONAL_LOCATION: `file:${options.paths.applicationYaml}`,
  };
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

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group; the broker runs as a group leader (spawned detached).
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

async function waitForExit(pid: number, timeoutMs: number, isAlive: (pid: number) => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(250);
  }
  return true;
}

/** SIGTERM to the process group, SIGKILL after timeoutMs; resolves once no member is left. */
export async function terminateProcessGroup(
  pid: number,
  options: { timeoutMs: number; log: (line: string) => void; isAlive?: (pid: number) => boolean },
): Promise<'terminated' | 'killed'> {
  const isAlive = options.isAlive ?? isProcessGroupAlive;
  signalGroup(pid, 'SIGTERM');
  if (await waitForExit(pid, options.timeoutMs, isAlive)) return 'terminated';
  options.log(`engine (pid ${pid}) did not exit within ${options.timeoutMs / 1000} s, sending SIGKILL`);
  signalGroup(pid, 'SIGKILL');
  if (!(await waitForExit(pid, KILL_TIMEOUT_MS, isAlive))) {
    throw new Error(`engine process ${pid} survived SIGKILL`);
  }
  return 'killed';
}

/** Starts bin/broker in the background with its output in the log file. */
async function spawnBroker(
  paths: EnginePaths,
  env: NodeJS.ProcessEnv,
): Promise<{ pid: number; hasExited: () => boolean }> {
  const logFd = openSync(paths.logFile, 'w');
  try {
    // Via sh so a lost executable bit on bin/broker does not matter; the script execs java, so
    // the pid stays the JVM's. detached: own process group and session, outlives this CLI.
    const child = spawn('/bin/sh', [paths.brokerScript], {
      cwd: paths.distDir,
      env,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const pid = await new Promise<number>((resolvePid, reject) => {
      child.once('spawn', () => resolvePid(child.pid as number));
      child.once('error', (error) => reject(new Error(`could not start ${paths.brokerScript}: ${error.message}`)));
    });
    child.unref();
    return { pid, hasExited: () => exited };
  } finally {
    closeSync(logFd);
  }
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
