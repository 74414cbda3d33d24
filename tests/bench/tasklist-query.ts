// `npm run bench:tasklist`: how fast the clerks' task list answers at a realistic size — 10,000
// open tasks (and a few thousand completed ones) in 50 municipalities, on PostgreSQL.
//   - a fresh database portal_bench_tasklist (TEST_DATABASE_ADMIN_URL picks the server), migrated
//     and seeded (tasklist-seed.ts), dropped again at the end
//   - the real API in this process on a free port, with a staff session cookie signed with the
//     API's session secret, so every request goes through the normal authorisation
//   - per query: tasks.list() alone (sequential calls), EXPLAIN ANALYZE of its SQL, and autocannon
//     over HTTP (in a worker thread, so the load generator does not share the API's event loop)
// Writes .cache/bench/tasklist.json. Sizes: BENCH_TASKLIST_SECONDS, BENCH_TASKLIST_CONNECTIONS,
// BENCH_TASKLIST_DIRECT_CALLS. BENCH_TASKLIST_WHATIF_SQL (statements separated by `;`) runs after
// the seed, to try an index before writing its migration. Needs no engine and no fixed port.
import { concludeBench, exitWhenDone } from './bench-outcome.ts';
import autocannon from 'autocannon';
import type { Knex } from 'knex';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { createDatabase } from '../../core/db/database.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { createTasksRepository, type TaskFilter, type TaskViewer } from '../../core/db/tasks-repository.ts';
import type { StaffMember } from '../../core/staff/staff-sessions.ts';
import { createFreshDatabase } from '../support/test-database.ts';
import { cpuBetween, cpuSnapshot } from './cpu.ts';
import { boundedWholeNumber } from './options.ts';
import { sleep, summarize } from './stats.ts';
import { startTasklistApi, staffSessionCookie } from './tasklist-api.ts';
import { explainAnalyze } from './tasklist-explain.ts';
import { formatTasklistReport, tasklistResultsJson, type HttpLoad, type QueryResult, type TasklistBenchResults } from './tasklist-report.ts';
import { seedTaskload, type SeededTaskload } from './tasklist-seed.ts';

const DATABASE = 'portal_bench_tasklist';
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUT_DIR = new URL('../../.cache/bench/', import.meta.url);
const RESULTS_FILE = new URL('tasklist.json', OUT_DIR);
/** Above this p99 over HTTP the report prints the query's whole plan. */
const SLOW_P99_MS = 100;
/** Part of a last name, as a clerk types it into the search field. */
const CITIZEN = 'mann';
const HTTP_WARM_UP_SECONDS = 2;
const DIRECT_WARM_UP_CALLS = 20;

const SECONDS = boundedWholeNumber('BENCH_TASKLIST_SECONDS', 10, 1, 120);
const CONNECTIONS = boundedWholeNumber('BENCH_TASKLIST_CONNECTIONS', 10, 1, 200);
const DIRECT_CALLS = boundedWholeNumber('BENCH_TASKLIST_DIRECT_CALLS', 500, 10, 10_000);
const WHATIF_SQL = (process.env.BENCH_TASKLIST_WHATIF_SQL ?? '').split(';').map((statement) => statement.trim()).filter(Boolean);

interface TasklistQuery {
  name: string;
  path: string;
  filter: TaskFilter;
}

const QUERIES: TasklistQuery[] = [
  { name: 'unassigned', path: '/tasklist/api/tasks?view=unassigned', filter: { view: 'unassigned', sort: 'due' } },
  { name: 'mine', path: '/tasklist/api/tasks?view=mine', filter: { view: 'mine', sort: 'due' } },
  { name: 'overdue', path: '/tasklist/api/tasks?view=overdue&sort=priority', filter: { view: 'overdue', sort: 'priority' } },
  { name: 'citizen', path: `/tasklist/api/tasks?view=unassigned&citizen=${CITIZEN}`, filter: { view: 'unassigned', sort: 'due', citizen: CITIZEN } },
];

const log = (line: string) => console.log(`[bench:tasklist] ${line}`);

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${DATABASE}" with (force)`);
  } finally {
    await admin.end();
  }
}

interface TaskAnswer {
  municipalityId: string;
  assignee: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  priority: number | null;
  citizenName: string;
}

