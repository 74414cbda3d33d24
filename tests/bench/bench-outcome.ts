// How every bench ends: its figures written and printed, its checks decide the exit code, and the
// process stops even if a client library leaves a handle open.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Concludable {
  finishedAt: string;
  ok: boolean;
  error?: string;
  checks: { ok: boolean }[];
}

/** Marks the results finished, writes them as JSON and prints the report; 0 when every check passed. */
export function concludeBench<R extends Concludable>(results: R, file: URL, toJson: (results: R) => string, toReport: (results: R) => string): number {
  results.finishedAt = new Date().toISOString();
  results.ok = results.error === undefined && results.checks.length > 0 && results.checks.every((c) => c.ok);
  writeFileSync(file, toJson(results));
  console.log(toReport(results));
  console.log(`\nFigures written to ${fileURLToPath(file)}`);
  return results.ok ? 0 : 1;
}

/** Exits with the bench's code; on a crash, says why, runs `cleanUp` and exits with 1. */
export function exitWhenDone(run: Promise<number>, label: string, cleanUp: () => Promise<unknown> = async () => undefined): void {
  run.then(
    (code) => {
      process.exitCode = code;
      setTimeout(() => process.exit(code), 3_000).unref();
    },
    (error: unknown) => {
      console.error(`[${label}] ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      void cleanUp().finally(() => process.exit(1));
    },
  );
}
