// form-js writes its validation messages in English and offers no translation hook; this module
// wraps its validator so that the form shows and returns German messages.

/** @type {Array<[RegExp, (match: RegExpExecArray) => string]>} */
const translations = [
  [/^Field is required\.$/, () => 'Bitte füllen Sie dieses Feld aus.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Der Wert muss mindestens ${m[1]} betragen.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Der Wert darf höchstens ${m[1]} betragen.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Bitte geben Sie mindestens ${m[1]} Zeichen ein.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Bitte geben Sie höchstens ${m[1]} Zeichen ein.`],
  [/^Field must match pattern /, () => 'Die Eingabe hat nicht das erwartete Format.'],
  [/^Field must be a valid email\.$/, () => 'Bitte geben Sie eine gültige E-Mail-Adresse ein.'],
  [/^Field must be a valid\s+international phone number/, () => 'Bitte geben Sie eine gültige Telefonnummer im internationalen Format ein (z. B. +41 62 123 45 67).'],
  [/^Value is not a number\.$/, () => 'Bitte geben Sie eine Zahl ein.'],
  [/^Value is expected to be an integer\.$/, () => 'Bitte geben Sie eine ganze Zahl ein.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Bitte geben Sie höchstens ${m[1]} Nachkommastellen ein.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (m) => `Bitte wählen Sie einen gültigen Wert, zum Beispiel ${m[1]} oder ${m[2]}.`],
];

/**
 * The German text of a form-js validation message; unknown messages (e.g. a schema's own) pass unchanged.
 * @param {string} message
 */
export function translateValidationMessage(message) {
  for (const [pattern, german] of translations) {
    const match = pattern.exec(message);
    if (match) return german(match);
  }
  return message;
}

/**
 * form-js's validator, whose two methods answer a field's messages.
 * @typedef {Record<'validateField' | 'validateFieldInstance', (...args: unknown[]) => string[]>} Validator
 */

/** @param {Validator} validator */
function GermanValidationMessages(validator) {
  for (const method of /** @type {const} */ (['validateField', 'validateFieldInstance'])) {
    const original = validator[method].bind(validator);
    validator[method] = (...args) => original(...args).map(translateValidationMessage);
  }
}
GermanValidationMessages.$inject = ['validator'];

/** A form-js module: pass it in `additionalModules`. */
export const germanValidationModule = {
  __init__: ['germanValidationMessages'],
  germanValidationMessages: ['type', GermanValidationMessages],
};
