/** Generating pitches on an area's plan: a block of rows × columns, refused when it overlaps a pitch already there. */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { PitchBlockForm, PitchForm } from './places.schema';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export async function listPitchAreas(db: DB, editionId: number) {
  const [areas, pitches] = await Promise.all([
    db.selectFrom('stages').select(['id', 'name']).where('edition_id', '=', editionId).where('kind', '=', 'area').orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('pitches').selectAll().where('edition_id', '=', editionId).orderBy('id').execute(),
  ]);
  return areas.map((a) => ({ ...a, pitches: pitches.filter((p) => p.stage_id === a.id) }));
}

export async function generatePitchBlock(db: DB, actorId: number, editionId: number, input: PitchBlockForm): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const area = await trx.selectFrom('stages').select('id').where('id', '=', input.stage_id).where('edition_id', '=', editionId).where('kind', '=', 'area').executeTakeFirst();
    if (!area) throw new ValidationError('places:errors.area', { stage_id: 'places:errors.area' });
    const existing = await trx.selectFrom('pitches').select(['label', 'x', 'y', 'width', 'height']).where('stage_id', '=', input.stage_id).execute();
    const rows = [];
    let n = input.first_number;
    for (let r = 0; r < input.rows; r++) {
      for (let c = 0; c < input.columns; c++) {
        const box = { x: input.x + c * (input.width + input.gap), y: input.y + r * (input.height + input.gap), width: input.width, height: input.height };
        const label = `${input.prefix}${n++}`;
        const hit = existing.find((e) => overlaps(e, box));
        if (hit) throw new ValidationError('places:errors.overlap', { x: 'places:errors.overlap' }, { label: hit.label });
        if (existing.some((e) => e.label === label)) throw new ValidationError('places:errors.labelTaken', { first_number: 'places:errors.labelTaken' }, { label });
        rows.push({ edition_id: editionId, stage_id: input.stage_id, label, ...box, power_available: input.power_available, water: input.water ? 1 : 0 });
      }
    }
    await trx.insertInto('pitches').values(rows).execute();
    await recordAudit(trx, { actorId, action: 'pitches.generated', subjectType: 'stage', subjectId: input.stage_id, details: { editionId, count: rows.length } });
    return rows.length;
  });
}

/** One pitch of the edition, with the area it lies on. */
export async function getPitch(db: DB, editionId: number, pitchId: number) {
  const pitch = await db
    .selectFrom('pitches')
    .innerJoin('stages', 'stages.id', 'pitches.stage_id')
    .selectAll('pitches')
    .select('stages.name as area_name')
    .where('pitches.id', '=', pitchId)
    .where('pitches.edition_id', '=', editionId)
    .executeTakeFirst();
  if (!pitch) throw new NotFoundError('places:errors.pitchNotFound');
  return pitch;
}

type Trx = Parameters<Parameters<ReturnType<DB['transaction']>['execute']>[0]>[0];

async function lockedPitch(trx: Trx, editionId: number, pitchId: number) {
  const pitch = await trx.selectFrom('pitches').selectAll().where('id', '=', pitchId).where('edition_id', '=', editionId).executeTakeFirst();
  if (!pitch) throw new NotFoundError('places:errors.pitchNotFound');
  return pitch;
}

/**
 * Changes one pitch's number, size, place and what is at hand. Not while a stand is
 * assigned to it (its stand was placed for that size and power); not onto another pitch.
 */
export async function updatePitch(db: DB, actorId: number, editionId: number, pitchId: number, input: PitchForm): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pitch = await lockedPitch(trx, editionId, pitchId);
    if (pitch.registration_id !== null) throw new ConflictError('places:errors.pitchAssigned');
    const others = await trx.selectFrom('pitches').select(['id', 'label', 'x', 'y', 'width', 'height']).where('stage_id', '=', pitch.stage_id).where('id', '!=', pitchId).execute();
    if (others.some((o) => o.label === input.label)) throw new ValidationError('places:errors.labelTaken', { label: 'places:errors.labelTaken' }, { label: input.label });
    const box = { x: input.x, y: input.y, width: input.width, height: input.height };
    const hit = others.find((o) => overlaps(o, box));
    if (hit) throw new ValidationError('places:errors.overlap', { x: 'places:errors.overlap' }, { label: hit.label });
    await trx
      .updateTable('pitches')
      .set({ label: input.label, ...box, power_available: input.power_available, water: input.water ? 1 : 0 })
      .where('id', '=', pitchId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'pitch.updated',
      subjectType: 'pitch',
      subjectId: pitchId,
      details: { editionId, from: { label: pitch.label, x: pitch.x, y: pitch.y, width: pitch.width, height: pitch.height }, to: { label: input.label, ...box } },
    });
  });
}

/** Removes one pitch, unless a stand is assigned to it. */
export async function removePitch(db: DB, actorId: number, editionId: number, pitchId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pitch = await lockedPitch(trx, editionId, pitchId);
    if (pitch.registration_id !== null) throw new ConflictError('places:errors.pitchAssigned');
    await trx.deleteFrom('pitches').where('id', '=', pitchId).execute();
    await recordAudit(trx, { actorId, action: 'pitch.removed', subjectType: 'pitch', subjectId: pitchId, details: { editionId, label: pitch.label } });
  });
}

/**
 * Places the pitches of one area where the plan (dragged, or the number fields under it)
 * puts them: every pitch gets its new left/top, and no two may overlap afterwards. All or
 * nothing. Moving a pitch with a stand on it is fine: its size and power stay.
 */
export async function placePitches(db: DB, actorId: number, editionId: number, areaId: number, positions: ReadonlyMap<number, { x: number; y: number }>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const area = await trx.selectFrom('stages').select('id').where('id', '=', areaId).where('edition_id', '=', editionId).where('kind', '=', 'area').executeTakeFirst();
    if (!area) throw new NotFoundError('places:errors.area');
    const pitches = await trx.selectFrom('pitches').select(['id', 'label', 'x', 'y', 'width', 'height']).where('stage_id', '=', areaId).orderBy('id').execute();
    const placed = pitches.map((p) => ({ ...p, ...(positions.get(p.id) ?? {}) }));
    for (const [i, a] of placed.entries()) {
      const hit = placed.find((b, j) => j !== i && overlaps(a, b));
      // named at the pitch that moved (when both moved, at the first of the two)
      if (hit) {
        const moved = positions.has(a.id) ? a : hit;
        const other = moved === a ? hit : a;
        throw new ValidationError('places:errors.overlapOf', { [`x_${moved.id}`]: 'places:errors.overlapOf' }, { label: moved.label, other: other.label });
      }
    }
    const changed = placed.filter((p, i) => p.x !== pitches[i]!.x || p.y !== pitches[i]!.y);
    for (const p of changed) await trx.updateTable('pitches').set({ x: p.x, y: p.y }).where('id', '=', p.id).execute();
    if (changed.length > 0) {
      await recordAudit(trx, { actorId, action: 'pitches.placed', subjectType: 'stage', subjectId: areaId, details: { editionId, moved: changed.map((p) => ({ label: p.label, x: p.x, y: p.y })) } });
    }
    return changed.length;
  });
}
