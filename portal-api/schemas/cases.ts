import { Type } from '@sinclair/typebox';

export const CaseIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CitizenAnswerSchema = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description: "The answer to the municipality's question" }),
}, { additionalProperties: false });
