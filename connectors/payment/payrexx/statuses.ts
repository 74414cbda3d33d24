/**
 * Transaction and gateway statuses as Payrexx writes them
 * (https://docs.payrexx.com/developer/guides/webhook/transaction and the PHP SDK's response model).
 * Payrexx writes the pending refund both as 'refund_pending' (webhooks) and 'refundpending'
 * (older API answers); the client reports it as 'refund_pending' only.
 */
export const PAYREXX_STATUSES = [
  'waiting',
  'confirmed',
  'authorized',
  'reserved',
  'declined',
  'cancelled',
  'refunded',
  'partially-refunded',
  'refund_pending',
  'chargeback',
  'error',
  'expired',
] as const;

export type PayrexxStatus = (typeof PAYREXX_STATUSES)[number];

/** The status for Payrexx's spelling, or undefined for one this client does not know. */
export function toPayrexxStatus(raw: string): PayrexxStatus | undefined {
  if (raw === 'refundpending') return 'refund_pending';
  return (PAYREXX_STATUSES as readonly string[]).includes(raw) ? (raw as PayrexxStatus) : undefined;
}
