// `npm run bench:search` (and the last part of `npm run bench`): how fast GET /services answers the
// relevance queries (tests/fixtures/search/relevance-queries.yaml) on the running platform.
//   - the platform in a process of its own (fresh database portal_bench, API on port 3000, workers),
//     its catalogue the real packages plus the stand-ins of the services the seeds name, registered
//     as the platform registers packages
//   - one pass to check the answers (200, the expected service first), one unmeasured warm-up pass
//   - latency of one request at a time, every query BENCH_SEARCH_ROUNDS times (default 5), then of
//     BENCH_SEARCH_CONNECTIONS (default 10) clients at once, each query as often again
// Writes .cache/bench/catalogue-search.json. Needs the engine (the platform deploys its processes),
// port 3000 and PostgreSQL, like `npm run bench`; an engine it starts, it stops again.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../../core/db/database.ts';
import { createServicesRepository } from '../../core/db/services-repository.ts';
import { ensureEngineRunning, stopEngine } from '../../scripts/engine.ts';
import { relevanceQueries, searchTestCatalogue, type RelevanceQuery } from '../support/search-fixtures.ts';
import { concludeBench, exitWhenDone } from './bench-outcome.ts';
import { boundedWholeNumber } from './options.ts';
import { digestLog, startPlatformProcess, type LogDigest } from './platform-process.ts';
import { resultsJson } from './report.ts';
import { runBounded, summarize, type Summary } from './stats.ts';

const OUT_DIR = new URL('../../.cache/bench/', import.meta.url);
const RESULTS_FILE = new URL('catalogue-search.json', OUT_DIR);
const PLATFORM_LOG = new URL('catalogue-search-platform.log', OUT_DIR);
/** Every hit is compared with this municipality's offer, as a citizen who chose it sees it. */
const MUNICIPALITY = 'aarau';
const REQUIRED_SHARE = 0.9;

const ROUNDS = boundedWholeNumber('BENCH_SEARCH_ROUNDS', 5, 1, 100);
const CONNECTIONS = boundedWholeNumber('BENCH_SEARCH_CONNECTIONS', 10, 1, 100);

interface SearchBenchResults {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  queries: number;
  services: number;
  firstHitShare?: number;
  /** One request at a time, in ms. */
  sequentialMs?: Summary;
  /** CONNECTIONS clients at once, in ms, and the requests answered per second. */
  concurrent?: { connections: number; latencyMs: Summary; requestsPerSecond: number };
  platformLog?: LogDigest;
  checks: { check: string; ok: boolean; detail: string }[];
  error?: string;
}

const log = (line: string) => console.log(`[bench:search] ${line}`);

const searchUrl = (apiUrl: string, query: RelevanceQuery) =>
  new URL(`/services?${new URLSearchParams({ q: query.q, language: query.language, municipality: MUNICIPALITY }).toString()}`, apiUrl);

/** One search over HTTP: its time in ms, its status and the service it found first. */
async function timedSearch(apiUrl: string, query: RelevanceQuery): Promise<{ ms: number; status: number; first: string | undefined }> {
  const startedAt = performance.now();
  const response = await fetch(searchUrl(apiUrl, query));
  const body = (await response.json()) as { services?: { id: string }[] };
  return { ms: performance.now() - startedAt, status: response.status, first: body.services?.[0]?.id };
}

const f = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));

function formatReport(results: SearchBenchResults): string {
  const lines = ['', '=== Benchmark: the catalogue search (GET /services) ==='];
  lines.push(`${results.queries} relevance queries over ${results.services} services, each with municipality=${MUNICIPALITY}; first hit right: ${f((results.firstHitShare ?? Number.NaN) * 100)} %`);
  const s = results.sequentialMs;
  if (s) lines.push(`One at a time, ${s.count} requests: p50 ${f(s.p50, 2)} ms, p99 ${f(s.p99, 2)} ms (mean ${f(s.mean, 2)}, max ${f(s.max, 2)})`);
  const c = results.concurrent;
  if (c) {
    lines.push(`${c.connections} clients at once, ${c.latencyMs.count} requests: p50 ${f(c.latencyMs.p50, 2)} ms, p99 ${f(c.latencyMs.p99, 2)} ms `
      + `(max ${f(c.latencyMs.max, 2)}), ${f(c.requestsPerSecond, 0)} requests/s`);
  }
  lines.push('', 'Checks:', ...results.checks.map((check) => `  ${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${check.detail}`));
  if (results.error) lines.push('', `Run aborted: ${results.error}`);
  lines.push('', results.ok ? 'All checks passed.' : 'Some checks FAILED — the figures above are not trustworthy.');
  return lines.join('\n');
}