/** What is wrong with a clerk's answer to one query; empty when it is right. */
function problemsOf(query: TasklistQuery, tasks: TaskAnswer[], clerk: StaffMember, seeded: SeededTaskload, now: Date): string[] {
  const problems: string[] = [];
  const group = clerk.groups[0] ?? '';
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  expect(tasks.every((task) => task.municipalityId === clerk.organisation), 'a task of another municipality');
  if (query.filter.view === 'unassigned') {
    expect(tasks.length > 0, 'empty');
    expect(tasks.every((task) => task.assignee === null && task.candidateGroups.includes(group)), 'an assigned task or one of another group');
  }
  if (query.name === 'unassigned') {
    const expected = seeded.unassignedByMunicipality[clerk.organisation];
    expect(tasks.length === expected, `${tasks.length} tasks, ${expected} seeded`);
  }
  if (query.filter.view === 'mine') expect(tasks.length === seeded.openByClerk[clerk.id] && tasks.every((task) => task.assignee === clerk.id), 'not exactly the own tasks');
  if (query.filter.view === 'overdue') {
    expect(tasks.length > 0, 'empty');
    expect(tasks.every((task) => task.dueDate !== null && new Date(task.dueDate) < now), 'a task not overdue');
    expect(tasks.every((task, index) => index === 0 || (tasks[index - 1]?.priority ?? -1) >= (task.priority ?? -1)), 'not sorted by priority');
  }
  if (query.filter.citizen) {
    expect(tasks.length > 0, 'empty');
    expect(tasks.every((task) => task.citizenName.toLowerCase().includes(query.filter.citizen!.toLowerCase())), 'a name without the search text');
  }
  return problems;
}

async function directTimes(db: Knex, viewer: TaskViewer, filter: TaskFilter): Promise<number[]> {
  const tasks = createTasksRepository(db);
  for (let call = 0; call < DIRECT_WARM_UP_CALLS; call += 1) await tasks.list(viewer, filter, new Date());
  const times: number[] = [];
  for (let call = 0; call < DIRECT_CALLS; call += 1) {
    const startedAt = performance.now();
    await tasks.list(viewer, filter, new Date());
    times.push(performance.now() - startedAt);
  }
  return times;
}

