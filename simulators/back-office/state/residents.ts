import { parseAhvNumber } from '../../../connectors/back-office/ahv-number.ts';
import { applyContactDataChange, NO_CONTACT_DATA } from '../../../connectors/back-office/contact-data.ts';
import type {
  ContactData,
  ContactDataChange,
  ContactDataChangeReceipt,
  IsoDate,
  Residence,
  ResidentMatch,
} from '../../../connectors/back-office/port.ts';
import type { SeededResident } from '../seed.ts';
import type { WriteLog } from './write-log.ts';

export type ResidentSearch =
  | { readonly kind: 'name'; readonly firstName: string; readonly lastName: string; readonly dateOfBirth: IsoDate }
  /** The 13 digits of an AHV number, without dots. */
  | { readonly kind: 'vn'; readonly digits: string };

/** The simulated resident register, with the contact data it holds beside the data standard. */
export type SimulatedRegister = {
  /** All persons of the municipality's register the search matches, current and former. */
  searchResidents(bfs: number, search: ResidentSearch): readonly SeededResident[];
  resident(bfs: number, residentId: string): SeededResident | undefined;
  /** The residence with its household, as the port returns it. */
  residence(bfs: number, residentId: string): Residence | undefined;
  /** The contact data the register holds now: the seed's, after every change. */
  contactData(bfs: number, residentId: string): ContactData | undefined;
  changeContactData(bfs: number, change: ContactDataChange): ContactDataChangeReceipt | 'resident-not-found';
};

export function createRegister(
  residents: readonly SeededResident[],
  log: WriteLog,
  today: () => IsoDate,
): SimulatedRegister & { reset(): void } {
  /** Contact data changed since the seed, by `${bfs} ${residentId}`. */
  let contacts = new Map<string, ContactData>();

  function resident(bfs: number, residentId: string): SeededResident | undefined {
    return residents.find((r) => r.residence.municipality.bfsNumber === bfs && r.id === residentId);
  }

  function contactOf(bfs: number, person: SeededResident): ContactData {
    return contacts.get(`${bfs} ${person.id}`) ?? person.contact ?? NO_CONTACT_DATA;
  }

  return {
    searchResidents(bfs, search) {
      const inMunicipality = residents.filter((r) => r.residence.municipality.bfsNumber === bfs);
      if (search.kind === 'vn') {
        return inMunicipality.filter((r) => parseAhvNumber(r.ahvNumber)?.digits === search.digits);
      }
      return inMunicipality.filter(
        (r) =>
          sameName(r.lastName, search.lastName) &&
          sameName(r.firstName, search.firstName) &&
          r.dateOfBirth === search.dateOfBirth,
      );
    },

    resident,

    residence(bfs, residentId) {
      const person = resident(bfs, residentId);
      if (person === undefined) return undefined;
      const household =
        person.householdId === undefined || person.residence.movedOutOn !== null
          ? []
          : residents
              .filter((r) => r.householdId === person.householdId && r.id !== person.id)
              .sort((a, b) => a.id.localeCompare(b.id))
              .map(toMatch);
      return { ...person.residence, household };
    },

    contactData(bfs, residentId) {
      const person = resident(bfs, residentId);
      return person === undefined ? undefined : { ...contactOf(bfs, person) };
    },

    changeContactData(bfs, change) {
      const person = resident(bfs, change.residentId);
      if (person === undefined) return 'resident-not-found';
      return log.once('contactDataChanges', bfs, change.reference, () => {
        const contact = applyContactDataChange(contactOf(bfs, person), change);
        contacts.set(`${bfs} ${person.id}`, contact);
        return { contact, changedOn: today() };
      });
    },

    reset() {
      contacts = new Map();
    },
  };
}

function toMatch(r: SeededResident): ResidentMatch {
  return { residentId: r.id, firstName: r.firstName, lastName: r.lastName, dateOfBirth: r.dateOfBirth };
}

/** Whether two names are the same, whatever their Unicode form, surrounding spaces and case. */
export function sameName(a: string, b: string): boolean {
  const normal = (value: string) => value.normalize('NFC').trim().toLocaleLowerCase('de-CH');
  return normal(a) === normal(b);
}
