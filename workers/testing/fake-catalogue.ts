// Support for the workers' unit tests: a catalogue of one municipality and the offices serving it.
import type { CatalogueRepository, Institution, Municipality, ServiceOffering } from '../../core/db/catalogue-repository.ts';

export const AARAU: Municipality = {
  id: 'aarau',
  bfsNumber: 4001,
  name: 'Aarau',
  participates: true,
  backOffice: { vendor: 'dialog', url: 'https://register.aarau.example/api', credentialRef: 'BACK_OFFICE_AARAU' },
  payrexx: { instance: 'aarau', credentialRef: 'PAYREXX_AARAU' },
  creditor: { name: 'Stadt Aarau', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau', iban: 'CH4431999123000889012' },
  letterhead: {
    street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau',
    phone: '+41 62 000 40 01', email: 'einwohnerkontrolle@aarau.example', website: 'www.aarau.example',
  },
};

export const DEBT_ENFORCEMENT_OFFICE: Institution = {
  id: 'betreibungsamt-aarau',
  kind: 'debt-enforcement-office',
  name: 'Betreibungsamt Aarau',
  backOffice: { vendor: 'obt', url: 'https://betreibung.aarau.example/api', credentialRef: 'BACK_OFFICE_BETREIBUNG' },
};

export const CIVIL_REGISTRY_OFFICE: Institution = {
  id: 'zivilstandsamt-aarau',
  kind: 'civil-registry-office',
  name: 'Zivilstandsamt Aarau',
  backOffice: { vendor: 'vemag', url: 'https://zivilstand.aargau.example/api', credentialRef: 'BACK_OFFICE_ZIVILSTAND' },
};

export const RESIDENCE_CERTIFICATE: ServiceOffering = {
  serviceId: 'residence-certificate',
  bpmnProcessId: 'residence-certificate',
  names: { de: 'Wohnsitzbestätigung', fr: 'Attestation de domicile', it: 'Attestato di domicilio', en: 'Certificate of residence' },
  expectedProcessingDays: 2,
  feeRappen: 3_000,
  paymentAccount: '4210.01',
  bookingText: 'Wohnsitzbestätigung',
  candidateGroup: 'einwohnerdienste',
  invoiceAllowed: true,
  audience: 'personal',
  descriptions: null,
  documents: [],
  paymentMethods: ['online', 'invoice'],
  settingDeclarations: {},
  settingValues: {},
};

/** The catalogue's answers for the given municipalities; each is served by the given offices and offers the given services. */
export function fakeCatalogue(
  { municipalities = [AARAU], institutions = [DEBT_ENFORCEMENT_OFFICE, CIVIL_REGISTRY_OFFICE], offerings = [RESIDENCE_CERTIFICATE] }:
  { municipalities?: Municipality[]; institutions?: Institution[]; offerings?: ServiceOffering[] } = {},
): CatalogueRepository {
  const municipality = (id: string) => municipalities.find((candidate) => candidate.id === id);
  return {
    findMunicipality: async (id) => municipality(id),
    listOfferings: async (id) => (municipality(id) ? offerings : []),
    findOffering: async (id, serviceId) => (municipality(id) ? offerings.find((offering) => offering.serviceId === serviceId) : undefined),
    expectedProcessingDays: async (serviceId) => offerings.find((offering) => offering.serviceId === serviceId)?.expectedProcessingDays,
    startForm: async () => undefined,
    intakeOf: async () => undefined,
    documentTemplates: async () => [],
    findInstitutionFor: async (id, kind) => (municipality(id) ? institutions.find((institution) => institution.kind === kind) : undefined),
  };
}
