/** ISO 20022 amounts (up to five decimals, no sign) read exactly, never through binary floating point. */

const ISO_AMOUNT = /^(\d{1,13})(?:\.(\d{1,5}))?$/;

/** '20.10' → 2010, '20.1' → 2010, '20.100' → 2010; undefined for text that is not a whole number of Rappen. */
export function decimalToRappen(text: string): number | undefined {
  const match = ISO_AMOUNT.exec(text);
  if (match === null) return undefined;
  const [, francs = '', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) return undefined;
  return Number(francs) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
}

/** True for an amount ISO 20022 allows, in any currency. */
export function isIsoAmount(text: string): boolean {
  return ISO_AMOUNT.test(text);
}