async function httpLoad(url: string, cookie: string, seconds: number): Promise<HttpLoad> {
  // Not an object literal: autocannon.d.ts does not declare `workers`.
  const options = { url, connections: CONNECTIONS, duration: seconds, timeout: 10, headers: { cookie }, workers: 1 };
  const cpuBefore = cpuSnapshot({});
  const loopBefore = performance.eventLoopUtilization();
  const result = await autocannon(options);
  const apiEventLoop = performance.eventLoopUtilization(loopBefore).utilization;
  return {
    connections: CONNECTIONS,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: { mean: result.latency.mean, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    apiEventLoop,
    cpu: cpuBetween(cpuBefore, cpuSnapshot({})),
  };
}

/**
 * When autocannon stops, it closes its sockets; requests it sent last may still wait for a
 * connection. They finish before the next run starts, and before the pool is destroyed.
 */
async function poolDrained(db: Knex, limitMs = 10_000): Promise<void> {
  const pool = (db.client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  const since = performance.now();
  while (pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0) && performance.now() - since < limitMs) await sleep(10);
}

async function main(): Promise<number> {
  mkdirSync(OUT_DIR, { recursive: true });
  const results: TasklistBenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    ok: false,
    machine: {
      cores: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version, postgres: 'unknown', autocannon: packageVersion('autocannon'),
    },
    data: { municipalities: 0, openTasks: 0, completedTasks: 0, clerksPerMunicipality: 0, seedSeconds: 0 },
    clerk: { municipality: '', unassigned: 0, mine: 0 },
    slowP99Ms: SLOW_P99_MS,
    queries: [],
    checks: [],
  };
  const check = (name: string, ok: boolean, detail: string) => results.checks.push({ check: name, ok, detail });

  log(`fresh database ${DATABASE}`);
  const databaseUrl = await createFreshDatabase(DATABASE);
  const db = createDatabase({ databaseUrl, embeddedDir: '.cache/unused' });
  let api: Awaited<ReturnType<typeof startTasklistApi>> | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => (cleaning ??= (async () => {
    await api?.app.close().catch(() => undefined);
    await poolDrained(db);
    await db.destroy().catch(() => undefined);
    await dropDatabase().catch((error: unknown) => console.error(`[bench:tasklist] could not drop ${DATABASE}: ${(error as Error).message}`));
  })());
  const abort = (code: number) => void cleanUp().finally(() => process.exit(code));
  process.once('SIGINT', () => abort(130));
  process.once('SIGTERM', () => abort(143));

  try {
    results.machine.postgres = ((await db.raw('show server_version')).rows[0] as { server_version: string }).server_version;
    await migrateToLatest(db);
    log('seeding');
    const seeded = await seedTaskload(db);
    const { plan } = seeded;
    results.data = {
      municipalities: plan.municipalities, openTasks: seeded.openTasks, completedTasks: seeded.completedTasks,
      clerksPerMunicipality: plan.clerksPerMunicipality, seedSeconds: seeded.seedMs / 1000,
    };
    log(`seeded ${seeded.openTasks} open and ${seeded.completedTasks} completed tasks in ${(seeded.seedMs / 1000).toFixed(1)} s`);
    if (WHATIF_SQL.length > 0) {
      for (const statement of WHATIF_SQL) await db.raw(statement);
      await db.raw('analyze');
      results.whatIfSql = WHATIF_SQL;
      log(`what-if: ${WHATIF_SQL.join('; ')}`);
    }

    api = await startTasklistApi(db);
    const home = seeded.municipalities[0]!;
    const clerk = home.clerks[0]!;
    const session: StaffMember = { id: clerk.id, name: clerk.name, email: null, organisation: home.id, organisationKind: 'municipality', municipalities: [home.id], roles: ['clerk'], groups: [home.candidateGroup] };
    const cookie = await staffSessionCookie(api, session);
    results.clerk = { municipality: home.id, unassigned: seeded.unassignedByMunicipality[home.id] ?? 0, mine: seeded.openByClerk[clerk.id] ?? 0 };

    // The cookie is only worth something if the API really checks it.
    const status = async (headers: Record<string, string>) => (await fetch(new URL(QUERIES[0]!.path, api!.url), { headers })).status;
    const anonymous = await status({});
    const forged = await status({ cookie: `${cookie.slice(0, -4)}AAAA` });
    check('without a session, or with a token the server does not know: 401', anonymous === 401 && forged === 401, `${anonymous}, ${forged}`);

    const viewer: TaskViewer = { id: session.id, organisation: session.organisation, municipalities: session.municipalities, groups: session.groups };
    for (const query of QUERIES) {
      const now = new Date();
      const response = await fetch(new URL(query.path, api.url), { headers: { cookie } });
      const tasks = response.status === 200 ? ((await response.json()) as { tasks: TaskAnswer[] }).tasks : [];
      const problems = response.status === 200 ? problemsOf(query, tasks, session, seeded, now) : [`status ${response.status}`];
      check(`${query.name}: 200, only the clerk's municipality and view`, problems.length === 0, problems.length === 0 ? `${tasks.length} tasks` : problems.join('; '));
      const result: QueryResult = { name: query.name, path: query.path, tasks: tasks.length };
      results.queries.push(result);

      log(`${query.name}: tasks.list() ${DIRECT_CALLS} times, then EXPLAIN ANALYZE`);
      result.directMs = summarize(await directTimes(db, viewer, query.filter));
      const repository = createTasksRepository(db);
      result.plan = await explainAnalyze(db, databaseUrl, 'user_tasks', () => repository.list(viewer, query.filter, new Date()));
    }

    for (const [index, query] of QUERIES.entries()) {
      const url = new URL(query.path, api.url).href;
      log(`${query.name}: autocannon ${HTTP_WARM_UP_SECONDS} s warm-up, ${SECONDS} s measured`);
      await httpLoad(url, cookie, HTTP_WARM_UP_SECONDS);
      await poolDrained(db);
      const http = await httpLoad(url, cookie, SECONDS);
      await poolDrained(db);
      results.queries[index]!.http = http;
      check(`${query.name} under load: only 200, no errors`, http.requests > 0 && http.non2xx === 0 && http.errors === 0 && http.timeouts === 0,
        `${http.requests} requests, non-2xx ${http.non2xx}, errors ${http.errors}, timeouts ${http.timeouts}`);
    }
  } catch (error) {
    results.error = error instanceof Error ? error.stack ?? error.message : String(error);
  } finally {
    await cleanUp();
  }

  return concludeBench(results, RESULTS_FILE, tasklistResultsJson, formatTasklistReport);
}

exitWhenDone(main(), 'bench:tasklist');
