/**
 * Stand types of an edition: what an association can book, its fee, how many can be
 * approved, its size and what is included. A payment keeps the amount it was started with
 * (payments.amount_cents), so a new fee applies to payments started afterwards only.
 */
import type { DB } from '../../../db/connection';
import { localizedJson } from '../../lib/localized-fields';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { OCCUPYING } from '../office/constants';
import { slugify } from '../../lib/slug';
import type { StandTypeForm } from './places.schema';

export async function listStandTypes(db: DB, editionId: number) {
  const [types, counts] = await Promise.all([
    db.selectFrom('stand_types').selectAll().where('edition_id', '=', editionId).orderBy('id').execute(),
    db
      .selectFrom('registrations')
      .select((eb) => ['stand_type_id', eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', editionId)
      .where('state', 'in', OCCUPYING)
      .groupBy('stand_type_id')
      .execute(),
  ]);
  return types.map((t) => ({ ...t, approved: Number(counts.find((c) => c.stand_type_id === t.id)?.n ?? 0) }));
}

export async function getStandType(db: DB, editionId: number, id: number) {
  const type = await db.selectFrom('stand_types').selectAll().where('id', '=', id).where('edition_id', '=', editionId).executeTakeFirst();
  if (!type) throw new NotFoundError('places:errors.standTypeNotFound');
  return type;
}

function columns(input: StandTypeForm) {
  return {
    name: localizedJson(input, 'name'),
    description: localizedJson(input, 'description'),
    fee_cents: Math.round(input.fee * 100),
    capacity: input.capacity,
    width_m: input.width_m,
    depth_m: input.depth_m,
    equipment: JSON.stringify([...new Set(input.equipment)]),
  };
}

async function uniqueSlug(trx: DB, editionId: number, name: string): Promise<string> {
  const base = slugify(name) || 'stand';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await trx.selectFrom('stand_types').select('id').where('edition_id', '=', editionId).where('slug', '=', slug).executeTakeFirst())) return slug;
  }
}

export async function createStandType(db: DB, actorId: number, editionId: number, input: StandTypeForm): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('stand_types')
      .values({ edition_id: editionId, slug: await uniqueSlug(trx, editionId, input.name_de), ...columns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'stand_type.created', subjectType: 'stand_type', subjectId: row.id, details: { editionId, feeCents: Math.round(input.fee * 100), capacity: input.capacity } });
    return row.id;
  });
}

/**
 * Saves a stand type. Capacity below the applications already approved is refused with
 * that number. Returns how many fees already requested keep their old amount when the fee changed.
 */
export async function updateStandType(db: DB, actorId: number, editionId: number, id: number, input: StandTypeForm): Promise<{ feeChanged: boolean; feesKept: number }> {
  return db.transaction().execute(async (trx) => {
    const before = await getStandType(trx, editionId, id);
    const approved = await trx
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stand_type_id', '=', id)
      .where('state', 'in', OCCUPYING)
      .executeTakeFirstOrThrow();
    if (input.capacity < Number(approved.n)) {
      throw new ValidationError('places:errors.capacityBelowApproved', { capacity: 'places:errors.capacityBelowApproved' }, { count: Number(approved.n) });
    }
    const next = columns(input);
    const feeChanged = next.fee_cents !== before.fee_cents;
    let feesKept = 0;
    if (feeChanged) {
      const open = await trx
        .selectFrom('payments')
        .innerJoin('registrations', 'registrations.id', 'payments.registration_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('registrations.stand_type_id', '=', id)
        .where('payments.state', 'in', ['created', 'pending'])
        .executeTakeFirstOrThrow();
      feesKept = Number(open.n);
    }
    await trx.updateTable('stand_types').set(next).where('id', '=', id).execute();
    await recordAudit(trx, {
      actorId,
      action: 'stand_type.updated',
      subjectType: 'stand_type',
      subjectId: id,
      details: { editionId, ...(feeChanged ? { feeCents: { from: before.fee_cents, to: next.fee_cents }, feesKept } : {}), ...(before.capacity !== input.capacity ? { capacity: { from: before.capacity, to: input.capacity } } : {}) },
    });
    return { feeChanged, feesKept };
  });
}

/** Only a stand type nobody applied for can go: applications point at it. */
export async function removeStandType(db: DB, actorId: number, editionId: number, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getStandType(trx, editionId, id);
    const used = await trx.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('stand_type_id', '=', id).executeTakeFirstOrThrow();
    if (Number(used.n) > 0) throw new ConflictError('places:errors.standTypeInUse', { count: Number(used.n) });
    await trx.deleteFrom('stand_types').where('id', '=', id).execute();
    await recordAudit(trx, { actorId, action: 'stand_type.removed', subjectType: 'stand_type', subjectId: id, details: { editionId } });
  });
}
