/**
 * The simulators' residents: fictitious people in six Aargau municipalities. Tests and demos
 * refer to them by name (`SEEDED_RESIDENTS.aarauMain`); `residence` plus the household derived
 * from `householdId` is exactly what the port's `getResidence` must return for them, and `contact`
 * what `getContactData` returns before any change (both null when absent). Every vendor
 * simulator serves the same seed, so that one contract test suite runs against all of them.
 */
import type { BfsNumber, ContactData, IsoDate, OpenItem, Residence } from '../../connectors/back-office/port.ts';

/** The simulated municipalities by BFS number, with their official names. */
export const SIMULATED_MUNICIPALITIES = {
  4001: 'Aarau',
  4021: 'Baden',
  4082: 'Wohlen (AG)',
  4095: 'Brugg',
  4201: 'Lenzburg',
  4289: 'Zofingen',
} as const satisfies Record<BfsNumber, string>;

export type SeededResident = {
  /** Dialog's person id, unique within the municipality. */
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: IsoDate;
  /** Fictitious but check-digit-valid AHV number, '756.9999.xxxx.xx'. */
  readonly ahvNumber: string;
  /** eCH-0011 sex code: 1 male, 2 female. */
  readonly sex: 1 | 2;
  /** Residents with the same household id live together; absent for a one-person household. */
  readonly householdId?: string;
  readonly residence: Omit<Residence, 'household'>;
  /** Phone and e-mail the register holds (ADM-4); absent when it holds neither. */
  readonly contact?: ContactData;
};

const aarau = { bfsNumber: 4001, name: 'Aarau' } as const;
const baden = { bfsNumber: 4021, name: 'Baden' } as const;
const wohlen = { bfsNumber: 4082, name: 'Wohlen (AG)' } as const;
const brugg = { bfsNumber: 4095, name: 'Brugg' } as const;
const lenzburg = { bfsNumber: 4201, name: 'Lenzburg' } as const;
const zofingen = { bfsNumber: 4289, name: 'Zofingen' } as const;

