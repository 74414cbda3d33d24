// Documents rendered from a service package's template: the residence certificate's, as the worker
// issues it, read back from the PDF.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { renderDocumentPdf } from '../../connectors/documents/document-pdf.ts';
import { readServicePackages } from '../../core/catalogue/service-packages.ts';
import { composeDocument, type DocumentOrder } from '../../core/documents/compose-document.ts';
import type { DocumentTemplate } from '../../core/documents/document-template.ts';
import { LANGUAGES, type Language } from '../../core/language.ts';

const baden: DocumentOrder['municipality'] = {
  id: 'baden',
  bfsNumber: 4021,
  name: 'Baden',
  letterhead: { street: 'Rathausgasse', buildingNumber: '5', postalCode: '5400', town: 'Baden', phone: '+41 56 000 40 21', email: 'einwohner@baden.example', website: 'www.baden.example' },
};
const aarau: DocumentOrder['municipality'] = { id: 'aarau', bfsNumber: 4001, name: 'Aarau', letterhead: null };

const certificate: DocumentOrder = {
  language: 'de',
  issuedOn: '2026-11-22',
  municipality: baden,
  variables: {
    caseId: '7f3a9c21-5b0e-4d8a-9e61-2c4b8d0f1a37',
    applicant: { firstName: 'Jürg', lastName: 'Müsterli', dateOfBirth: '1972-11-02' },
    resident: { residenceType: 'main', since: '2001-10-01', address: { street: 'Probeweg', houseNumber: '7', postalCode: '5400', town: 'Baden' } },
  },
};

let template: DocumentTemplate;
beforeAll(async () => {
  const packages = await readServicePackages(resolve(import.meta.dirname, '../../processes'));
  const found = packages.find((p) => p.manifest.id === 'residence-certificate')?.documentTemplates.find((t) => t.kind === 'residence-certificate');
  if (!found) throw new Error('the residence certificate package has no template residence-certificate');
  template = found.template;
});

const render = (order: DocumentOrder) => renderDocumentPdf(composeDocument(template, order));

async function read(pdf: Buffer): Promise<{ text: string; title: unknown }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  const { info } = await document.getMetadata();
  return { text: text.replace(/\s+/g, ' '), title: (info as { Title?: unknown }).Title };
}

describe('a document rendered from its package\'s template', () => {
  it('when the residence certificate is issued in German, then it shows the German title, the person, the municipality and Swiss dates', async () => {
    const { text, title } = await read(await render(certificate));
    expect(title).toBe('Wohnsitzbestätigung');
    for (const expected of [
      'Wohnsitzbestätigung',
      'Gemeinde Baden',
      'Einwohnerkontrolle',
      'Jürg Müsterli',
      'Geburtsdatum 02.11.1972',
      'Hauptwohnsitz',
      'Zuzugsdatum 01.10.2001',
      'Probeweg 7',
      '5400 Baden',
      'Baden, 22.11.2026',
      'Bestätigungsnummer WB-4021-7F3A9C21',
      'Dieses Dokument wurde elektronisch erstellt.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('when the municipality has a letterhead in its configuration, then its address and contact line head the document', async () => {
    const { text } = await read(await render(certificate));
    expect(text).toContain('Rathausgasse 5, 5400 Baden');
    expect(text).toContain('+41 56 000 40 21 · einwohner@baden.example · www.baden.example');
  });

  it('when the municipality has no letterhead configured, then the document names it alone', async () => {
    const { text } = await read(await render({ ...certificate, municipality: aarau }));
    expect(text).toContain('Gemeinde Aarau Einwohnerkontrolle Aarau, 22.11.2026');
    expect(text).not.toContain('Rathausgasse');
  });

  it('when issued in French, then title, labels and residence type are French and elision is right', async () => {
    const pdf = await render({
      ...certificate,
      language: 'fr',
      municipality: aarau,
      variables: {
        ...certificate.variables,
        applicant: { firstName: 'Élodie', lastName: 'Exemple', dateOfBirth: '1968-01-30' },
        resident: { ...certificate.variables.resident as object, residenceType: 'secondary' },
      },
    });
    const { text, title } = await read(pdf);
    expect(title).toBe('Attestation de domicile');
    for (const expected of ['Attestation de domicile', 'Commune d’Aarau', 'Contrôle des habitants', 'Élodie Exemple', 'Domicile secondaire', 'Date de naissance 30.01.1968']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Wohnsitzbestätigung');
  });

  const expectedIn: Record<Language, { title: string; issuer: string; texts: string[] }> = {
    de: { title: 'Wohnsitzbestätigung', issuer: 'Gemeinde Baden', texts: ['Art des Wohnsitzes Hauptwohnsitz', 'Adresse Probeweg 7', 'Bestätigungsnummer'] },
    fr: { title: 'Attestation de domicile', issuer: 'Commune de Baden', texts: ['Type de domicile Domicile principal', 'Adresse Probeweg 7', 'Numéro de l’attestation'] },
    it: { title: 'Certificato di domicilio', issuer: 'Comune di Baden', texts: ['Tipo di domicilio Domicilio principale', 'Indirizzo Probeweg 7', 'Numero del certificato'] },
    en: { title: 'Certificate of Residence', issuer: 'Municipality of Baden', texts: ['Type of residence Main residence', 'Address Probeweg 7', 'Certificate number'] },
  };

  it.each(LANGUAGES)('when issued in %s, then the PDF\'s title, its letterhead and its labels are that language\'s', async (language) => {
    const { text, title } = await read(await render({ ...certificate, language }));
    const expected = expectedIn[language];
    expect(title).toBe(expected.title);
    for (const part of [expected.title, expected.issuer, ...expected.texts, 'Jürg Müsterli', '02.11.1972', 'WB-4021-7F3A9C21']) expect(text).toContain(part);
    for (const other of LANGUAGES.filter((candidate) => candidate !== language)) expect(text).not.toContain(expectedIn[other].title);
  });

  it('when the same input is rendered twice, then the bytes are identical', async () => {
    const first = await render(certificate);
    const second = await render(certificate);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });

  it('when a name has letters outside WinAnsi, then they render without accents instead of as garbage', async () => {
    const variables = { ...certificate.variables, applicant: { ...certificate.variables.applicant as object, lastName: 'Kovačević' } };
    expect((await read(await render({ ...certificate, variables }))).text).toContain('Jürg Kovacevic');
  });

  it('when the address has no house number, then the street stands alone', async () => {
    const resident = certificate.variables.resident as { address: object };
    const variables = { ...certificate.variables, resident: { ...resident, address: { ...resident.address, street: 'Im Feld', houseNumber: null } } };
    const { text } = await read(await render({ ...certificate, variables }));
    expect(text).toContain('Adresse Im Feld 5400 Baden');
    expect(text).not.toContain('null');
  });

  it('when the issue date is not a calendar date, then rendering fails with a RangeError', async () => {
    await expect(render({ ...certificate, issuedOn: '2026-02-30' })).rejects.toBeInstanceOf(RangeError);
  });
});
