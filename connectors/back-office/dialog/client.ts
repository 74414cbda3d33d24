/** One Dialog call: headers, JSON in and out, and Dialog's problem answers mapped to the port's errors. */
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { BackOfficeProtocolError } from '../errors.ts';
import { decodeBody, exchange, faultForStatus, isSuccess } from '../http/exchange.ts';
import type { BackOfficeCallContext } from '../port.ts';
import { DialogProblem } from './api.ts';

export const DIALOG = 'Dialog';

export type DialogSettings = { readonly baseUrl: URL; readonly apiKey: string; readonly timeoutMs: number };

/** A 2xx body, or a problem whose type the operation reads as a business answer. */
export type DialogAnswer<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly problem: DialogProblem };

const problemCheck = TypeCompiler.Compile(DialogProblem);

export async function callDialog<T extends TSchema>(
  settings: DialogSettings,
  call: {
    readonly operation: string;
    readonly method: 'GET' | 'POST' | 'PUT';
    readonly path: string;
    readonly body?: unknown;
    readonly answer: TypeCheck<T>;
    /** Problem types that are business answers, not faults. */
    readonly businessProblems?: readonly string[];
    readonly context: BackOfficeCallContext;
  },
): Promise<DialogAnswer<Static<T>>> {
  const { operation } = call;
  const response = await exchange({
    vendor: DIALOG,
    operation,
    url: new URL(call.path, settings.baseUrl),
    method: call.method,
    headers: {
      accept: 'application/json',
      'x-api-key': settings.apiKey,
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    timeoutMs: settings.timeoutMs,
    context: call.context,
  });
  const json = parseJson(decodeBody(response.bytes));
  if (isSuccess(response)) {
    if (json === undefined) {
      throw new BackOfficeProtocolError(`${DIALOG} ${operation}: answer ${response.status} is not valid JSON`, {
        vendor: DIALOG,
        operation,
        status: response.status,
      });
    }
    return { ok: true, body: expectShape(call.answer, json, operation, response.status) };
  }
  if (problemCheck.Check(json) && call.businessProblems?.includes(json.type)) {
    return { ok: false, problem: json };
  }
  throw faultForStatus(DIALOG, operation, response);
}

export function compile<T extends TSchema>(schema: T): TypeCheck<T> {
  return TypeCompiler.Compile(schema);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function expectShape<T extends TSchema>(check: TypeCheck<T>, body: unknown, operation: string, status: number): Static<T> {
  if (check.Check(body)) return body;
  // The path of the first offending field, never its value: values may be personal data.
  const first = check.Errors(body).First();
  const where = first === undefined ? '' : ` at '${first.path || '/'}'`;
  throw new BackOfficeProtocolError(`${DIALOG} ${operation}: answer does not have the documented shape${where}`, {
    vendor: DIALOG,
    operation,
    status,
  });
}

/** A call without business problems: the 2xx body, or the call's fault. */
export async function callDialogForBody<T extends TSchema>(
  settings: DialogSettings,
  call: Omit<Parameters<typeof callDialog<T>>[1], 'businessProblems'>,
): Promise<Static<T>> {
  const answer = await callDialog(settings, call);
  if (answer.ok) return answer.body;
  // Unreachable: without business problems every problem is thrown as a fault.
  throw new BackOfficeProtocolError(`${DIALOG} ${call.operation}: unexpected problem`, { vendor: DIALOG, operation: call.operation });
}
