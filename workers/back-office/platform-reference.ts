import { createHash } from 'node:crypto';

/**
 * The idempotency key of one back-office write: the case and the diagram element that writes,
 * so that every retry of the job — and a worker that crashed after writing — reuses it. Fits
 * the port's 64 characters of [A-Za-z0-9._:-] whatever the element id.
 */
export function platformReference(caseId: string, elementId: string): string {
  const readable = `${caseId}:${elementId}`;
  if (readable.length <= 64 && /^[A-Za-z0-9._:-]+$/.test(readable)) return readable;
  return `${caseId.slice(0, 36)}:${createHash('sha256').update(elementId).digest('hex').slice(0, 27)}`;
}
