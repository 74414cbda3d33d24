/**
 * The staff of the development directory: who may log in to the clerk tasklist, and what the
 * identity provider says about them. No passwords here; whoever starts the provider adds them.
 */

/** What a staff member may do in the portal; the API decides what each role allows. */
export type StaffRole = 'clerk' | 'municipal-admin' | 'finance' | 'modeller' | 'operator';

export const STAFF_ROLES: readonly StaffRole[] = ['clerk', 'municipal-admin', 'finance', 'modeller', 'operator'];

export type StaffAccount = {
  /** What the staff member types on the login page. */
  readonly username: string;
  /** The directory's stable, opaque identifier: the ID token's `sub`. */
  readonly sub: string;
  readonly name: string;
  readonly email: string;
  /**
   * Where the member works: a municipality's portal id (e.g. 'aarau'), or an institution's id
   * (e.g. 'zivilstandsamt-aarau') that serves several municipalities.
   */
  readonly home: { readonly kind: 'municipality' | 'institution'; readonly id: string };
  readonly roles: readonly StaffRole[];
  /**
   * Candidate groups of user tasks: `<BFS number>-<department>` in a municipality, e.g.
   * '4001-einwohnerkontrolle'; an institution's staff are in the group named by its id.
   */
  readonly groups: readonly string[];
};

/** A staff account as the identity provider needs it: with the password it checks. */
export type StaffAccountWithPassword = StaffAccount & { readonly password: string };

/**
 * A person at a provider that is not a staff directory (the development stand-in for AGOV): the
 * provider releases `claims` as they are (`sub` always from the account).
 */
export type PersonAccount = { readonly username: string; readonly sub: string; readonly claims: Readonly<Record<string, unknown>> };

/** Whom the development provider knows: staff members, or persons with their own claims. */
export type DirectoryAccount = StaffAccount | PersonAccount;
export type DirectoryAccountWithPassword = DirectoryAccount & { readonly password: string };

// Candidate groups match the catalogue seed (`${bfs_number}-einwohnerkontrolle`).
export const DEVELOPMENT_STAFF: readonly StaffAccount[] = [
  {
    username: 'sandra.meier',
    sub: '8c78dc0b-8807-413c-a40f-3fa03b5d5a95',
    name: 'Sandra Meier',
    email: 'sandra.meier@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['clerk'],
    groups: ['4001-einwohnerkontrolle'],
  },
  {
    username: 'lukas.brunner',
    sub: '5ade99af-6cd1-4c2f-a82f-de3d4a770953',
    name: 'Lukas Brunner',
    email: 'lukas.brunner@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['clerk'],
    groups: ['4001-einwohnerkontrolle'],
  },
  {
    username: 'beat.keller',
    sub: '6173501f-14c9-41a5-a36e-516ee12a88d1',
    name: 'Beat Keller',
    email: 'beat.keller@baden.example',
    home: { kind: 'municipality', id: 'baden' },
    roles: ['clerk'],
    groups: ['4021-einwohnerkontrolle'],
  },
  {
    username: 'franz.finanz',
    sub: '812ac42e-2222-4917-bdfc-75cf31497296',
    name: 'Franz Finanz',
    email: 'franz.finanz@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['finance'],
    groups: ['4001-finanzen'],
  },
  {
    username: 'anna.admin',
    sub: 'bfcb4546-8735-40b5-b49a-5810993bdfaa',
    name: 'Anna Admin',
    email: 'anna.admin@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['municipal-admin', 'clerk'],
    groups: ['4001-einwohnerkontrolle'],
  },
  {
    username: 'mara.modell',
    sub: 'fecc7beb-8b01-403c-bc2a-1d03cbdf0381',
    name: 'Mara Modell',
    email: 'mara.modell@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['modeller'],
    groups: [],
  },
  {
    username: 'olivia.betrieb',
    sub: 'd524d340-bfdd-4c3b-bd5a-2025fbf02491',
    name: 'Olivia Betrieb',
    email: 'olivia.betrieb@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['operator'],
    groups: [],
  },
  {
    username: 'zora.zivil',
    sub: '0f3c9a52-6b1e-4f7a-9d2c-7e5b8a1c4d60',
    name: 'Zora Zivil',
    email: 'zora.zivil@zivilstandsamt-aarau.example',
    home: { kind: 'institution', id: 'zivilstandsamt-aarau' },
    roles: ['clerk'],
    groups: ['zivilstandsamt-aarau'],
  },
];
