import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import type { Logger } from 'pino';
import { BackOfficeUnavailableError } from '../errors.ts';
import type { BackOfficePort } from '../port.ts';
import { wrapPort } from './wrap-port.ts';

export type CircuitBreakerSettings = {
  /** Consecutive outages (timeouts, 5xx, 429, refused connections) that open the circuit. */
  readonly failuresToOpen: number;
  /** How long an open circuit fails calls at once before one probe call may pass. */
  readonly openForMs: number;
};

export type BreakerState = 'closed' | 'open' | 'half-open';

export type GuardedPort = BackOfficePort & { breakerState(): BreakerState };

/**
 * One circuit breaker per endpoint: after `failuresToOpen` consecutive outages, calls fail at
 * once with a retryable BackOfficeUnavailableError instead of hammering a vendor that is down;
 * after `openForMs` one call probes, and its success closes the circuit. Refusals and protocol
 * faults prove that the vendor answers, so they do not count.
 */
export function withCircuitBreaker(
  port: BackOfficePort,
  settings: CircuitBreakerSettings,
  log: { readonly logger: Logger; readonly endpoint: string },
): GuardedPort {
  const breaker = circuitBreaker(handleWhen((error) => error instanceof BackOfficeUnavailableError), {
    halfOpenAfter: settings.openForMs,
    breaker: new ConsecutiveBreaker(settings.failuresToOpen),
  });
  let openedAt = 0;
  const fields = { vendor: port.vendor, endpoint: log.endpoint };
  breaker.onBreak(() => {
    openedAt = Date.now();
    log.logger.warn({ ...fields, openForMs: settings.openForMs }, 'back-office circuit opened');
  });
  breaker.onHalfOpen(() => log.logger.info(fields, 'back-office circuit half-open, probing'));
  breaker.onReset(() => log.logger.info(fields, 'back-office circuit closed'));

  const guarded = wrapPort(port, async (operation, _context, call) => {
    try {
      return await breaker.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new BackOfficeUnavailableError(`${port.vendor} ${operation}: circuit open after repeated outages`, {
          vendor: port.vendor,
          operation,
          retryAfterMs: Math.max(0, openedAt + settings.openForMs - Date.now()),
        });
      }
      throw error;
    }
  });
  const states: Record<CircuitState, BreakerState> = {
    [CircuitState.Closed]: 'closed',
    [CircuitState.Open]: 'open',
    [CircuitState.HalfOpen]: 'half-open',
    [CircuitState.Isolated]: 'open',
  };
  return { ...guarded, breakerState: () => states[breaker.state] };
}
