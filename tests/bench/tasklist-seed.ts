// The tasklist benchmark's data: many municipalities, each with its residents' office (candidate
// group), a few clerks, and open review tasks on cases of the residence certificate, as the
// engine's records would have projected them. Deterministic (seeded random numbers), except the
// case ids, so two runs measure the same distribution.
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rememberProcessDefinition } from '../../core/engine/records/process-definitions.ts';

export interface TaskloadPlan {
  municipalities: number;
  openTasksPerMunicipality: number;
  completedTasksPerMunicipality: number;
  clerksPerMunicipality: number;
  /** Share of the open tasks held by one of the municipality's clerks; the rest wait in the group. */
  assignedShare: number;
  /** Cases were filed within this many days before now. */
  caseAgeDays: number;
  /** Due dates lie from this many days ago ... */
  overdueDays: number;
  /** ... to this many days ahead. */
  dueAheadDays: number;
}

export const DEFAULT_TASKLOAD: TaskloadPlan = {
  municipalities: 50,
  openTasksPerMunicipality: 200,
  completedTasksPerMunicipality: 60,
  clerksPerMunicipality: 4,
  assignedShare: 1 / 3,
  caseAgeDays: 30,
  overdueDays: 7,
  dueAheadDays: 14,
};

export interface SeededMunicipality {
  id: string;
  bfsNumber: number;
  candidateGroup: string;
  clerks: { id: string; name: string }[];
}

export interface SeededTaskload {
  plan: TaskloadPlan;
  municipalities: SeededMunicipality[];
  openTasks: number;
  completedTasks: number;
  /** Per municipality id: its open tasks without assignee, and its open tasks per clerk. */
  unassignedByMunicipality: Record<string, number>;
  openByClerk: Record<string, number>;
  seedMs: number;
}

const SERVICE_ID = 'residence-certificate';
const PROCESS_DEFINITION_KEY = '2251799813685249';
const FORM_KEY = '2251799813685251';
const DIAGRAM = new URL('../../processes/residence-certificate/residence-certificate.bpmn', import.meta.url);
/** Engine keys are 64-bit numbers; these start above the definition's, as in a real partition. */
const FIRST_INSTANCE_KEY = 2251799813700000n;
const BATCH = 1_000;
const DAY_MS = 24 * 3600 * 1000;

const FIRST_NAMES = [
  'Anna', 'Lea', 'Laura', 'Sara', 'Nina', 'Julia', 'Elena', 'Mia', 'Lara', 'Alina', 'Noah', 'Luca', 'Leon', 'Levin', 'Nico',
  'Elias', 'David', 'Jan', 'Simon', 'Marco', 'Ursula', 'Ruth', 'Heidi', 'Peter', 'Hans', 'Walter', 'Daniel', 'Thomas', 'Martin', 'Andreas',
];
const LAST_NAMES = [
  'Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Meyer', 'Steiner', 'Fischer', 'Gerber', 'Brunner', 'Baumann', 'Frei', 'Zimmermann',
  'Moser', 'Widmer', 'Wyss', 'Graf', 'Roth', 'Suter', 'Baumgartner', 'Bachmann', 'Studer', 'Berger', 'Bühler', 'Kälin', 'Marti', 'Sutter', 'Lehmann',
];