async function main(): Promise<number> {
  mkdirSync(OUT_DIR, { recursive: true });
  const queries = relevanceQueries();
  const catalogue = await searchTestCatalogue();
  const results: SearchBenchResults = { startedAt: new Date().toISOString(), finishedAt: '', ok: false, queries: queries.length, services: catalogue.length, checks: [] };
  const check = (name: string, ok: boolean, detail: string) => results.checks.push({ check: name, ok, detail });

  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const undo of cleanups.splice(0).reverse()) await undo().catch((error: unknown) => console.error(`[bench:search] cleanup: ${(error as Error).message}`));
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));

  try {
    const engine = await ensureEngineRunning({ log: (line) => log(`engine: ${line}`) });
    if (engine.startedByUs) cleanups.push(() => stopEngine({ log: (line) => log(`engine: ${line}`) }));
    log('starting the platform (fresh database portal_bench, API on port 3000)');
    const platform = await startPlatformProcess({ logFile: fileURLToPath(PLATFORM_LOG), startTimeoutMs: 180_000 });
    cleanups.push(() => platform.stop());
    const db = createDatabase({ databaseUrl: platform.databaseUrl, embeddedDir: '' });
    try {
      await createServicesRepository(db).register(catalogue);
    } finally {
      await db.destroy();
    }

    const answers = await Promise.all(queries.map((query) => timedSearch(platform.apiUrl, query)));
    const refused = answers.filter((answer) => answer.status !== 200).length;
    check('every search answered 200', refused === 0, `${queries.length - refused} of ${queries.length}`);
    results.firstHitShare = answers.filter((answer, index) => answer.first === queries[index]?.expected).length / queries.length;
    check(`at least ${REQUIRED_SHARE * 100} % find their service first`, results.firstHitShare >= REQUIRED_SHARE, `${f(results.firstHitShare * 100)} %`);

    log('warm-up pass');
    for (const query of queries) await timedSearch(platform.apiUrl, query);
    const rounds = Array.from({ length: ROUNDS }, () => queries).flat();
    log(`${rounds.length} searches one at a time`);
    const sequential: number[] = [];
    for (const query of rounds) sequential.push((await timedSearch(platform.apiUrl, query)).ms);
    results.sequentialMs = summarize(sequential);

    log(`${rounds.length} searches by ${CONNECTIONS} clients at once`);
    const startedAt = performance.now();
    const outcomes = await runBounded(rounds.length, CONNECTIONS, (index) => timedSearch(platform.apiUrl, rounds[index]!));
    const seconds = (performance.now() - startedAt) / 1000;
    const answered = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' && outcome.value.status === 200 ? [outcome.value.ms] : []));
    check('under load, every search answered 200', answered.length === rounds.length, `${answered.length} of ${rounds.length}`);
    results.concurrent = { connections: CONNECTIONS, latencyMs: summarize(answered), requestsPerSecond: answered.length / seconds };

    results.platformLog = digestLog(platform.logFile);
    check('no errors in the platform log', results.platformLog.errors === 0, `${results.platformLog.errors} errors, ${results.platformLog.warnings} warnings`);
  } catch (error) {
    results.error = error instanceof Error ? error.stack ?? error.message : String(error);
  } finally {
    await cleanUp();
  }
  return concludeBench(results, RESULTS_FILE, resultsJson, formatReport);
}

exitWhenDone(main(), 'bench:search');
