import type { CaseMessage, CaseRow, DocumentMeta, PhaseEntry } from '../db/cases-repository.ts';
import type { Instalment, InstalmentState } from '../db/instalments-repository.ts';
import type { Payment } from '../db/payments-repository.ts';
import type { Language, LocalisedText } from '../language.ts';
import type { CaseDetail, CaseSummary } from './case-schemas.ts';
import { authorOf, renderMessage, templateName } from './message-texts.ts';

// Shown until the engine's first record about the instance has arrived.
const SUBMITTED: LocalisedText = { de: 'Übermittelt', fr: 'Transmis', it: 'Trasmesso', en: 'Submitted' };
// Shown while an incident holds the case: neutral, no technical detail for the citizen.
const DELAYED: LocalisedText = { de: 'Verzögert', fr: 'Retardé', it: 'In ritardo', en: 'Delayed' };

const DAY_MS = 24 * 60 * 60 * 1000;

const INSTALMENT_STATES: Record<InstalmentState, LocalisedText> = {
  open: { de: 'Offen', fr: 'Ouverte', it: 'Aperta', en: 'Open' },
  paid: { de: 'Bezahlt', fr: 'Payée', it: 'Pagata', en: 'Paid' },
  reminded: { de: 'Erinnert', fr: 'Rappelée', it: 'Sollecitata', en: 'Reminded' },
  missed: { de: 'Nicht bezahlt', fr: 'Impayée', it: 'Non pagata', en: 'Missed' },
  cancelled: { de: 'Aufgehoben', fr: 'Annulée', it: 'Annullata', en: 'Cancelled' },
};

export const labelIn = (text: LocalisedText, language: string): string =>
  text[language as Language] ?? text.de;

function stateOf(row: CaseRow): CaseSummary['state'] {
  if (row.instanceState === 'COMPLETED') return 'completed';
  if (row.instanceState === 'TERMINATED') return 'cancelled';
  return 'in-progress';
}

export function toCaseSummary(row: CaseRow): CaseSummary {
  const delayed = row.openIncidents > 0;
  const phase = delayed ? DELAYED : (row.currentPhase ?? SUBMITTED);
  return {
    id: row.id,
    serviceId: row.serviceId,
    municipalityId: row.municipalityId,
    language: row.language as Language,
    submittedAt: row.createdAt.toISOString(),
    state: stateOf(row),
    phase,
    phaseLabel: labelIn(phase, row.language),
    delayed,
    awaitingAnswer: !delayed && row.awaits !== null && row.instanceState === 'ACTIVE',
    outcome: row.outcome,
    organisation: row.organisation,
  };
}

export interface CaseDetailParts {
  history: PhaseEntry[];
  documents: DocumentMeta[];
  messages: CaseMessage[];
  expectedProcessingDays: number;
  payment: Payment | undefined;
  /** The case's instalment plan, by number; empty for other cases. */
  instalments: Instalment[];
}

function paymentView(payment: Payment | undefined): CaseDetail['payment'] {
  if (!payment) return null;
  return {
    method: payment.method,
    status: payment.status,
    amountRappen: payment.amountRappen,
    paymentUrl: payment.status === 'open' ? payment.paymentUrl : null,
    paidWith: payment.paidWith,
    paidAt: payment.paidAt?.toISOString() ?? null,
  };
}

function instalmentPlanView(instalments: Instalment[], language: string): CaseDetail['instalmentPlan'] {
  if (instalments.length === 0) return null;
  const sum = (of: Instalment[]) => of.reduce((total, instalment) => total + instalment.amountRappen, 0);
  return {
    totalRappen: sum(instalments),
    paidRappen: sum(instalments.filter((instalment) => instalment.state === 'paid')),
    instalments: instalments.map((instalment) => ({
      number: instalment.number,
      dueDate: instalment.dueOn,
      amountRappen: instalment.amountRappen,
      reference: instalment.reference,
      state: instalment.state,
      stateLabel: labelIn(INSTALMENT_STATES[instalment.state], language),
    })),
  };
}

export function toCaseDetail(row: CaseRow, parts: CaseDetailParts): CaseDetail {
  return {
    ...toCaseSummary(row),
    completedAt: row.endedAt?.toISOString() ?? null,
    expectedProcessingDays: parts.expectedProcessingDays,
    expectedCompletionBy: new Date(row.createdAt.getTime() + parts.expectedProcessingDays * DAY_MS).toISOString(),
    history: parts.history.map((entry) => ({
      phase: entry.phase, phaseLabel: labelIn(entry.phase, row.language), enteredAt: entry.enteredAt.toISOString(),
    })),
    documents: parts.documents.map((doc) => ({
      ...doc, createdAt: doc.createdAt.toISOString(), href: `/documents/${doc.id}`,
    })),
    messages: parts.messages.map((message) => ({
      template: templateName(message.template),
      author: authorOf(message.template),
      text: renderMessage(message.template, message.params, row.language),
      createdAt: message.createdAt.toISOString(),
    })),
    request: row.serviceRequest,
    payment: paymentView(parts.payment),
    instalmentPlan: instalmentPlanView(parts.instalments, row.language),
  };
}
