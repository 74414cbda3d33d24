import { Type } from '@sinclair/typebox';

export const LanguageSchema = Type.Union(
  [Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')],
  { description: 'Language of documents and texts (German first)' },
);

export const LocalisedTextSchema = Type.Object(
  { de: Type.String(), fr: Type.Optional(Type.String()), it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
  { $id: 'LocalisedText' },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, Type.Ref('Problem')]));