export const SEEDED_RESIDENTS = {
  /** Ordinary main residence. */
  aarauMain: {
    id: 'P-4001-0001',
    firstName: 'Anna',
    lastName: 'Muster',
    dateOfBirth: '1985-03-14',
    ahvNumber: '756.9999.0001.09',
    sex: 2,
    householdId: 'H-4001-01',
    residence: {
      residenceType: 'main',
      since: '2015-06-01',
      movedOutOn: null,
      municipality: aarau,
      address: { street: 'Musterstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
      blocked: false,
    },
    contact: { phone: '+41791234567', email: 'anna.muster@example.ch' },
  },
  /** Main residence, record blocked for disclosure (Datensperre). */
  aarauBlocked: {
    id: 'P-4001-0002',
    firstName: 'Greta',
    lastName: 'Sperrli',
    dateOfBirth: '1993-12-24',
    ahvNumber: '756.9999.0002.08',
    sex: 2,
    residence: {
      residenceType: 'main',
      since: '2019-02-15',
      movedOutOn: null,
      municipality: aarau,
      address: { street: 'Beispielgasse', houseNumber: '4a', postalCode: '5000', town: 'Aarau' },
      blocked: true,
    },
  },
  /** Ordinary main residence; names with umlauts. */
  badenMain: {
    id: 'P-4021-0001',
    firstName: 'Jürg',
    lastName: 'Müsterli',
    dateOfBirth: '1972-11-02',
    ahvNumber: '756.9999.0003.07',
    sex: 1,
    residence: {
      residenceType: 'main',
      since: '2001-10-01',
      movedOutOn: null,
      municipality: baden,
      address: { street: 'Probeweg', houseNumber: '7', postalCode: '5400', town: 'Baden' },
      blocked: false,
    },
    contact: { phone: '+41562221133', email: null },
  },
  /** Same name and date of birth as `badenNamesakeB`: a search by name finds nobody unique. */
  badenNamesakeA: {
    id: 'P-4021-0002',
    firstName: 'Peter',
    lastName: 'Gleich',
    dateOfBirth: '1980-06-15',
    ahvNumber: '756.9999.0004.06',
    sex: 1,
    residence: {
      residenceType: 'main',
      since: '2010-04-01',
      movedOutOn: null,
      municipality: baden,
      address: { street: 'Zwillingsweg', houseNumber: '1', postalCode: '5400', town: 'Baden' },
      blocked: false,
    },
  },
  badenNamesakeB: {
    id: 'P-4021-0003',
    firstName: 'Peter',
    lastName: 'Gleich',
    dateOfBirth: '1980-06-15',
    ahvNumber: '756.9999.0005.05',
    sex: 1,
    residence: {
      residenceType: 'main',
      since: '2012-09-01',
      movedOutOn: null,
      municipality: baden,
      address: { street: 'Zwillingsweg', houseNumber: '3', postalCode: '5400', town: 'Baden' },
      blocked: false,
    },
  },
  /** Ordinary main residence. */
  wohlenMain: {
    id: 'P-4082-0001',
    firstName: 'Reto',
    lastName: 'Beispiel',
    dateOfBirth: '2001-09-09',
    ahvNumber: '756.9999.0006.04',
    sex: 1,
    residence: {
      residenceType: 'main',
      since: '2001-09-09',
      movedOutOn: null,
      municipality: wohlen,
      address: { street: 'Fiktivstrasse', houseNumber: '21', postalCode: '5610', town: 'Wohlen AG' },
      blocked: false,
    },
  },
  /** Ordinary main residence; Italian name. */
  bruggMain: {
    id: 'P-4095-0001',
    firstName: 'Chiara',
    lastName: 'Esempio',
    dateOfBirth: '1990-07-21',
    ahvNumber: '756.9999.0007.03',
    sex: 2,
    residence: {
      residenceType: 'main',
      since: '2018-03-01',
      movedOutOn: null,
      municipality: brugg,
      address: { street: 'Testgasse', houseNumber: '3', postalCode: '5200', town: 'Brugg' },
      blocked: false,
    },
  },
  /** Former resident: moved out of Brugg, so no longer resident there. */
  bruggMovedAway: {
    id: 'P-4095-0002',
    firstName: 'Walter',
    lastName: 'Wegzügler',
    dateOfBirth: '1955-02-28',
    ahvNumber: '756.9999.0008.02',
    sex: 1,
    residence: {
      residenceType: 'main',
      since: '1990-01-01',
      movedOutOn: '2023-08-31',
      municipality: brugg,
      address: { street: 'Abschiedsweg', houseNumber: '9', postalCode: '5200', town: 'Brugg' },
      blocked: false,
    },
  },
  /** Ordinary main residence; French name with accents. */
  lenzburgMain: {
    id: 'P-4201-0001',
    firstName: 'Élodie',
    lastName: 'Exemple',
    dateOfBirth: '1968-01-30',
    ahvNumber: '756.9999.0009.01',
    sex: 2,
    residence: {
      residenceType: 'main',
      since: '1996-05-15',
      movedOutOn: null,
      municipality: lenzburg,
      address: { street: 'Platzhalterstrasse', houseNumber: '5', postalCode: '5600', town: 'Lenzburg' },
      blocked: false,
    },
    contact: { phone: null, email: 'élodie.exemple@example.ch' },
  },
  /** Only a secondary residence (Nebenwohnsitz) in Lenzburg; the main residence is elsewhere. */
  lenzburgSecondary: {
    id: 'P-4201-0002',
    firstName: 'Nora',
    lastName: 'Nebenmuster',
    dateOfBirth: '1979-05-05',
    ahvNumber: '756.9999.0010.07',
    sex: 2,
    residence: {
      residenceType: 'secondary',
      since: '2021-04-01',
      movedOutOn: null,
      municipality: lenzburg,
      address: { street: 'Wochenaufenthaltsweg', houseNumber: '2', postalCode: '5600', town: 'Lenzburg' },
      blocked: false,
    },
  },
  /** Lives with `aarauMain`: a household of two, for collective orders (SVC-8). */
  aarauPartner: {
    id: 'P-4001-0003',
    firstName: 'Beat',
    lastName: 'Muster',
    dateOfBirth: '1983-08-02',
    ahvNumber: '756.9999.0011.06',
    sex: 1,
    householdId: 'H-4001-01',
    residence: {
      residenceType: 'main',
      since: '2015-06-01',
      movedOutOn: null,
      municipality: aarau,
      address: { street: 'Musterstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
      blocked: false,
    },
  },
  /** Ordinary main residence in the municipality on the fifth vendor. */
  zofingenMain: {
    id: 'P-4289-0001',
    firstName: 'Lea',
    lastName: 'Probst',
    dateOfBirth: '1999-10-10',
    ahvNumber: '756.9999.0012.05',
    sex: 2,
    residence: {
      residenceType: 'main',
      since: '2020-11-01',
      movedOutOn: null,
      municipality: zofingen,
      address: { street: 'Vorlagenweg', houseNumber: '8', postalCode: '4800', town: 'Zofingen' },
      blocked: false,
    },
    contact: { phone: '+41627459900', email: 'lea.probst@example.org' },
  },
} as const satisfies Record<string, SeededResident>;

export type SeededResidentName = keyof typeof SEEDED_RESIDENTS;

/** Open items of the finance module, by resident id; residents not listed have none. */
export const SEEDED_OPEN_ITEMS: Readonly<Record<string, readonly (OpenItem & { readonly inDebtEnforcement?: true })[]>> = {
  'P-4001-0001': [
    { itemId: 'OP-4001-1001', description: 'Gemeindesteuern 2025, Schlussrechnung', amountRappen: 125_000, dueDate: '2026-09-30' },
    { itemId: 'OP-4001-1002', description: 'Abfallgrundgebühr 2026', amountRappen: 18_000, dueDate: '2026-10-31' },
  ],
  // Greta Sperrli's bills serve the instalment plan's tests, one plan each: a plan takes its items out of the open ones.
  'P-4001-0002': [
    { itemId: 'OP-4001-2001', description: 'Gemeindesteuern 2025, 1. Rate', amountRappen: 48_000, dueDate: '2026-06-30' },
    { itemId: 'OP-4001-2002', description: 'Gemeindesteuern 2025, 2. Rate', amountRappen: 48_000, dueDate: '2026-09-30' },
    { itemId: 'OP-4001-2003', description: 'Wasser- und Abwassergebühren 2026', amountRappen: 36_000, dueDate: '2026-10-31' },
    { itemId: 'OP-4001-2004', description: 'Gemeindesteuern 2024, Nachsteuer', amountRappen: 420_000, dueDate: '2026-08-31' },
    { itemId: 'OP-4001-2005', description: 'Kehrichtgebühren 2026', amountRappen: 24_000, dueDate: '2026-11-30' },
    { itemId: 'OP-4001-2006', description: 'Hundesteuer 2026', amountRappen: 15_000, dueDate: '2026-04-30' },
    { itemId: 'OP-4001-2007', description: 'Feuerwehrersatzabgabe 2026', amountRappen: 30_000, dueDate: '2026-11-30' },
    { itemId: 'OP-4001-2008', description: 'Gemeindesteuern 2023, Nachsteuer', amountRappen: 2_600_000, dueDate: '2026-03-31' },
    { itemId: 'OP-4001-2009', description: 'Gemeindesteuern 2022', amountRappen: 150_000, dueDate: '2025-03-31', inDebtEnforcement: true },
    { itemId: 'OP-4001-2010', description: 'Parkkarte Altstadt 2026', amountRappen: 12_000, dueDate: '2026-12-31' },
  ],
  'P-4021-0001': [
    { itemId: 'OP-4021-1001', description: 'Gemeindesteuern 2024', amountRappen: 310_000, dueDate: '2025-09-30', inDebtEnforcement: true },
    { itemId: 'OP-4021-1002', description: 'Wasserzins 2026', amountRappen: 6_500, dueDate: '2026-12-31' },
  ],
  'P-4289-0001': [
    { itemId: 'OP-4289-1001', description: 'Hundesteuer 2026', amountRappen: 15_000, dueDate: '2026-11-30' },
  ],
};

/** Total below which the finance module refuses an instalment plan (CHF 100.00). */
export const INSTALMENT_PLAN_MINIMUM_RAPPEN = 10_000;

/** Article stock every simulated municipality starts with. */
export const SEEDED_STOCK: Readonly<Record<string, number>> = {
  'KEHRICHT-17L': 500,
  'KEHRICHT-35L': 500,
  'KEHRICHT-60L': 200,
  'HUNDEMARKE-2027': 0,
};

/** Debt-enforcement proceedings known to the district offices, by resident id; others have none. */
export const SEEDED_DEBT_PROCEEDINGS: Readonly<Record<string, number>> = {
  'P-4021-0001': 2,
};
