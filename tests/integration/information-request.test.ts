/**
 * "Request more information": the clerk's review asks the citizen a question, the case waits in
 * the phase "Rückfrage", and the citizen's answer through the API resumes the process (a message
 * correlated to the instance by the case id) with a new review task that shows the answer. An
 * unanswered question goes back to review after its deadline (PT15S in the tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { orderForReview, unassignedTaskOf } from './support/orders.ts';
import { callTasklist, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let clerk: string;

beforeAll(async () => {
  clerk = await staffSessionCookie('sandra.meier');
});

const openReviewTask = (caseId: string, except?: string): Promise<Body> => unassignedTaskOf(clerk, caseId, except);

/** A blocked record in Aarau, paid; the clerk asks a question in its review. */
async function caseWithQuestion(citizen: string, question: string): Promise<{ token: string; caseId: string; firstTask: string }> {
  const { token, caseId } = await orderForReview(citizen);
  const task = await openReviewTask(caseId);
  expect((await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
  const asked = await callTasklist<Body>(clerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, {
    variables: { reviewDecision: 'more-information', informationRequest: question },
  });
  expect(asked.status).toBe(204);
  await eventually(async () => {
    const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
    return body.awaitingAnswer === true && body.messages.some((m: Body) => m.template === 'information-requested') ? body : undefined;
  }, 'the case waiting for the citizen with the question');
  return { token, caseId, firstTask: task.taskKey as string };
}

describe('a question to the citizen', () => {
  it('when the clerk asks without a question, then the form is refused naming the field', async () => {
    const { token, caseId } = await orderForReview('citizen-question-missing');
    const task = await openReviewTask(caseId);
    await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`);
    const refused = await callTasklist<Body>(clerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'more-information' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ pointer: '/body/variables/informationRequest', detail: 'is required' }]);
    const stray = await callTasklist<Body>(clerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, {
      variables: { reviewDecision: 'approve', informationRequest: 'Bitte Mietvertrag senden.' },
    });
    expect(stray.status).toBe(400);
    expect(stray.body.errors).toEqual([{ pointer: '/body/variables/informationRequest', detail: 'is not shown for these answers' }]);
    // The citizen cannot answer a question nobody asked.
    const early = await callApi<Body>('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Hallo' } });
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/no-open-question$/);
  });

  it('when the citizen answers, then the process resumes with a new review that shows the answer, and the case is issued', async () => {
    const { token, caseId, firstTask } = await caseWithQuestion('citizen-question-answered', 'Seit wann wohnen Sie an der Adresse?');
    const waiting = await callApi<Body>('GET', `/cases/${caseId}`, { token });
    expect(waiting.body.phaseLabel).toBe('Rückfrage');
    expect(waiting.body.messages.at(-1)).toMatchObject({ author: 'municipality', text: expect.stringContaining('«Seit wann wohnen Sie an der Adresse?»') });
    // While the question is open there is no review task.
    const { body: open } = await callTasklist<Body>(clerk, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${caseId.slice(0, 8)}`);
    expect(open.tasks).toEqual([]);

    // Refusals: another citizen, an empty answer, unknown fields.
    expect((await callApi('POST', `/cases/${caseId}/answers`, { token: await citizenToken('someone-else'), body: { text: 'Ich nicht' } })).status).toBe(404);
    const empty = await callApi<Body>('POST', `/cases/${caseId}/answers`, { token, body: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].pointer).toBe('/body/text');
    expect((await callApi<Body>('POST', `/cases/${caseId}/answers`, { token, body: { text: 'x', attachment: 'y' } })).status).toBe(400);

    const answered = await callApi('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Seit dem 1. März 2019.' } });
    expect(answered.status).toBe(204);
    // A repeat (double click, retried request) is refused and resumes nothing a second time.
    const again = await callApi<Body>('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Seit dem 1. März 2019.' } });
    expect(again.status).toBe(409);

    const secondReview = await openReviewTask(caseId, firstTask);
    const detail = await callTasklist<Body>(clerk, 'GET', `/tasklist/api/tasks/${secondReview.taskKey}`);
    expect(detail.body.case.messages.at(-1)).toMatchObject({ author: 'citizen', text: 'Seit dem 1. März 2019.' });
    expect(detail.body.case.history.map((entry: Body) => entry.phaseLabel)).toEqual(expect.arrayContaining(['Rückfrage', 'In Prüfung']));
    const back = await callApi<Body>('GET', `/cases/${caseId}`, { token });
    expect(back.body).toMatchObject({ phaseLabel: 'In Prüfung', awaitingAnswer: false });

    await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${secondReview.taskKey}/claim`);
    expect((await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${secondReview.taskKey}/completion`, { variables: { reviewDecision: 'approve' } })).status).toBe(204);
    const issued = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.outcome === 'issued' ? body : undefined;
    }, 'the certificate issued');
    expect(issued.state).toBe('completed');
    // After the case moved on, an answer is refused.
    expect((await callApi('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Nachtrag' } })).status).toBe(409);
  });

  it('when the citizen does not answer within the deadline, then the application is back in review, and a second question can be answered', async () => {
    const { token, caseId, firstTask } = await caseWithQuestion('citizen-question-silent', 'Bitte bestätigen Sie Ihre Adresse.');
    const secondReview = await openReviewTask(caseId, firstTask);
    expect((await callApi<Body>('GET', `/cases/${caseId}`, { token })).body.awaitingAnswer).toBe(false);
    expect((await callApi('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Zu spät' } })).status).toBe(409);

    // A second round: its answer is its own, and resumes the process again.
    await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${secondReview.taskKey}/claim`);
    await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${secondReview.taskKey}/completion`, {
      variables: { reviewDecision: 'more-information', informationRequest: 'Letzte Rückfrage: Adresse?' },
    });
    await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.awaitingAnswer && body.messages.filter((m: Body) => m.template === 'information-requested').length === 2 ? body : undefined;
    }, 'the second question');
    expect((await callApi('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Bahnhofstrasse 1' } })).status).toBe(204);
    await openReviewTask(caseId, secondReview.taskKey as string);
  });
});
