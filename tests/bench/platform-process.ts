// Starts platform-child.ts as a separate Node process and stops it again. Its log (pino, warn and
// above) goes to a file, which the report scans for warnings and errors.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import type { ChildMessage, PlatformReady } from './platform-child.ts';
import { countSdkLine, emptySdkLogCounts, type SdkLogCounts } from './sdk-log.ts';

const CHILD = new URL('./platform-child.ts', import.meta.url);
const STOP_TIMEOUT_MS = 30_000;

export interface PlatformProcess extends Omit<PlatformReady, 'type'> {
  pid: number;
  logFile: string;
  /** Share of the time the platform's event loop was busy since the previous call (0..1). */
  eventLoopUtilization(): Promise<number>;
  stop(): Promise<void>;
}

export async function startPlatformProcess(options: { logFile: string; startTimeoutMs: number }): Promise<PlatformProcess> {
  const logFd = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = fork(CHILD, [], { stdio: ['ignore', logFd, logFd, 'ipc'], execArgv: [] });
  } finally {
    closeSync(logFd);
  }
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  const ready = await new Promise<PlatformReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not up within ${options.startTimeoutMs / 1000} s (log: ${options.logFile})`)), options.startTimeoutMs);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'elu') return;
      clearTimeout(timer);
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`platform failed to start: ${message.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`platform process exited during start (${signal ?? code}); log: ${options.logFile}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const eventLoopUtilization = () => new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('the platform process did not report its event loop utilisation'));
    }, 5_000);
    function onMessage(message: ChildMessage) {
      if (message.type !== 'elu') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.utilization);
    }
    child.on('message', onMessage);
    child.send({ type: 'elu' });
  });

  return {
    apiUrl: ready.apiUrl,
    simulatorUrls: ready.simulatorUrls,
    databaseUrl: ready.databaseUrl,
    mailUrl: ready.mailUrl,
    pid: child.pid as number,
    logFile: options.logFile,
    eventLoopUtilization,
    stop,
  };
}

export interface LogDigest {
  warnings: number;
  errors: number;
  /** Distinct messages with their counts, most frequent first (at most ten). */
  messages: { level: string; msg: string; count: number }[];
  /** Backpressure and retries the platform's SDK client logged. */
  sdk: SdkLogCounts;
  /** Lines that are neither JSON nor known SDK lines, and the first few of them. */
  otherLines: number;
  otherSamples: string[];
}

/**
 * Counts warn (40) and error/fatal (50+) lines of the JSON log (pino's, and the SDK's own JSON
 * lines), after taking out the SDK's backpressure, retry and stream-cancel lines, which are
 * counted apart (sdk-log.ts).
 */
export function digestLog(logFile: string): LogDigest {
  const sdk = emptySdkLogCounts();
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return { warnings: 0, errors: 0, messages: [], sdk, otherLines: 0, otherSamples: [] };
  }
  const otherSamples: string[] = [];
  const counts = new Map<string, { level: string; msg: string; count: number }>();
  let warnings = 0;
  let errors = 0;
  let otherLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || countSdkLine(line, sdk)) continue;
    let entry: { level?: number; msg?: string; message?: string; jobType?: string; error?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      otherLines++;
      if (otherSamples.length < 5) otherSamples.push(line.slice(0, 200));
      continue;
    }
    const level = entry.level ?? 0;
    if (level < 40) continue;
    if (level >= 50) errors++;
    else warnings++;
    const name = level >= 50 ? 'error' : 'warn';
    const msg = [entry.msg ?? entry.message, entry.jobType, entry.error].filter(Boolean).join(' | ').slice(0, 200);
    const key = `${name}:${msg}`;
    const known = counts.get(key) ?? { level: name, msg, count: 0 };
    known.count++;
    counts.set(key, known);
  }
  const messages = [...counts.values()].sort((a, b) => b.count - a.count).slice(0, 10);
  return { warnings, errors, messages, sdk, otherLines, otherSamples };
}
