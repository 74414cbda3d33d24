import { describe, expect, it } from 'vitest';
import { isKnownTemplate, renderMessage } from '../../../../core/cases/message-texts.ts';

describe('renderMessage', () => {
  it.each([
    { reason: 'order-invalid', de: 'Die Bestellung ist unvollständig oder ungültig.', fr: 'La commande est incomplète ou invalide.' },
    { reason: 'person-not-found', de: 'Die Person ist im Einwohnerregister nicht verzeichnet.', fr: "La personne n'est pas inscrite au registre des habitants." },
    { reason: 'not-resident', de: 'Die Person hat keinen Hauptwohnsitz in der Gemeinde.', fr: "La personne n'a pas son domicile principal dans la commune." },
    { reason: 'review-rejected', de: 'Die Einwohnerkontrolle hat den Antrag nach Prüfung abgelehnt.', fr: 'Le contrôle des habitants a refusé la demande après examen.' },
  ])('when an application is rejected for $reason, then the reason is spelled out in German and French', ({ reason, de, fr }) => {
    expect(renderMessage('application-rejected', { reason }, 'de')).toBe(`Ihr Antrag wurde abgelehnt. Grund: ${de}`);
    expect(renderMessage('application-rejected', { reason }, 'fr')).toBe(`Votre demande a été refusée. Motif : ${fr}`);
  });

  it.each([
    { language: 'de', text: 'Ihre Bescheinigung ist ausgestellt. Sie finden sie unter «Meine Dokumente».' },
    { language: 'fr', text: 'Votre attestation a été établie. Vous la trouverez sous « Mes documents ».' },
    { language: 'it', text: 'Il suo attestato è stato rilasciato. Lo trova sotto «I miei documenti».' },
    { language: 'en', text: 'Your certificate has been issued. You will find it under "My documents".' },
  ])('when the certificate is issued in $language, then the message reads in that language', ({ language, text }) => {
    expect(renderMessage('certificate-issued', {}, language)).toBe(text);
  });

  it('when the case language has no templates, then the German text is used', () => {
    expect(renderMessage('application-rejected', { reason: 'not-resident' }, 'rm'))
      .toBe('Ihr Antrag wurde abgelehnt. Grund: Die Person hat keinen Hauptwohnsitz in der Gemeinde.');
  });

  it.each<{ reason: string; params: Record<string, string>; expected: string }>([
    { reason: 'an unknown code', params: { reason: 'court-order' }, expected: 'Ihr Antrag wurde abgelehnt. Grund: court-order' },
    { reason: 'missing', params: {}, expected: 'Ihr Antrag wurde abgelehnt. Grund: ' },
  ])('when the reason is $reason, then the text shows it as given', ({ params, expected }) => {
    expect(renderMessage('application-rejected', params, 'de')).toBe(expected);
  });

  it.each(['fee-reminder', 'Certificate-Issued', ''])('when the template "%s" is unknown, then it is returned as-is', (template) => {
    expect(renderMessage(template, { reason: 'not-resident' }, 'de')).toBe(template);
    expect(isKnownTemplate(template)).toBe(false);
  });

  // Lookups must not find members of Object.prototype.
  it.each(['constructor', 'toString'])('when the template "%s" is unknown, then it is returned as-is', (template) => {
    expect(renderMessage(template, {}, 'de')).toBe(template);
  });

  it('when the reason code is "constructor", then it is shown as given', () => {
    expect(renderMessage('application-rejected', { reason: 'constructor' }, 'de')).toBe('Ihr Antrag wurde abgelehnt. Grund: constructor');
  });

  it.each(['certificate-issued', 'application-rejected'])('when the template is %s, then it is known', (template) => {
    expect(isKnownTemplate(template)).toBe(true);
  });
});
