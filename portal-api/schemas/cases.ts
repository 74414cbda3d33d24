import { Type } from '@sinclair/typebox';

export const CaseIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CitizenAnswerSchema = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description: "The answer to the municipality's question" }),
}, { additionalProperties: false });

export const CaseListQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false });
export const DocumentIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
