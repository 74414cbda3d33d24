// `npm run bench` (second part): what each vendor adapter costs per back-office call.
// The simulators run in a child process; this process runs only the adapters. For each vendor:
// a warm-up, then sequential calls of each kind, timing every call (wall) and the adapter
// process's CPU. The same is measured for a bare fetch of a tiny simulator endpoint, the floor
// of any HTTP call from Node; overhead = adapter minus floor. Sizes: BENCH_ADAPTER_CALLS.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pino } from 'pino';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';
import { summarize } from './stats.ts';

const CALLS = Number(process.env.BENCH_ADAPTER_CALLS ?? 300);
const WARM_UP = 50;
const { aarauMain } = SEEDED_RESIDENTS;
const byName = { firstName: aarauMain.firstName, lastName: aarauMain.lastName, dateOfBirth: aarauMain.dateOfBirth };

type Ready = { type: 'ready'; endpoints: Record<string, { url: string }>; credentials: Record<string, string> };
type Measured = { wallMs: ReturnType<typeof summarize>; cpuMsPerCall: number };

const context = (): BackOfficeCallContext => ({ municipalityBfs: 4001, correlationId: 'bench', signal: new AbortController().signal });

async function measure(calls: number, call: (index: number) => Promise<unknown>): Promise<Measured> {
  for (let index = 0; index < WARM_UP; index += 1) await call(-1 - index);
  const walls: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < calls; index += 1) {
    const startedAt = performance.now();
    await call(index);
    walls.push(performance.now() - startedAt);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: summarize(walls), cpuMsPerCall: (cpu.user + cpu.system) / 1000 / calls };
}

const operations: Record<string, (port: BackOfficePort, index: number) => Promise<unknown>> = {
  findResident: (port) => port.findResident(byName, context()),
  getResidence: (port) => port.getResidence(aarauMain.id, context()),
  getContactData: (port) => port.getContactData(aarauMain.id, context()),
  changeContactData: (port, index) =>
    port.changeContactData({ reference: `bench-contact-${index}`, residentId: aarauMain.id, phone: '+41795550101' }, context()),
  bookFee: (port, index) =>
    port.bookFee({ reference: `bench-${index}`, residentId: aarauMain.id, amountRappen: 3_000, account: '4210.01', bookingText: 'Bench' }, context()),
};

const child = fork(new URL('./simulators-child.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ready = await new Promise<Ready>((resolve, reject) => {
  child.once('message', (message) => resolve(message as Ready));
  child.once('exit', (code) => reject(new Error(`simulators exited with ${code}`)));
});

try {
  const results: Record<string, Record<string, Measured>> = {};
  const firstUrl = Object.values(ready.endpoints)[0]?.url;
  const bareFetch = async () => (await fetch(`${firstUrl}/__sim/faults`)).text();
  // Warm the HTTP client and JIT before anything is measured, so the first vendor is not penalised.
  for (let index = 0; index < 1_000; index += 1) await bareFetch();
  for (const vendor of Object.values(BACK_OFFICE_VENDORS)) {
    const endpoint = ready.endpoints[vendor.name];
    const credential = ready.credentials[vendor.name];
    if (!endpoint || !credential) throw new Error(`no simulator for ${vendor.name}`);
    const port = vendor.createAdapter({ baseUrl: endpoint.url, credential, timeoutMs: 10_000, logger: pino({ level: 'silent' }) });
    results[vendor.name] = {};
    for (const [name, operation] of Object.entries(operations)) {
      results[vendor.name]![name] = await measure(CALLS, (index) => operation(port, index));
    }
  }

  // The floor last, when everything is as warm as it gets.
  const floor = await measure(CALLS, bareFetch);
  results.floor = { bareFetch: floor };
  const rows = Object.values(BACK_OFFICE_VENDORS).flatMap((vendor) =>
    Object.entries(results[vendor.name] ?? {}).map(([operation, m]) =>
      `| ${vendor.displayName} | ${operation} | ${m.wallMs.p50.toFixed(2)} | ${m.wallMs.p99.toFixed(2)} | ${m.cpuMsPerCall.toFixed(3)} | ${(m.cpuMsPerCall - floor.cpuMsPerCall).toFixed(3)} |`),
  );
  console.log([
    '',
    `Adapter cost per call, ${CALLS} sequential calls each after ${WARM_UP} warm-up (simulators in another process)`,
    `Floor, bare fetch of a tiny endpoint: wall p50 ${floor.wallMs.p50.toFixed(2)} ms, p99 ${floor.wallMs.p99.toFixed(2)} ms, CPU ${floor.cpuMsPerCall.toFixed(3)} ms/call`,
    '',
    '| vendor | operation | wall p50 ms | wall p99 ms | adapter CPU ms/call | CPU over floor ms/call |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'));
  mkdirSync(new URL('../../.cache/bench/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../.cache/bench/adapters.json', import.meta.url), `${JSON.stringify({ calls: CALLS, results }, null, 2)}\n`);
} finally {
  child.disconnect();
}
