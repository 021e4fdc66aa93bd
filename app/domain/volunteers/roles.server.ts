/**
 * Volunteer roles of an edition (stage crew, info desk, setup, language help): their texts
 * in the content languages, the languages they ask for, a minimum age, whether under-18s
 * may take them with a guardian's consent, and until when a volunteer may cancel.
 */
import type { DB } from '../../../db/connection';
import { localizedJson } from '../../lib/localized-fields';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError } from '../errors';
import type { RoleForm } from './volunteers.schema';

export async function listRoles(db: DB, editionId: number) {
  const [roles, counts] = await Promise.all([
    db.selectFrom('volunteer_roles').selectAll().where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('volunteer_shifts')
      .select((eb) => ['role_id', eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', editionId)
      .where('cancelled_at', 'is', null)
      .groupBy('role_id')
      .execute(),
  ]);
  return roles.map((r) => ({ ...r, shifts: Number(counts.find((c) => c.role_id === r.id)?.n ?? 0) }));
}

export async function getRole(db: DB, editionId: number, id: number) {
  const role = await db.selectFrom('volunteer_roles').selectAll().where('id', '=', id).where('edition_id', '=', editionId).executeTakeFirst();
  if (!role) throw new NotFoundError('volunteers:errors.roleNotFound');
  return role;
}

function columns(input: RoleForm) {
  return {
    name: localizedJson(input, 'name'),
    description: localizedJson(input, 'description'),
    note: localizedJson(input, 'note'),
    languages: JSON.stringify([...new Set(input.languages)]),
    min_age: input.min_age,
    allows_minors: input.allows_minors ? 1 : 0,
    cancel_hours: input.cancel_hours,
  };
}

export async function createRole(db: DB, actorId: number, editionId: number, input: RoleForm): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('volunteer_roles').values({ edition_id: editionId, ...columns(input) }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'volunteer_role.created', subjectType: 'volunteer_role', subjectId: row.id, details: { editionId } });
    return row.id;
  });
}

export async function updateRole(db: DB, actorId: number, editionId: number, id: number, input: RoleForm): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getRole(trx, editionId, id);
    await trx.updateTable('volunteer_roles').set(columns(input)).where('id', '=', id).execute();
    await recordAudit(trx, { actorId, action: 'volunteer_role.updated', subjectType: 'volunteer_role', subjectId: id, details: { editionId } });
  });
}

/** A role goes only while it has no shifts: people are planned on them. */
export async function removeRole(db: DB, actorId: number, editionId: number, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getRole(trx, editionId, id);
    const used = await trx.selectFrom('volunteer_shifts').select((eb) => eb.fn.countAll<number>().as('n')).where('role_id', '=', id).executeTakeFirstOrThrow();
    if (Number(used.n) > 0) throw new ConflictError('volunteers:errors.roleHasShifts', { count: Number(used.n) });
    await trx.deleteFrom('volunteer_roles').where('id', '=', id).execute();
    await recordAudit(trx, { actorId, action: 'volunteer_role.removed', subjectType: 'volunteer_role', subjectId: id, details: { editionId } });
  });
}
