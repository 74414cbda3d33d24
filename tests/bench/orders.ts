// Phase (b): residence-certificate orders through the whole platform — POST /applications, the
// engine, the workers (database, back-office simulators, PDF), payment on the Payrexx simulator's
// page as soon as the case shows it, the exporter and the read model — until GET /cases/{id} says
// `completed` for every one of them.
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { citizenSession } from '../../scripts/citizen-session.ts';
import { perSecond, runBounded, sleep, summarize, type Summary } from './stats.ts';

// Main residents without a record block: the certificate is issued without a clerk's review.
// One municipality per back-office vendor, so the orders cross all five adapters.
const APPLICANTS = [
  { municipalityId: 'aarau', resident: SEEDED_RESIDENTS.aarauMain },
  { municipalityId: 'baden', resident: SEEDED_RESIDENTS.badenMain },
  { municipalityId: 'brugg', resident: SEEDED_RESIDENTS.bruggMain },
  { municipalityId: 'lenzburg', resident: SEEDED_RESIDENTS.lenzburgMain },
  { municipalityId: 'zofingen', resident: SEEDED_RESIDENTS.zofingenMain },
] as const;
const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;

/** Completion polling: every tick the oldest pending cases are read, a few at a time, and reading
 * goes on down the list only while every case read was completed. Cases finish roughly in order,
 * so this finds completions within a tick while adding only a few requests per second to the load
 * being measured (a sweep over all pending cases would add hundreds). */
const POLL_TICK_MS = 250;
const POLL_WIDTH = 4;
const POLL_BUDGET_PER_TICK = 64;
const REQUEST_TIMEOUT_MS = 30_000;
/** How often a submitting citizen looks for the payment page. */
const PAYMENT_POLL_MS = 100;

interface CaseDetail {
  id: string;
  state: string;
  outcome: string | null;
  delayed: boolean;
  phaseLabel: string;
  completedAt: string | null;
  history: { phase: { de: string }; enteredAt: string }[];
  documents: unknown[];
  messages: { template: string }[];
  payment: { paymentUrl: string | null } | null;
}

interface Order {
  index: number;
  token: string;
  citizenId: string;
  /** performance.now() and Date.now() when the POST was sent (engine timestamps are epoch ms). */
  postAt: number;
  postEpoch: number;
  answeredAt?: number;
  status?: number;
  caseId?: string;
  observedAt?: number;
  detail?: CaseDetail;
}

export interface StatusTarget {
  token: string;
  caseId: string;
}

export interface OrdersResult {
  orders: number;
  warmupOrders: number;
  concurrency: number;
  citizens: number;
  accepted: number;
  completed: number;
  issued: number;
  /** From the first POST until GET /cases/{id} showed the last case completed. */
  spanMs: number;
  ordersPerSecond: number;
  /** From the first POST until the engine completed the last instance (its record timestamp). */
  engineSpanMs: number;
  engineOrdersPerSecond: number;
  /** Accepted POSTs per second while submitting. */
  submitRatePerSecond: number;
  postLatencyMs: Summary;
  /** Per order: POST sent until the engine completed the instance. */
  orderLatencyMs: Summary;
  /** Per order, from the phases' timestamps: where an order's time goes. */
  stagesMs: {
    postToReceived: Summary;
    validateOrder: Summary;
    findResident: Summary;
    /** From the payment phase (checkout opened) until the payment message arrived: the citizen paying on the page. */
    payment: Summary;
    certificateNotify: Summary;
  };
  /** Last completion (engine) until GET /cases/{id} showed it: exporter + projection + polling. */
  readModelTailLagMs: number;
  statusPolls: number;
  backOfficeCalls: Record<string, number>;
  problems: string[];
}

export interface OrdersOutcome {
  result: OrdersResult;
  targets: StatusTarget[];
  tokens: string[];
}

export interface OrdersOptions {
  apiUrl: string;
  /** Per vendor, its back-office simulator. */
  simulatorUrls: Record<string, string>;
  /** The mail catcher, from which the citizens' accounts are activated. */
  mailUrl: string;
  orders: number;
  warmup: number;
  concurrency: number;
  citizens: number;
  timeoutMs: number;
  /** Called after the warm-up, right before the measured orders. */
  onMeasureStart?: () => Promise<void>;
  log: (line: string) => void;
}

async function getJson<T>(url: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Calls by operation, summed over every vendor's simulator. */
async function backOfficeCalls(simulatorUrls: Record<string, string>): Promise<Record<string, number>> {
  const sum: Record<string, number> = {};
  for (const url of Object.values(simulatorUrls)) {
    const { body } = await getJson<{ byOperation: Record<string, number> }>(`${url}/__sim/calls`);
    for (const [operation, count] of Object.entries(body.byOperation)) sum[operation] = (sum[operation] ?? 0) + count;
  }
  return sum;
}

const epoch = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);
const enteredAt = (detail: CaseDetail, phaseDe: string): number =>
  epoch(detail.history.find((entry) => entry.phase.de === phaseDe)?.enteredAt);
