import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessGroupAlive } from './process-liveness.ts';

const KILL_TIMEOUT_MS = 5_000;

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
