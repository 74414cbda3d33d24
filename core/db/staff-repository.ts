import type { Knex } from 'knex';

/** What the directory says of a member. */
type DescribedMember = { id: string; name: string; email: string | null; organisation: string; organisationKind: string; roles: string[]; groups: string[] };

/** Staff members as the directory last described them, at their login or when a session asked again. */
export interface StaffRepository {
  /** At login: the member as the directory describes them, and when they logged in. */
  remember(member: DescribedMember): Promise<void>;
  /** When a session asked the directory again and the answer changed: the member as described now, the last login left as it was. */
  redescribe(member: DescribedMember): Promise<void>;
  /** The municipalities an institution serves. */
  servedBy(institutionId: string): Promise<string[]>;
  /** The institutions serving a municipality, whose staff a clerk may give a task to (their group is the institution's id). */
  institutionsServing(municipalityId: string): Promise<{ id: string; name: string }[]>;
  /** Staff of one organisation (municipality or institution), for handing over. */
  colleagues(organisationId: string): Promise<{ id: string; name: string }[]>;
}

const described = (member: DescribedMember) => ({
  id: member.id,
  name: member.name,
  email: member.email,
  organisation_id: member.organisation,
  organisation_kind: member.organisationKind,
  roles: JSON.stringify(member.roles),
  groups: JSON.stringify(member.groups),
});

export function createStaffRepository(db: Knex): StaffRepository {
  return {
    async remember(member) {
      await db('staff_members')
        .insert({ ...described(member), last_login_at: new Date() })
        .onConflict('id')
        // notify_since stays the first login: digests tell of what came after it.
        .merge(['name', 'email', 'organisation_id', 'organisation_kind', 'roles', 'groups', 'last_login_at']);
    },
    async redescribe(member) {
      const { id, ...columns } = described(member);
      await db('staff_members').where({ id }).update(columns);
    },
    async servedBy(institutionId) {
      const rows = await db('municipality_institutions').where({ institution_id: institutionId }).orderBy('municipality_id').select('municipality_id');
      return rows.map((row: { municipality_id: string }) => row.municipality_id);
    },
    async institutionsServing(municipalityId) {
      return db('municipality_institutions as mi').join('institutions as i', 'i.id', 'mi.institution_id')
        .where('mi.municipality_id', municipalityId).orderBy('i.name').select('i.id', 'i.name');
    },
    async colleagues(organisationId) {
      return db('staff_members').where({ organisation_id: organisationId }).orderBy('name').select('id', 'name');
    },
  };
}
