import type { Logger } from 'pino';
import { isBackOfficeError } from '../errors.ts';
import type { BackOfficePort } from '../port.ts';
import { wrapPort } from './wrap-port.ts';

/**
 * One log line per back-office call: correlation id, vendor, operation, municipality, duration
 * and, on failure, the error code and status. Never inputs or answers: they are personal data.
 */
export function withCallLog(port: BackOfficePort, logger: Logger): BackOfficePort {
  return wrapPort(port, async (operation, context, call) => {
    const startedAt = performance.now();
    const fields = () => ({
      correlationId: context.correlationId,
      vendor: port.vendor,
      operation,
      municipalityBfs: context.municipalityBfs,
      durationMs: Math.round(performance.now() - startedAt),
    });
    try {
      const answer = await call();
      logger.info(fields(), 'back-office call');
      return answer;
    } catch (error) {
      if (context.signal.aborted) {
        logger.info(fields(), 'back-office call aborted by caller');
      } else if (isBackOfficeError(error)) {
        logger.warn({ ...fields(), status: error.status, errorCode: error.code, retryable: error.retryable }, 'back-office call failed');
      } else {
        logger.error({ ...fields(), errorName: error instanceof Error ? error.name : typeof error }, 'back-office call failed unexpectedly');
      }
      throw error;
    }
  });
}
