import { BACK_OFFICE_OPERATIONS, type BackOfficeCallContext, type BackOfficeOperation, type BackOfficePort } from '../port.ts';

/** Runs `around` around every operation of `port`; a decorator for concerns every call shares. */
export function wrapPort(
  port: BackOfficePort,
  around: <T>(operation: BackOfficeOperation, context: BackOfficeCallContext, call: () => Promise<T>) => Promise<T>,
): BackOfficePort {
  const wrapped: Record<string, unknown> = { vendor: port.vendor };
  for (const operation of BACK_OFFICE_OPERATIONS) {
    const original = port[operation] as (input: unknown, context: BackOfficeCallContext) => Promise<unknown>;
    wrapped[operation] = (input: unknown, context: BackOfficeCallContext) =>
      around(operation, context, () => original.call(port, input, context));
  }
  return wrapped as unknown as BackOfficePort;
}
