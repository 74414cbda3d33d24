import { readFileSync } from 'node:fs';

const LOG_TAIL_LINES = 40;

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
