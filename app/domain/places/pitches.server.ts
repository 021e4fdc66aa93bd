/** Generating pitches on an area's plan: a block of rows × columns, refused when it overlaps a pitch already there. */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { ValidationError } from '../errors';
import type { PitchBlockForm } from './places.schema';

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
