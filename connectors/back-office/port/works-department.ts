/** The works department (Werkhof / Bauverwaltung) as the back-office port asks it. */
import type { PlatformReference } from './values.ts';

export type DamageCategory = 'road' | 'lighting' | 'waste' | 'water' | 'green-space' | 'other';

/** A citizen's report of damage in public space (SVC "Schadenmeldung"). */
export type DamageReport = {
  readonly reference: PlatformReference;
  readonly category: DamageCategory;
  /** Free text of the citizen, at most 2000 characters; never logged. */
  readonly description: string;
  /** WGS84 position of the damage. */
  readonly location: { readonly latitude: number; readonly longitude: number };
  /** When the citizen reported it, ISO 8601 with offset. */
  readonly reportedAt: string;
};

export type DamageReportReceipt = { readonly ticketId: string };
