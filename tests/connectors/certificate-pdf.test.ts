import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  renderResidenceCertificatePdf,
  type ResidenceCertificateInput,
} from '../../connectors/documents/certificate-pdf.ts';
import { CERTIFICATE_LANGUAGES, CERTIFICATE_TEXTS } from '../../connectors/documents/certificate-texts.ts';

const certificate: ResidenceCertificateInput = {
  language: 'de',
  certificateNumber: 'WB-4021-2026-000042',
  issuedOn: '2026-11-22',
  municipality: { name: 'Baden' },
  person: { firstName: 'Jürg', lastName: 'Müsterli', dateOfBirth: '1972-11-02' },
  residence: {
    residenceType: 'main',
    since: '2001-10-01',
    address: { street: 'Probeweg', houseNumber: '7', postalCode: '5400', town: 'Baden' },
  },
};

async function read(pdf: Buffer): Promise<{ text: string; title: unknown }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  const { info } = await document.getMetadata();
  return { text: text.replace(/\s+/g, ' '), title: (info as { Title?: unknown }).Title };
}

describe('residence certificate PDF', () => {
  it('when issued in German, then it shows the German title, the person, the municipality and Swiss dates', async () => {
    const { text, title } = await read(await renderResidenceCertificatePdf(certificate));
    expect(title).toBe('Wohnsitzbestätigung');
    for (const expected of [
      'Wohnsitzbestätigung',
      'Gemeinde Baden',
      'Jürg Müsterli',
      '02.11.1972',
      'Hauptwohnsitz',
      '01.10.2001',
      'Probeweg 7',
      '5400 Baden',
      '22.11.2026',
      'WB-4021-2026-000042',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('when issued in French, then title, labels and residence type are French and elision is right', async () => {
    const pdf = await renderResidenceCertificatePdf({
      ...certificate,
      language: 'fr',
      municipality: { name: 'Aarau' },
      person: { firstName: 'Élodie', lastName: 'Exemple', dateOfBirth: '1968-01-30' },
      residence: { ...certificate.residence, residenceType: 'secondary' },
    });
    const { text, title } = await read(pdf);
    expect(title).toBe('Attestation de domicile');
    for (const expected of ['Attestation de domicile', 'Commune d’Aarau', 'Élodie Exemple', 'Domicile secondaire', 'Date de naissance', '30.01.1968']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Wohnsitzbestätigung');
  });

  it.each(CERTIFICATE_LANGUAGES)('when issued in %s, then the PDF title is that language’s title', async (language) => {
    const { text, title } = await read(await renderResidenceCertificatePdf({ ...certificate, language }));
    expect(title).toBe(CERTIFICATE_TEXTS[language].title);
    expect(text).toContain(CERTIFICATE_TEXTS[language].title);
  });

  it('when the same input is rendered twice, then the bytes are identical', async () => {
    const first = await renderResidenceCertificatePdf(certificate);
    const second = await renderResidenceCertificatePdf(certificate);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });

  it('when a name has letters outside WinAnsi, then they render without accents instead of as garbage', async () => {
    const pdf = await renderResidenceCertificatePdf({
      ...certificate,
      person: { ...certificate.person, lastName: 'Kovačević' },
    });
    expect((await read(pdf)).text).toContain('Jürg Kovacevic');
  });

  it('when the address has no house number, then the street stands alone', async () => {
    const pdf = await renderResidenceCertificatePdf({
      ...certificate,
      residence: { ...certificate.residence, address: { ...certificate.residence.address, street: 'Im Feld', houseNumber: null } },
    });
    const { text } = await read(pdf);
    expect(text).toContain('Im Feld');
    expect(text).not.toContain('null');
  });

  it('when a date is not a calendar date, then rendering fails with a RangeError', async () => {
    await expect(
      renderResidenceCertificatePdf({ ...certificate, issuedOn: '2026-02-30' }),
    ).rejects.toBeInstanceOf(RangeError);
  });
});
