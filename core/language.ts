import { Type } from '@sinclair/typebox';

/** The four languages of every text a citizen or clerk reads, German first. */
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalisedText = { de: string } & Partial<Record<Exclude<Language, 'de'>, string>>;

export const LanguageSchema = Type.Union(
  [Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')],
  { description: 'Language of documents and texts (German first)' },
);

export const LocalisedTextSchema = Type.Object(
  { de: Type.String(), fr: Type.Optional(Type.String()), it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
  { $id: 'LocalisedText' },
);
