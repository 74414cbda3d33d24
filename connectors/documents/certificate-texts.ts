/**
 * Texts of the residence certificate (Wohnsitzbestätigung, SVC-7, NF-2), one complete set per
 * language. German is the reference; a new language is one more entry and nothing else.
 */

export const CERTIFICATE_LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

export type CertificateTexts = {
  /** Heading of the document and its PDF title. */
  readonly title: string;
  /** BCP 47 tag written into the PDF, for screen readers. */
  readonly pdfLanguage: string;
  /** The issuing authority, e.g. 'Gemeinde Aarau'. */
  readonly issuer: (municipality: string) => string;
  readonly office: string;
  /** The sentence before the data, naming the municipality. */
  readonly confirmation: (municipality: string) => string;
  readonly labels: {
    readonly name: string;
    readonly dateOfBirth: string;
    readonly residenceType: string;
    readonly since: string;
    readonly address: string;
    readonly issuedOn: string;
    readonly certificateNumber: string;
  };
  readonly residenceTypes: { readonly main: string; readonly secondary: string };
  readonly electronicNote: string;
};

/** French elides 'de' before a vowel: 'commune d'Aarau', 'commune de Baden'. */
function frenchOf(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export const CERTIFICATE_TEXTS: Readonly<Record<CertificateLanguage, CertificateTexts>> = {
  de: {
    title: 'Wohnsitzbestätigung',
    pdfLanguage: 'de-CH',
    issuer: (municipality) => `Gemeinde ${municipality}`,
    office: 'Einwohnerkontrolle',
    confirmation: (municipality) =>
      `Die Einwohnerkontrolle der Gemeinde ${municipality} bestätigt, dass die nachstehend aufgeführte Person in der Gemeinde wie folgt gemeldet ist:`,
    labels: {
      name: 'Name',
      dateOfBirth: 'Geburtsdatum',
      residenceType: 'Art des Wohnsitzes',
      since: 'Zuzugsdatum',
      address: 'Adresse',
      issuedOn: 'Ausgestellt am',
      certificateNumber: 'Bestätigungsnummer',
    },
    residenceTypes: { main: 'Hauptwohnsitz', secondary: 'Nebenwohnsitz' },
    electronicNote: 'Dieses Dokument wurde elektronisch erstellt.',
  },
  fr: {
    title: 'Attestation de domicile',
    pdfLanguage: 'fr-CH',
    issuer: (municipality) => `Commune ${frenchOf(municipality)}`,
    office: 'Contrôle des habitants',
    confirmation: (municipality) =>
      `Le contrôle des habitants de la commune ${frenchOf(municipality)} atteste que la personne désignée ci-après est enregistrée dans la commune comme suit\u00a0:`,
    labels: {
      name: 'Nom',
      dateOfBirth: 'Date de naissance',
      residenceType: 'Type de domicile',
      since: 'Date d’arrivée',
      address: 'Adresse',
      issuedOn: 'Délivrée le',
      certificateNumber: 'Numéro de l’attestation',
    },
    residenceTypes: { main: 'Domicile principal', secondary: 'Domicile secondaire' },
    electronicNote: 'Ce document a été établi électroniquement.',
  },
  it: {
    title: 'Certificato di domicilio',
    pdfLanguage: 'it-CH',
    issuer: (municipality) => `Comune di ${municipality}`,
    office: 'Controllo abitanti',
    confirmation: (municipality) =>
      `Il Controllo abitanti del Comune di ${municipality} certifica che la persona sotto indicata è registrata nel Comune come segue:`,
    labels: {
      name: 'Nome',
      dateOfBirth: 'Data di nascita',
      residenceType: 'Tipo di domicilio',
      since: 'Data d’arrivo',
      address: 'Indirizzo',
      issuedOn: 'Rilasciato il',
      certificateNumber: 'Numero del certificato',
    },
    residenceTypes: { main: 'Domicilio principale', secondary: 'Domicilio secondario' },
    electronicNote: 'Il presente documento è stato allestito elettronicamente.',
  },
  en: {
    title: 'Certificate of Residence',
    pdfLanguage: 'en',
    issuer: (municipality) => `Municipality of ${municipality}`,
    office: 'Residents’ Registration Office',
    confirmation: (municipality) =>
      `The Residents’ Registration Office of the Municipality of ${municipality} certifies that the person named below is registered in the municipality as follows:`,
    labels: {
      name: 'Name',
      dateOfBirth: 'Date of birth',
      residenceType: 'Type of residence',
      since: 'Date of arrival',
      address: 'Address',
      issuedOn: 'Issued on',
      certificateNumber: 'Certificate number',
    },
    residenceTypes: { main: 'Main residence', secondary: 'Secondary residence' },
    electronicNote: 'This document was generated electronically.',
  },
};
