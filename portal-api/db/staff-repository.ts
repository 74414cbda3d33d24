import type { Knex } from 'knex';

/** Staff members as the directory last described them at their login. */
export interface StaffRepository {
  remember(member: { id: string; name: string; email: string | null; municipality: string; roles: string[]; groups: string[] }): Promise<void>;
  colleagues(municipalityId: string): Promise<{ id: string; name: string }[]>;
}

export function createStaffRepository(db: Knex): StaffRepository {
  return {
    async remember(member) {
      await db('staff_members')
        .insert({
          id: member.id,
          name: member.name,
          email: member.email,
          municipality_id: member.municipality,
          roles: JSON.stringify(member.roles),
          groups: JSON.stringify(member.groups),
          last_login_at: new Date(),
        })
        .onConflict('id')
        // notify_since stays the first login: digests tell of what came after it.
        .merge(['name', 'email', 'municipality_id', 'roles', 'groups', 'last_login_at']);
    },
    async colleagues(municipalityId) {
      return db('staff_members').where({ municipality_id: municipalityId }).orderBy('name').select('id', 'name');
    },
  };
}
