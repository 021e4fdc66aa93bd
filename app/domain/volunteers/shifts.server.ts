/**
 * Shifts: a role at a place (a stage, an area, or the grounds) from a start to an end
 * (UTC instants, typed in Berlin time, the DST night included), with how many people are
 * needed. Generated in blocks from a stage's opening hours or the setup window, or typed one
 * by one. Two shifts of the same role at the same place never overlap. A shift with people on
 * it is not removed but cancelled, and they are told.
 */
import type { DB } from '../../../db/connection';
import type { Edition } from '../../../db/schema';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { getRole } from './roles.server';
import { blocksOf, shiftTimes } from './shift-times';
import { moveUpWaiting } from './signups.server';
import { tellVolunteer } from './notify.server';
import type { GenerateForm, ShiftForm } from './volunteers.schema';

export async function getShift(db: DB, editionId: number, id: number) {
  const shift = await db.selectFrom('volunteer_shifts').selectAll().where('id', '=', id).where('edition_id', '=', editionId).executeTakeFirst();
  if (!shift) throw new NotFoundError('volunteers:errors.shiftNotFound');
  return shift;
}

/** Stages and areas of the edition, for the place choice. */
export async function placesOf(db: DB, editionId: number) {
  return db.selectFrom('stages').select(['id', 'name', 'kind']).where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute();
}

async function checkPlace(trx: DB, editionId: number, stageId: number | undefined | null): Promise<number | null> {
  if (!stageId) return null;
  const stage = await trx.selectFrom('stages').select('id').where('id', '=', stageId).where('edition_id', '=', editionId).executeTakeFirst();
  if (!stage) throw new ValidationError('volunteers:errors.place', { stage_id: 'volunteers:errors.place' });
  return stage.id;
}

/** Another live shift of the same role at the same place that overlaps [startsAt, endsAt). */
async function overlapping(trx: DB, editionId: number, roleId: number, stageId: number | null, startsAt: string, endsAt: string, except?: number) {
  let q = trx
    .selectFrom('volunteer_shifts')
    .select(['id', 'starts_at', 'ends_at'])
    .where('edition_id', '=', editionId)
    .where('role_id', '=', roleId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt)
    .where((eb) => (stageId === null ? eb('stage_id', 'is', null) : eb('stage_id', '=', stageId)));
  if (except) q = q.where('id', '!=', except);
  return q.executeTakeFirst();
}

function timesOf(input: ShiftForm): { startsAt: string; endsAt: string } {
  const times = shiftTimes(input.starts_at, input.ends_at, { startSecond: input.starts_second, endSecond: input.ends_second });
  if (!times.ok) throw new ValidationError(times.key, { [times.field]: times.key });
  return times;
}

async function activeCount(trx: DB, shiftId: number): Promise<number> {
  const row = await trx.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n')).where('shift_id', '=', shiftId).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createShift(db: DB, actorId: number, editionId: number, input: ShiftForm): Promise<number> {
  const { startsAt, endsAt } = timesOf(input);
  return db.transaction().execute(async (trx) => {
    await getRole(trx, editionId, input.role_id).catch(() => {
      throw new ValidationError('volunteers:errors.role', { role_id: 'volunteers:errors.role' });
    });
    const stageId = await checkPlace(trx, editionId, input.stage_id);
    if (await overlapping(trx, editionId, input.role_id, stageId, startsAt, endsAt)) throw new ValidationError('volunteers:errors.shiftOverlaps', { starts_at: 'volunteers:errors.shiftOverlaps' });
    const row = await trx
      .insertInto('volunteer_shifts')
      .values({ edition_id: editionId, role_id: input.role_id, stage_id: stageId, starts_at: startsAt, ends_at: endsAt, needed: input.needed })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'volunteer_shift.created', subjectType: 'volunteer_shift', subjectId: row.id, details: { editionId, roleId: input.role_id, needed: input.needed } });
    return row.id;
  });
}

/**
 * Saves a shift. The count needed is never below the people already on it; times and place
 * stay while people are on it (they planned their day around them: cancel it and make a new
 * one instead). More places move the waiting list up.
 */
export async function updateShift(db: DB, actorId: number, editionId: number, id: number, input: ShiftForm, publicUrl: string): Promise<{ movedUp: number }> {
  const { startsAt, endsAt } = timesOf(input);
  return db.transaction().execute(async (trx) => {
    const shift = await getShift(trx, editionId, id);
    if (shift.cancelled_at) throw new ConflictError('volunteers:errors.shiftCancelled');
    await getRole(trx, editionId, input.role_id).catch(() => {
      throw new ValidationError('volunteers:errors.role', { role_id: 'volunteers:errors.role' });
    });
    const stageId = await checkPlace(trx, editionId, input.stage_id);
    const people = await activeCount(trx, id);
    if (input.needed < people) throw new ValidationError('volunteers:errors.neededBelowPeople', { needed: 'volunteers:errors.neededBelowPeople' }, { count: people });
    const moved = shift.starts_at !== startsAt || shift.ends_at !== endsAt || shift.stage_id !== stageId || shift.role_id !== input.role_id;
    if (moved && people > 0) throw new ValidationError('volunteers:errors.timesLocked', { starts_at: 'volunteers:errors.timesLocked' }, { count: people });
    if (await overlapping(trx, editionId, input.role_id, stageId, startsAt, endsAt, id)) throw new ValidationError('volunteers:errors.shiftOverlaps', { starts_at: 'volunteers:errors.shiftOverlaps' });
    await trx.updateTable('volunteer_shifts').set({ role_id: input.role_id, stage_id: stageId, starts_at: startsAt, ends_at: endsAt, needed: input.needed }).where('id', '=', id).execute();
    const movedUp = await moveUpWaiting(trx, id, publicUrl);
    await recordAudit(trx, { actorId, action: 'volunteer_shift.updated', subjectType: 'volunteer_shift', subjectId: id, details: { editionId, needed: { from: shift.needed, to: input.needed }, movedUp } });
    return { movedUp };
  });
}

