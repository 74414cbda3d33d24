/**
 * The simulator's residents: fictitious people in five Aargau municipalities. Tests and demos
 * refer to them by name (`SEEDED_RESIDENTS.aarauMain`); `residence` is exactly what the port's
 * `getResidence` must return for them.
 */
import type { BfsNumber, IsoDate, Residence } from '../port.ts';

/** The simulated municipalities by BFS number, with their official names. */
export const SIMULATED_MUNICIPALITIES = {
  4001: 'Aarau',
  4021: 'Baden',
  4082: 'Wohlen (AG)',
  4095: 'Brugg',
  4201: 'Lenzburg',
} as const satisfies Record<BfsNumber, string>;

export type SeededResident = {
  /** Dialog's person id, unique within the municipality. */
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: IsoDate;
  /** Fictitious but check-digit-valid AHV number, '756.9999.xxxx.xx'. */
  readonly ahvNumber: string;
  readonly residence: Residence;
};

const aarau = { bfsNumber: 4001, name: 'Aarau' } as const;
const baden = { bfsNumber: 4021, name: 'Baden' } as const;
const wohlen = { bfsNumber: 4082, name: 'Wohlen (AG)' } as const;
const brugg = { bfsNumber: 4095, name: 'Brugg' } as const;
const lenzburg = { bfsNumber: 4201, name: 'Lenzburg' } as const;

export const SEEDED_RESIDENTS = {
  /** Ordinary main residence. */
  aarauMain: {
    id: 'P-4001-0001',
    firstName: 'Anna',
    lastName: 'Muster',
    dateOfBirth: '1985-03-14',
    ahvNumber: '756.9999.0001.09',
    residence: {
      residenceType: 'main',
      since: '2015-06-01',
      movedOutOn: null,
      municipality: aarau,
      address: { street: 'Musterstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
      blocked: false,
    },
  },
  /** Main residence, record blocked for disclosure (Datensperre). */
  aarauBlocked: {
    id: 'P-4001-0002',
    firstName: 'Greta',
    lastName: 'Sperrli',
    dateOfBirth: '1993-12-24',
    ahvNumber: '756.9999.0002.08',
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
    residence: {
      residenceType: 'main',
      since: '2001-10-01',
      movedOutOn: null,
      municipality: baden,
      address: { street: 'Probeweg', houseNumber: '7', postalCode: '5400', town: 'Baden' },
      blocked: false,
    },
  },
  /** Same name and date of birth as `badenNamesakeB`: a search by name finds nobody unique. */
  badenNamesakeA: {
    id: 'P-4021-0002',
    firstName: 'Peter',
    lastName: 'Gleich',
    dateOfBirth: '1980-06-15',
    ahvNumber: '756.9999.0004.06',
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
    residence: {
      residenceType: 'main',
      since: '1996-05-15',
      movedOutOn: null,
      municipality: lenzburg,
      address: { street: 'Platzhalterstrasse', houseNumber: '5', postalCode: '5600', town: 'Lenzburg' },
      blocked: false,
    },
  },
  /** Only a secondary residence (Nebenwohnsitz) in Lenzburg; the main residence is elsewhere. */
  lenzburgSecondary: {
    id: 'P-4201-0002',
    firstName: 'Nora',
    lastName: 'Nebenmuster',
    dateOfBirth: '1979-05-05',
    ahvNumber: '756.9999.0010.07',
    residence: {
      residenceType: 'secondary',
      since: '2021-04-01',
      movedOutOn: null,
      municipality: lenzburg,
      address: { street: 'Wochenaufenthaltsweg', houseNumber: '2', postalCode: '5600', town: 'Lenzburg' },
      blocked: false,
    },
  },
} as const satisfies Record<string, SeededResident>;

export type SeededResidentName = keyof typeof SEEDED_RESIDENTS;
