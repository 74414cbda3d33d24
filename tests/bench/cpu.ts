// CPU time per party (engine JVM, platform process, PostgreSQL, this process) between two moments,
// read from /proc: shows where the time of a phase went. Linux only; elsewhere the figures are empty.
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ; 100 on every mainstream Linux build (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

export interface CpuParties {
  engine?: number | undefined;
  platform?: number | undefined;
}

export interface CpuSnapshot {
  at: number;
  /** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
  machineBusy: number | undefined;
  /** CPU seconds (user + system) per party. */
  byParty: Record<string, number | undefined>;
  /** CPU seconds of the engine's JVM by thread group (name without its number). */
  engineThreads: Record<string, number>;
}

export interface CpuUse {
  wallSeconds: number;
  /** CPU seconds per party, and the share of one core (1.0 = one core busy all the time). */
  byParty: Record<string, { seconds: number; cores: number } | null>;
  machine: { seconds: number; cores: number } | null;
  /** The engine's busiest thread groups (actor threads, I/O threads, JIT, GC, gRPC ...). */
  engineThreads: { threads: string; seconds: number; cores: number }[];
}

function processSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // after "pid (comm) ": state is field 3; utime and stime are fields 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Sum over every process named postgres (server and backends; backends that exit take their time along). */
function postgresSeconds(): number | undefined {
  let total: number | undefined;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const seconds = processSeconds(Number(entry));
    if (seconds !== undefined) total = (total ?? 0) + seconds;
  }
  return total;
}

/** Thread names are cut to 15 characters by the kernel; numbers are dropped to group them. */
function threadGroupSeconds(pid: number | undefined): Record<string, number> {
  const groups: Record<string, number> = {};
  if (pid === undefined) return groups;
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return groups;
  }
  for (const task of tasks) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim().replace(/[-#\s]*\d+$/, '');
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      groups[name] = (groups[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // thread ended meanwhile
    }
  }
  return groups;
}

function machineBusySeconds(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...ticks] = line.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return (total - idle) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Finds the broker's JVM when the engine was started elsewhere (no pid from ensureEngineRunning). */
export function findEnginePid(): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (cmdline.includes('StandaloneBroker')) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return undefined;
}

export function cpuSnapshot(parties: CpuParties): CpuSnapshot {
  return {
    at: performance.now(),
    machineBusy: machineBusySeconds(),
    byParty: {
      engine: parties.engine === undefined ? undefined : processSeconds(parties.engine),
      platform: parties.platform === undefined ? undefined : processSeconds(parties.platform),
      postgres: postgresSeconds(),
      bench: processSeconds(process.pid),
    },
    engineThreads: threadGroupSeconds(parties.engine),
  };
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const wallSeconds = (after.at - before.at) / 1000;
  const use = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || wallSeconds <= 0
      ? null
      : { seconds: Math.round((b - a) * 100) / 100, cores: Math.round(((b - a) / wallSeconds) * 100) / 100 };
  const byParty: CpuUse['byParty'] = {};
  for (const party of Object.keys(after.byParty)) byParty[party] = use(before.byParty[party], after.byParty[party]);
  const engineThreads = Object.entries(after.engineThreads)
    .map(([threads, seconds]) => ({ threads, seconds: seconds - (before.engineThreads[threads] ?? 0) }))
    .filter((group) => group.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 8)
    .map((group) => ({ ...group, cores: wallSeconds > 0 ? group.seconds / wallSeconds : 0 }));
  return { wallSeconds, byParty, machine: use(before.machineBusy, after.machineBusy), engineThreads };
}
