/**
 * An app's texts by language. German is complete; fr, it and en follow (NF-2): a text missing in
 * another language falls back to German, so a half-translated language still works.
 * @template {object} T
 * @param {T} german every text
 * @param {Record<string, Partial<T>>} [translations] the other languages' texts, by language code
 * @returns {(language?: string) => T} the texts of a language ("de", "fr", ...)
 */
export function textsByLanguage(german, translations = {}) {
  return (language = 'de') => ({ ...german, ...(translations[language] ?? {}) });
}
