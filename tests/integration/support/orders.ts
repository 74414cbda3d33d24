// Orders as the integration tests place them: a citizen applies through the API, pays, and the
// case reaches the clerks' review.
import pg from 'pg';
import { inject } from 'vitest';
import { SEEDED_RESIDENTS } from '../../../simulators/back-office/seed.ts';
import { callApi, eventually } from './http.ts';
import { citizenToken } from './citizens.ts';
import { payCase } from './payments.ts';
import { callTasklist } from './staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
type Resident = { firstName: string; lastName: string; dateOfBirth: string };

/** A residence certificate ordered in Aarau for `resident`; not yet paid. */
export async function orderInAarau(citizen: string, resident: Resident = SEEDED_RESIDENTS.aarauBlocked): Promise<{ token: string; caseId: string }> {
  const token = await citizenToken(citizen);
  const created = await callApi<Body>('POST', '/applications', {
    token,
    body: { serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de', applicant: { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth } },
  });
  return { token, caseId: created.body.id as string };
}

/** A blocked record in Aarau, paid: the case goes to the residents' office's review. */
export async function orderForReview(citizen: string): Promise<{ token: string; caseId: string; caseNumber: string }> {
  const { token, caseId } = await orderInAarau(citizen);
  await payCase(token, caseId);
  return { token, caseId, caseNumber: caseId.slice(0, 8).toUpperCase() };
}

/** The case's open task the clerk's groups are offered (other than `except`), once it is listed. */
export function unassignedTaskOf(clerkCookie: string, caseId: string, except?: string): Promise<Body> {
  return eventually(async () => {
    const { body } = await callTasklist<Body>(clerkCookie, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${caseId.slice(0, 8)}`);
    return (body.tasks as Body[] | undefined)?.find((task) => task.taskKey !== except);
  }, 'the case\'s task in the tasklist');
}

/** The process instance a case's application started, as the engine's records told the read model: its process, version and state; undefined until they arrive. */
export async function processInstanceOfCase(caseId: string): Promise<{ bpmnProcessId: string; version: number; state: string } | undefined> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select d.bpmn_process_id as "bpmnProcessId", d.version, i.state from cases c join process_instances i on i.process_instance_key = c.process_instance_key
       join process_definitions d on d.process_definition_key = i.process_definition_key where c.id = $1`, [caseId]);
    return rows[0] as { bpmnProcessId: string; version: number; state: string } | undefined;
  } finally {
    await client.end();
  }
}
