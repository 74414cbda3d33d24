import { Type, type Static } from '@sinclair/typebox';
import { LanguageSchema } from '../language.ts';

const LocalisedText = Type.Ref('LocalisedText');

export const CaseSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  serviceId: Type.String(),
  municipalityId: Type.String(),
  language: LanguageSchema,
  submittedAt: Type.String({ format: 'date-time' }),
  state: Type.Union([Type.Literal('in-progress'), Type.Literal('completed'), Type.Literal('cancelled')]),
  phase: LocalisedText,
  phaseLabel: Type.String({ description: 'The phase in the case language' }),
  delayed: Type.Boolean({ description: 'A technical fault holds the case up; it continues once fixed' }),
  awaitingAnswer: Type.Boolean({ description: 'The municipality asked a question (see messages); answer with POST /cases/{id}/answers' }),
  outcome: Type.Union([Type.String(), Type.Null()], { description: 'issued, rejected, ... once known' }),
  organisation: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }), Type.Null()], {
    description: 'The organisation the case concerns, visible to all its members (ORG-4); null for a personal case',
  }),
}, { $id: 'CaseSummary' });

export const CaseDetailSchema = Type.Composite([
  Type.Omit(CaseSummarySchema, []),
  Type.Object({
    completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    expectedProcessingDays: Type.Integer(),
    expectedCompletionBy: Type.String({ format: 'date-time' }),
    history: Type.Array(Type.Object({ phase: LocalisedText, phaseLabel: Type.String(), enteredAt: Type.String({ format: 'date-time' }) })),
    documents: Type.Array(Type.Object({
      id: Type.String({ format: 'uuid' }), kind: Type.String(), fileName: Type.String(), mediaType: Type.String(),
      createdAt: Type.String({ format: 'date-time' }), href: Type.String(),
    })),
    messages: Type.Array(Type.Object({
      template: Type.String(),
      author: Type.Union([Type.Literal('municipality'), Type.Literal('citizen')]),
      text: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    })),
    request: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
      description: 'What the citizen asked for beyond the applicant (e.g. the new contact data, ADM-4), while the case runs; null otherwise',
    }),
    payment: Type.Union([
      Type.Object({
        method: Type.Union([Type.Literal('online'), Type.Literal('invoice')]),
        status: Type.Union(['open', 'paid', 'cancelled', 'refunded', 'partially-refunded', 'refund-due'].map((s) => Type.Literal(s))),
        amountRappen: Type.Integer({ description: 'CHF 20.00 is 2000' }),
        paymentUrl: Type.Union([Type.String(), Type.Null()], { description: "Payrexx's payment page while an online payment is open" }),
        paidWith: Type.Union([Type.String(), Type.Null()], { description: 'twint, post-finance-card, visa, ..., bank-transfer' }),
        paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
      Type.Null(),
    ], { description: 'The fee, once it has been requested' }),
    instalmentPlan: Type.Union([
      Type.Object({
        totalRappen: Type.Integer({ description: 'What the plan covers, in Rappen' }),
        paidRappen: Type.Integer({ description: 'What the bank has credited of it so far' }),
        instalments: Type.Array(Type.Object({
          number: Type.Integer({ minimum: 1 }),
          dueDate: Type.String({ format: 'date' }),
          amountRappen: Type.Integer(),
          reference: Type.String({ description: 'The QR reference its QR-bill carries' }),
          state: Type.Union(['open', 'paid', 'reminded', 'missed', 'cancelled'].map((state) => Type.Literal(state)), {
            description: 'open; paid (credited by the bank); reminded (overdue, reminded); missed (unpaid after the reminder\'s grace period: the plan ended); cancelled (left open when the plan ended)',
          }),
          stateLabel: Type.String({ description: 'The state in the case language' }),
        })),
      }),
      Type.Null(),
    ], { description: 'The instalment plan once it is agreed (issue 15): each instalment with its due date, amount and state; null for other cases' }),
  }),
], { $id: 'CaseDetail' });

export type CaseSummary = Static<typeof CaseSummarySchema>;
export type CaseDetail = Static<typeof CaseDetailSchema>;

