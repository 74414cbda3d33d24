import { Type } from '@sinclair/typebox';

/** The path parameter of every task route: the engine's user task key. */
export const TaskKeyParams = Type.Object({ taskKey: Type.String({ pattern: '^\\d{1,19}$' }) });
export const IncidentKeyParams = Type.Object({ incidentKey: Type.String({ pattern: '^\\d{1,19}$' }) });
export const CaseDocumentParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const DecisionUploadHeaders = Type.Object({ 'x-file-name': Type.String({ minLength: 1, maxLength: 200 }) });

export const TaskListQuery = Type.Object({
  view: Type.Union(['mine', 'unassigned', 'due-soon', 'overdue'].map((v) => Type.Literal(v)), { default: 'mine' }),
  service: Type.Optional(Type.String({ maxLength: 100 })),
  caseNumber: Type.Optional(Type.String({ maxLength: 36, pattern: '^[0-9A-Fa-f-]*$' })),
  citizen: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Union([Type.Literal('due'), Type.Literal('priority')], { default: 'due' }),
});

export const MessageBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false });
export const DatesBody = Type.Object({
  dueDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  followUpDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
}, { additionalProperties: false });
export const AssignmentBody = Type.Object({ assignee: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const CompletionBody = Type.Object({ variables: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Unknown(), { maxProperties: 50 }) }, { additionalProperties: false });

export const InternalTaskBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  description: Type.String({ maxLength: 4000, default: '' }),
  caseId: Type.Optional(Type.String({ format: 'uuid' })),
  assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  candidateGroup: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  dueDate: Type.Optional(Type.String({ format: 'date-time' })),
  followUpDate: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });
export const InternalTaskCreated = Type.Object({ id: Type.String({ format: 'uuid' }) });
