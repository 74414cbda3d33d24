/**
 * The engine's user tasks, through the Orchestration Cluster REST API of Camunda 8.6: the engine
 * stays the source of truth for who holds a task and whether it is done.
 */
export type UserTaskOutcome = 'done' | 'conflict' | 'gone';

export interface UserTaskCommands {
  assign(taskKey: string, assignee: string, allowOverride: boolean): Promise<UserTaskOutcome>;
  unassign(taskKey: string): Promise<UserTaskOutcome>;
  complete(taskKey: string, variables: Record<string, unknown>): Promise<UserTaskOutcome>;
  /** Sets the due and follow-up dates (ISO-8601 date-times); an empty text clears a date. */
  reschedule(taskKey: string, dates: { dueDate: string; followUpDate: string }): Promise<UserTaskOutcome>;
}

export function createUserTaskCommands(restAddress: string, fetchImpl: typeof fetch = fetch): UserTaskCommands {
  const base = restAddress.replace(/\/$/, '');
  async function send(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<UserTaskOutcome> {
    const response = await fetchImpl(`${base}/v2/user-tasks/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return 'done';
    if (response.status === 404) return 'gone';
    if (response.status === 409) return 'conflict';
    throw new Error(`engine answered ${response.status} to ${method} user-tasks/${path.replace(/^\d+/, '{key}')}`);
  }
  return {
    assign: (taskKey, assignee, allowOverride) => send('POST', `${taskKey}/assignment`, { assignee, allowOverride }),
    unassign: (taskKey) => send('DELETE', `${taskKey}/assignee`),
    complete: (taskKey, variables) => send('POST', `${taskKey}/completion`, { variables }),
    reschedule: (taskKey, changeset) => send('PATCH', taskKey, { changeset }),
  };
}