/**
 * Removes a shift nobody is on; one with people (or a waiting list) is cancelled instead,
 * each of them told (a group once, through its contact).
 */
export async function removeShift(db: DB, actorId: number, editionId: number, id: number, publicUrl: string, at: Date = new Date()): Promise<{ outcome: 'removed' | 'cancelled'; told: number }> {
  return db.transaction().execute(async (trx) => {
    const shift = await getShift(trx, editionId, id);
    const active = await trx.selectFrom('volunteer_signups').select(['id', 'group_id']).where('shift_id', '=', id).where('status', '!=', 'cancelled').orderBy('id').execute();
    if (active.length === 0 && !shift.cancelled_at) {
      const any = await trx.selectFrom('volunteer_signups').select('id').where('shift_id', '=', id).executeTakeFirst();
      if (!any) {
        await trx.deleteFrom('volunteer_shifts').where('id', '=', id).execute();
        await recordAudit(trx, { actorId, action: 'volunteer_shift.removed', subjectType: 'volunteer_shift', subjectId: id, details: { editionId } });
        return { outcome: 'removed' as const, told: 0 };
      }
    }
    if (shift.cancelled_at) return { outcome: 'cancelled' as const, told: 0 };
    await trx.updateTable('volunteer_shifts').set({ cancelled_at: at.toISOString() }).where('id', '=', id).execute();
    await trx.updateTable('volunteer_signups').set({ status: 'cancelled', cancelled_at: at.toISOString() }).where('shift_id', '=', id).where('status', '!=', 'cancelled').execute();
    let told = 0;
    const groups = new Set<number>();
    for (const s of active) {
      if (s.group_id !== null) {
        if (groups.has(s.group_id)) continue;
        groups.add(s.group_id);
      }
      if (await tellVolunteer(trx, s.id, 'shift-cancelled', publicUrl, `volunteer-shift-cancelled:${s.id}`)) told++;
    }
    await recordAudit(trx, { actorId, action: 'volunteer_shift.cancelled', subjectType: 'volunteer_shift', subjectId: id, details: { editionId, people: active.length, told } });
    return { outcome: 'cancelled' as const, told };
  });
}

/** The windows shifts are generated in: one per day of a stage's opening hours, or the setup window, or one typed in. */
async function windowsFor(trx: DB, edition: Edition, input: GenerateForm): Promise<{ from: string; to: string }[]> {
  if (input.source === 'setup') {
    if (!edition.setup_starts_at || !edition.setup_ends_at) throw new ValidationError('volunteers:errors.noSetupWindow', { source: 'volunteers:errors.noSetupWindow' });
    return [{ from: edition.setup_starts_at, to: edition.setup_ends_at }];
  }
  if (input.source === 'window') {
    const times = shiftTimes(input.from ?? '', input.to ?? '');
    if (!times.ok) throw new ValidationError(times.key, { [times.field === 'starts_at' ? 'from' : 'to']: times.key });
    return [{ from: times.startsAt, to: times.endsAt }];
  }
  let q = trx
    .selectFrom('opening_hours')
    .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
    .select(['opening_hours.day', 'opening_hours.opens_at', 'opening_hours.closes_at'])
    .where('stages.id', '=', input.stage_id!)
    .where('stages.edition_id', '=', edition.id);
  if (input.day) q = q.where('opening_hours.day', '=', input.day);
  const hours = await q.orderBy('opening_hours.day').execute();
  if (hours.length === 0) throw new ValidationError('volunteers:errors.noOpeningHours', { stage_id: 'volunteers:errors.noOpeningHours' });
  return hours.map((h) => ({ from: h.opens_at, to: h.closes_at }));
}

/**
 * Makes the shifts of one role in blocks of `minutes` (stepped in real time, so the night
 * the clocks go back has one block more). Blocks that would overlap a shift of the same role
 * at the same place are left out and counted.
 */
export async function generateShifts(db: DB, actorId: number, edition: Edition, input: GenerateForm): Promise<{ created: number; skipped: number }> {
  return db.transaction().execute(async (trx) => {
    await getRole(trx, edition.id, input.role_id).catch(() => {
      throw new ValidationError('volunteers:errors.role', { role_id: 'volunteers:errors.role' });
    });
    const stageId = await checkPlace(trx, edition.id, input.stage_id);
    const windows = await windowsFor(trx, edition, input);
    let created = 0;
    let skipped = 0;
    for (const w of windows) {
      for (const block of blocksOf(w.from, w.to, input.minutes)) {
        if (await overlapping(trx, edition.id, input.role_id, stageId, block.startsAt, block.endsAt)) {
          skipped++;
          continue;
        }
        await trx
          .insertInto('volunteer_shifts')
          .values({ edition_id: edition.id, role_id: input.role_id, stage_id: stageId, starts_at: block.startsAt, ends_at: block.endsAt, needed: input.needed })
          .execute();
        created++;
      }
    }
    await recordAudit(trx, { actorId, action: 'volunteer_shift.generated', subjectType: 'edition', subjectId: edition.id, details: { roleId: input.role_id, source: input.source, minutes: input.minutes, created, skipped } });
    return { created, skipped };
  });
}
