/**
 * An RFC 9457 problem document as the portal's APIs answer it: `errors` name the refused fields
 * by JSON pointer ("/body/title"); an API may add members of its own (the modeller's lint
 * `findings`).
 * @typedef {{ type?: string, title?: string, status: number, detail?: string,
 *   errors?: Array<{ pointer: string, detail: string }>, [member: string]: unknown }} Problem
 */

/**
 * A refusal or failure of one of the portal's APIs, carrying its RFC 9457 problem document.
 * `unauthorized` marks the case where the page is already on its way to the login.
 */
export class ProblemError extends Error {
  /** @param {Problem} problem */
  constructor(problem) {
    super(problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
    this.unauthorized = problem.status === 401;
  }
}

/**
 * Whether an error is the API's 401: the page is already on its way to the login, so there is
 * nothing to tell.
 * @param {unknown} error
 */
export const isUnauthorized = (error) => error instanceof ProblemError && error.unauthorized;

/**
 * Whether an error is the API's answer with this status (e.g. 409: someone else holds the task).
 * @param {unknown} error
 * @param {number} status
 */
export const hasStatus = (error, status) => error instanceof ProblemError && error.status === status;

/**
 * The fields a 400 refused (RFC 9457 `errors`, by JSON pointer); none for any other error.
 * @param {unknown} error
 */
export const refusedFields = (error) => (error instanceof ProblemError && error.status === 400 ? error.problem.errors ?? [] : []);

// The API answers in German; these stand in when a proxy or the framework answers with a bare
// English reason phrase or with no problem document at all.
/** @type {{ [status: number]: string, 400: string, 500: string }} */
const germanTitleByStatus = {
  0: 'Keine Verbindung zum Server',
  400: 'Die Anfrage ist ungültig.',
  403: 'Dazu fehlt Ihnen die Berechtigung.',
  404: 'Nicht gefunden',
  409: 'Die Aufgabe wird bereits von jemand anderem bearbeitet.',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
  502: 'Der Dienst ist vorübergehend nicht erreichbar.',
  503: 'Der Dienst ist vorübergehend nicht erreichbar.',
  504: 'Der Dienst antwortet nicht rechtzeitig.',
};
const englishReasonPhrases = new Set([
  'Bad Request', 'Unauthorized', 'Forbidden', 'Not Found', 'Conflict', 'Too Many Requests',
  'Unprocessable Entity', 'Unprocessable Content', 'Internal Server Error', 'Bad Gateway',
  'Service Unavailable', 'Gateway Timeout',
]);

/**
 * What to tell the clerk about an error: a German title, an optional detail and the offending
 * fields. Server errors keep their internals to themselves and ask to try again.
 * @param {unknown} error
 * @returns {{ title: string, detail?: string, fieldErrors: Array<{ pointer: string, detail: string }> }}
 */
export function describeProblem(error) {
  if (!(error instanceof ProblemError)) {
    return { title: 'Unerwarteter Fehler', detail: 'Bitte laden Sie die Seite neu.', fieldErrors: [] };
  }
  const { status, title, detail, errors } = error.problem;
  const fallback = germanTitleByStatus[status] ?? (status >= 500 ? germanTitleByStatus[500] : germanTitleByStatus[400]);
  const germanTitle = !title || englishReasonPhrases.has(title) ? fallback : title;
  if (status === 0 || status >= 500) {
    return { title: germanTitle, detail: 'Bitte versuchen Sie es in einem Moment erneut.', fieldErrors: [] };
  }
  return { title: germanTitle, ...(detail ? { detail } : {}), fieldErrors: errors ?? [] };
}

/**
 * Reads a problem document from a failed response, or makes one from its status.
 * @param {Response} response
 * @returns {Promise<Problem>}
 */
export async function readProblem(response) {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      return { ...body, status: response.status };
    } catch {
      // A body that does not parse is no better than none.
    }
  }
  return { type: 'about:blank', title: '', status: response.status };
}