/** mulberry32: small, fast, good enough to spread test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertCatalogue(db: Knex, plan: TaskloadPlan, random: () => number): Promise<SeededMunicipality[]> {
  const municipalities: SeededMunicipality[] = Array.from({ length: plan.municipalities }, (_, index) => {
    const bfsNumber = 4001 + index;
    return {
      id: `gemeinde-${bfsNumber}`,
      bfsNumber,
      candidateGroup: `${bfsNumber}-einwohnerkontrolle`,
      clerks: Array.from({ length: plan.clerksPerMunicipality }, () => ({
        id: randomUUID(),
        name: `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`,
      })),
    };
  });
  await db('services').insert({
    id: SERVICE_ID,
    bpmn_process_id: SERVICE_ID,
    names: JSON.stringify({ de: 'Hauptwohnsitzbescheinigung', fr: 'Attestation de domicile principal', it: 'Attestazione di domicilio principale', en: 'Certificate of main residence' }),
    expected_processing_days: 2,
  });
  await db.batchInsert('municipalities', municipalities.map((m) => ({
    id: m.id, bfs_number: m.bfsNumber, name: `Gemeinde ${m.bfsNumber}`, canton: 'AG', participates: true,
    back_office_vendor: 'dialog', back_office_url: 'http://127.0.0.1:9/unused', back_office_credential_ref: 'BENCH_UNUSED',
  })), BATCH);
  await db.batchInsert('municipality_services', municipalities.map((m) => ({
    municipality_id: m.id, service_id: SERVICE_ID, fee_rappen: 2000, payment_account: `${m.bfsNumber}-4260.01`,
    booking_text: `Wohnsitzbescheinigung ${m.bfsNumber}`, candidate_group: m.candidateGroup,
  })), BATCH);
  await db.batchInsert('staff_members', municipalities.flatMap((m) => m.clerks.map((clerk) => ({
    id: clerk.id, name: clerk.name, organisation_id: m.id, roles: JSON.stringify(['clerk']),
    groups: JSON.stringify([m.candidateGroup]), last_login_at: new Date(),
  }))), BATCH);
  // The real diagram, so that the task names come from where production takes them.
  await rememberProcessDefinition(db, {
    processDefinitionKey: PROCESS_DEFINITION_KEY, bpmnProcessId: SERVICE_ID, version: 1, bpmnXml: readFileSync(DIAGRAM, 'utf8'),
  });
  return municipalities;
}

/** Fills a fresh, migrated database; ANALYZE at the end, so the planner knows the sizes. */
export async function seedTaskload(db: Knex, plan: TaskloadPlan = DEFAULT_TASKLOAD, now = new Date()): Promise<SeededTaskload> {
  const startedAt = performance.now();
  const random = seededRandom(5);
  const between = (low: number, high: number) => low + random() * (high - low);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const municipalities = await insertCatalogue(db, plan, random);

  const cases: Record<string, unknown>[] = [];
  const instances: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const unassignedByMunicipality: Record<string, number> = {};
  const openByClerk: Record<string, number> = {};
  let key = FIRST_INSTANCE_KEY;
  let serial = 0;

  for (const municipality of municipalities) {
    unassignedByMunicipality[municipality.id] = 0;
    const perMunicipality = plan.openTasksPerMunicipality + plan.completedTasksPerMunicipality;
    for (let index = 0; index < perMunicipality; index += 1) {
      const open = index < plan.openTasksPerMunicipality;
      const instanceKey = String(key);
      key += 10n;
      serial += 1;
      const filedAt = new Date(now.getTime() - between(0.01, plan.caseAgeDays) * DAY_MS);
      const taskCreatedAt = new Date(Math.min(now.getTime() - 1_000, filedAt.getTime() + between(1, 120) * 60_000));
      const endedAt = open ? null : new Date(Math.min(now.getTime(), taskCreatedAt.getTime() + between(0.1, 3) * DAY_MS));
      // One open task in twenty has no due date: the list sorts those last.
      const dueDate = random() < 0.05 ? null : new Date(now.getTime() + between(-plan.overdueDays, plan.dueAheadDays) * DAY_MS);
      const assignee = random() < plan.assignedShare || !open ? pick(municipality.clerks).id : null;
      if (open && assignee === null) unassignedByMunicipality[municipality.id]! += 1;
      if (open && assignee !== null) openByClerk[assignee] = (openByClerk[assignee] ?? 0) + 1;

      const caseId = randomUUID();
      cases.push({
        id: caseId, citizen_id: `bench-citizen-${serial % 4_000}`, service_id: SERVICE_ID, municipality_id: municipality.id,
        language: 'de', idempotency_key: null, request_fingerprint: `bench-${serial}`, process_instance_key: instanceKey,
        outcome: open ? null : 'issued', created_at: filedAt, completed_at: endedAt,
        applicant: JSON.stringify({
          firstName: pick(FIRST_NAMES), lastName: pick(LAST_NAMES),
          dateOfBirth: new Date(Date.UTC(1940 + Math.floor(random() * 65), Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString().slice(0, 10),
        }),
      });
      instances.push({
        process_instance_key: instanceKey, process_definition_key: PROCESS_DEFINITION_KEY,
        state: open ? 'ACTIVE' : 'COMPLETED', started_at: filedAt, ended_at: endedAt,
      });
      tasks.push({
        user_task_key: String(BigInt(instanceKey) + 5n), process_instance_key: instanceKey, element_id: 'review-application',
        candidate_groups: JSON.stringify([municipality.candidateGroup]), form_key: FORM_KEY, assignee,
        state: open ? 'CREATED' : 'COMPLETED', created_at: taskCreatedAt, ended_at: endedAt,
        due_date: dueDate, follow_up_date: null, priority: Math.floor(random() * 101),
      });
    }
  }

  await db.batchInsert('cases', cases, BATCH);
  await db.batchInsert('process_instances', instances, BATCH);
  await db.batchInsert('user_tasks', tasks, BATCH);
  await db.raw('analyze');
  return {
    plan,
    municipalities,
    openTasks: plan.municipalities * plan.openTasksPerMunicipality,
    completedTasks: plan.municipalities * plan.completedTasksPerMunicipality,
    unassignedByMunicipality,
    openByClerk,
    seedMs: performance.now() - startedAt,
  };
}