/** 'In Bearbeitung' comes twice: after find-resident and again once the payment arrived. */
const enteredLast = (detail: CaseDetail, phaseDe: string): number =>
  epoch(detail.history.findLast((entry) => entry.phase.de === phaseDe)?.enteredAt);

export async function runOrders(options: OrdersOptions): Promise<OrdersOutcome> {
  const { apiUrl, log } = options;
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 20) problems.push(text);
  };
  let statusPolls = 0;

  async function submit(order: Order): Promise<void> {
    const applicant = APPLICANTS[order.index % APPLICANTS.length] as (typeof APPLICANTS)[number];
    const { firstName, lastName, dateOfBirth } = applicant.resident;
    order.postAt = performance.now();
    order.postEpoch = Date.now();
    const response = await fetch(new URL('/applications', apiUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${order.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'residence-certificate',
        municipalityId: applicant.municipalityId,
        language: LANGUAGES[order.index % LANGUAGES.length],
        applicant: { firstName, lastName, dateOfBirth },
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as { id?: string; title?: string };
    order.answeredAt = performance.now();
    order.status = response.status;
    if (response.status === 201 && body.id) order.caseId = body.id;
    else problem(`POST /applications answered ${response.status}: ${body.title ?? JSON.stringify(body).slice(0, 120)}`);
    if (order.caseId) await pay(order);
  }

  /** The citizen pays with TWINT as soon as the case shows the payment page. */
  async function pay(order: Order): Promise<void> {
    const deadline = performance.now() + REQUEST_TIMEOUT_MS;
    let paymentUrl: string | undefined;
    while (!paymentUrl && performance.now() < deadline) {
      paymentUrl = (await read(order)).payment?.paymentUrl ?? undefined;
      if (!paymentUrl) await sleep(PAYMENT_POLL_MS);
    }
    if (!paymentUrl) return problem(`case ${order.caseId} showed no payment page`);
    const paid = await fetch(paymentUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=twint&outcome=success',
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (paid.status !== 303) problem(`payment page answered ${paid.status}`);
  }

  async function read(order: Order): Promise<CaseDetail> {
    statusPolls++;
    const { status, body } = await getJson<CaseDetail>(new URL(`/cases/${order.caseId}`, apiUrl).toString(), order.token);
    if (status !== 200) throw new Error(`GET /cases/${order.caseId} answered ${status}`);
    return body;
  }

  /** Real accounts: registered, activated through the mail catcher and logged in, before anything is measured. */
  function sessionsOf(citizenPrefix: string): Promise<string[]> {
    return Promise.all(Array.from({ length: options.citizens }, (_, n) => citizenSession({
      apiUrl, mailUrl: options.mailUrl, email: `${citizenPrefix}-${n + 1}@bench.example`, password: 'Bench-Passwort-1', firstName: 'Bench', lastName: `${citizenPrefix}-${n + 1}`,
    })));
  }

  /** Submits `count` orders and polls until each accepted one is completed. */
  async function round(count: number, citizenPrefix: string, tokens: string[]): Promise<Order[]> {
    const orders: Order[] = Array.from({ length: count }, (_, index) => ({
      index,
      citizenId: `${citizenPrefix}-${(index % options.citizens) + 1}`,
      token: tokens[index % options.citizens] as string,
      postAt: Number.NaN,
      postEpoch: Number.NaN,
    }));
    const pending: Order[] = [];
    let submitting = true;
    const submitted = runBounded(count, options.concurrency, async (index) => {
      const order = orders[index] as Order;
      try {
        await submit(order);
      } finally {
        if (order.caseId) pending.push(order);
      }
    }).then((outcomes) => {
      for (const outcome of outcomes) if (outcome.status === 'rejected') problem(`POST /applications failed: ${String(outcome.reason)}`);
    }).finally(() => {
      submitting = false;
    });

    const deadline = performance.now() + options.timeoutMs;
    while (submitting || pending.length > 0) {
      const tick = performance.now();
      if (tick > deadline) break;
      let budget = POLL_BUDGET_PER_TICK;
      while (pending.length > 0 && budget > 0) {
        const batch = pending.slice(0, POLL_WIDTH);
        budget -= batch.length;
        const details = await Promise.all(batch.map((order) => read(order).catch((error: unknown) => {
          problem(String(error));
          return undefined;
        })));
        const now = performance.now();
        let allDone = true;
        details.forEach((detail, k) => {
          const order = batch[k] as Order;
          if (detail?.state === 'completed') {
            order.observedAt = now;
            order.detail = detail;
            pending.splice(pending.indexOf(order), 1);
          } else {
            allDone = false;
          }
        });
        if (!allDone) break;
      }
      await sleep(Math.max(0, POLL_TICK_MS - (performance.now() - tick)));
    }
    await submitted;

    if (pending.length > 0) {
      // Say what the stragglers are doing before giving up.
      const states = new Map<string, number>();
      await runBounded(pending.length, 8, async (k) => {
        const detail = await read(pending[k] as Order).catch(() => undefined);
        const key = detail ? `${detail.state}/${detail.phaseLabel}${detail.delayed ? '/delayed' : ''}` : 'unreadable';
        states.set(key, (states.get(key) ?? 0) + 1);
      });
      problem(`${pending.length} of ${count} cases not completed within ${options.timeoutMs / 1000} s: ${[...states].map(([s, n]) => `${n}x ${s}`).join(', ')}`);
    }
    return orders;
  }

  if (options.warmup > 0) {
    log(`(b) warm-up: ${options.warmup} orders`);
    await round(options.warmup, 'bench-warmup', await sessionsOf('bench-warmup'));
    await sleep(500);
  }
  const measuredSessions = await sessionsOf('bench-citizen');
  const callsWarm = await backOfficeCalls(options.simulatorUrls);
  statusPolls = 0;
  await options.onMeasureStart?.();
  log(`(b) ${options.orders} orders, ${options.concurrency} POSTs in flight, ${options.citizens} citizens`);
  const orders = await round(options.orders, 'bench-citizen', measuredSessions);
  const callsAfter = await backOfficeCalls(options.simulatorUrls);
  const backOffice: Record<string, number> = {};
  for (const [operation, total] of Object.entries(callsAfter)) backOffice[operation] = total - (callsWarm[operation] ?? 0);

  const accepted = orders.filter((o) => o.caseId !== undefined);
  const completed = orders.filter((o) => o.detail !== undefined);
  const details = completed.map((o) => o.detail as CaseDetail);
  const issued = details.filter((d) => d.outcome === 'issued' && d.documents.length === 1 && d.messages.some((m) => m.template === 'certificate-issued'));
  if (issued.length !== completed.length) problem(`${completed.length - issued.length} completed cases without outcome issued, one document and the certificate-issued message`);
  for (const operation of ['findResident', 'getResidence']) {
    if ((backOffice[operation] ?? 0) !== accepted.length) problem(`back office ${operation}: ${backOffice[operation] ?? 0} calls for ${accepted.length} orders (retries?)`);
  }

  const firstPost = Math.min(...orders.map((o) => o.postAt));
  const firstPostEpoch = Math.min(...orders.map((o) => o.postEpoch));
  const lastObserved = Math.max(...completed.map((o) => o.observedAt as number));
  const lastCompletedEpoch = Math.max(...details.map((d) => epoch(d.completedAt)));
  const answered = orders.filter((o) => o.answeredAt !== undefined);
  const lastAnswer = Math.max(...answered.map((o) => o.answeredAt as number));
  const lastObservedEpoch = Date.now() - (performance.now() - lastObserved);

  const stage = (from: (o: Order) => number, to: (o: Order) => number) => summarize(completed.map((o) => to(o) - from(o)));
  const detailOf = (o: Order) => o.detail as CaseDetail;
  const result: OrdersResult = {
    orders: options.orders,
    warmupOrders: options.warmup,
    concurrency: options.concurrency,
    citizens: options.citizens,
    accepted: accepted.length,
    completed: completed.length,
    issued: issued.length,
    spanMs: lastObserved - firstPost,
    ordersPerSecond: perSecond(completed.length, lastObserved - firstPost),
    engineSpanMs: lastCompletedEpoch - firstPostEpoch,
    engineOrdersPerSecond: perSecond(completed.length, lastCompletedEpoch - firstPostEpoch),
    submitRatePerSecond: perSecond(accepted.length, lastAnswer - firstPost),
    postLatencyMs: summarize(answered.map((o) => (o.answeredAt as number) - o.postAt)),
    orderLatencyMs: stage((o) => o.postEpoch, (o) => epoch(detailOf(o).completedAt)),
    stagesMs: {
      postToReceived: stage((o) => o.postEpoch, (o) => enteredAt(detailOf(o), 'Eingegangen')),
      validateOrder: stage((o) => enteredAt(detailOf(o), 'Eingegangen'), (o) => enteredAt(detailOf(o), 'In Bearbeitung')),
      findResident: stage((o) => enteredAt(detailOf(o), 'In Bearbeitung'), (o) => enteredAt(detailOf(o), 'Zahlung')),
      payment: stage((o) => enteredAt(detailOf(o), 'Zahlung'), (o) => enteredLast(detailOf(o), 'In Bearbeitung')),
      certificateNotify: stage((o) => enteredLast(detailOf(o), 'In Bearbeitung'), (o) => epoch(detailOf(o).completedAt)),
    },
    readModelTailLagMs: lastObservedEpoch - lastCompletedEpoch,
    statusPolls,
    backOfficeCalls: backOffice,
    problems,
  };
  const tokens = [...new Set(orders.map((o) => o.token))];
  return { result, targets: completed.map((o) => ({ token: o.token, caseId: o.caseId as string })), tokens };
}
