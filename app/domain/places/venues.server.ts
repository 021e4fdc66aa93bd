/**
 * Venues and their stages and areas, set up in the office. Every use case owns its
 * transaction and writes its audit entry in it. Venues are edition facts: the public pages
 * show them at once, and the calendar feeds (which carry LOCATION and GEO) are dropped so
 * the next request builds them anew.
 */
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection';
import { localizedJson } from '../../lib/localized-fields';
import { TIME_ZONE } from '../../lib/i18n';
import { daysBetween } from '../../lib/time';
import { berlinToUtc } from '../../lib/berlin-clock';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { invalidateFeeds } from '../feeds/feed-cache.server';
import { slugify } from '../../lib/slug';
import type { StageForm, VenueForm } from './places.schema';

export interface EditionRef {
  id: number;
  starts_on: string;
  ends_on: string;
}

/** Every venue of an edition with its stages and their opening hours, in their order. */
export async function listPlaces(db: DB, editionId: number) {
  const [venues, stages, hours, items, pitches] = await Promise.all([
    db.selectFrom('venues').selectAll().where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('stages').selectAll().where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('opening_hours')
      .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
      .select(['opening_hours.stage_id', 'opening_hours.day', 'opening_hours.opens_at', 'opening_hours.closes_at'])
      .where('stages.edition_id', '=', editionId)
      .orderBy('opening_hours.day')
      .execute(),
    itemCounts(db, editionId),
    db
      .selectFrom('pitches')
      .select((eb) => ['stage_id', eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', editionId)
      .groupBy('stage_id')
      .execute(),
  ]);
  return venues.map((v) => ({
    ...v,
    stages: stages
      .filter((s) => s.venue_id === v.id)
      .map((s) => ({
        ...s,
        hours: hours.filter((h) => h.stage_id === s.id),
        items: items.get(s.id) ?? 0,
        pitches: Number(pitches.find((p) => p.stage_id === s.id)?.n ?? 0),
      })),
  }));
}

/** Program items per stage: drafts and published items, each uid once. */
async function itemCounts(db: DB, editionId: number, stageId?: number): Promise<Map<number, number>> {
  let drafts = db.selectFrom('program_item_drafts').select(['uid', 'stage_id']).where('edition_id', '=', editionId);
  let published = db.selectFrom('program_items').select(['uid', 'stage_id']).where('edition_id', '=', editionId);
  if (stageId !== undefined) {
    drafts = drafts.where('stage_id', '=', stageId);
    published = published.where('stage_id', '=', stageId);
  }
  const rows = await drafts.union(published).execute();
  const counts = new Map<number, number>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.stage_id === null || seen.has(`${r.stage_id}:${r.uid}`)) continue;
    seen.add(`${r.stage_id}:${r.uid}`);
    counts.set(r.stage_id, (counts.get(r.stage_id) ?? 0) + 1);
  }
  return counts;
}

function venueColumns(input: VenueForm) {
  return {
    name: localizedJson(input, 'name'),
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    sort_order: input.sort_order,
    accessibility: JSON.stringify([...new Set(input.accessibility)]),
    accessibility_note: localizedJson(input, 'accessibility_note'),
  };
}

export async function getVenue(db: DB, editionId: number, venueId: number) {
  const venue = await db.selectFrom('venues').selectAll().where('id', '=', venueId).where('edition_id', '=', editionId).executeTakeFirst();
  if (!venue) throw new NotFoundError('places:errors.venueNotFound');
  return venue;
}

export async function createVenue(db: DB, actorId: number, editionId: number, input: VenueForm): Promise<number> {
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('venues').values({ edition_id: editionId, ...venueColumns(input) }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'venue.created', subjectType: 'venue', subjectId: row.id, details: { editionId } });
    return row.id;
  });
  invalidateFeeds();
  return id;
}

export async function updateVenue(db: DB, actorId: number, editionId: number, venueId: number, input: VenueForm): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getVenue(trx, editionId, venueId);
    await trx.updateTable('venues').set(venueColumns(input)).where('id', '=', venueId).execute();
    await recordAudit(trx, { actorId, action: 'venue.updated', subjectType: 'venue', subjectId: venueId, details: { editionId } });
  });
  invalidateFeeds();
}

/** A venue goes only once its stages and areas are gone (they may carry items and pitches). */
export async function removeVenue(db: DB, actorId: number, editionId: number, venueId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getVenue(trx, editionId, venueId);
    const stages = await trx.selectFrom('stages').select((eb) => eb.fn.countAll<number>().as('n')).where('venue_id', '=', venueId).executeTakeFirstOrThrow();
    if (Number(stages.n) > 0) throw new ConflictError('places:errors.venueHasStages', { count: Number(stages.n) });
    await trx.deleteFrom('venues').where('id', '=', venueId).execute();
    await recordAudit(trx, { actorId, action: 'venue.removed', subjectType: 'venue', subjectId: venueId, details: { editionId } });
  });
  invalidateFeeds();
}

export async function getStage(db: DB, editionId: number, stageId: number) {
  const stage = await db.selectFrom('stages').selectAll().where('id', '=', stageId).where('edition_id', '=', editionId).executeTakeFirst();
  if (!stage) throw new NotFoundError('places:errors.stageNotFound');
  const hours = await db.selectFrom('opening_hours').selectAll().where('stage_id', '=', stageId).orderBy('day').execute();
  return { ...stage, hours };
}

/** The Berlin wall-clock "HH:MM" of an instant. */
export function berlinClock(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).toFormat('HH:mm');
}

/** The opening hours of the form as instants; a closing time at or before the opening is on the next day. */
function hoursOf(edition: EditionRef, input: StageForm): { day: string; opens_at: string; closes_at: string }[] {
  const values = input as Record<string, unknown>;
  const rows: { day: string; opens_at: string; closes_at: string }[] = [];
  for (const day of daysBetween(edition.starts_on, edition.ends_on)) {
    const opens = values[`opens_${day}`];
    const closes = values[`closes_${day}`];
    if (typeof opens !== 'string' || typeof closes !== 'string' || !opens || !closes) continue;
    const next = closes <= opens ? DateTime.fromISO(day, { zone: TIME_ZONE }).plus({ days: 1 }).toISODate()! : day;
    rows.push({ day, opens_at: berlinToUtc(day, opens), closes_at: berlinToUtc(next, closes) });
  }
  return rows;
}

async function uniqueStageSlug(trx: DB, editionId: number, name: string, exceptId?: number): Promise<string> {
  const base = slugify(name) || 'buehne';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    let q = trx.selectFrom('stages').select('id').where('edition_id', '=', editionId).where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (!(await q.executeTakeFirst())) return slug;
  }
}

async function checkVenue(trx: DB, editionId: number, venueId: number) {
  const venue = await trx.selectFrom('venues').select('id').where('id', '=', venueId).where('edition_id', '=', editionId).executeTakeFirst();
  if (!venue) throw new ValidationError('places:errors.venue', { venue_id: 'places:errors.venue' });
}

export async function createStage(db: DB, actorId: number, edition: EditionRef, input: StageForm): Promise<number> {
  const id = await db.transaction().execute(async (trx) => {
    await checkVenue(trx, edition.id, input.venue_id);
    const row = await trx
      .insertInto('stages')
      .values({
        edition_id: edition.id,
        venue_id: input.venue_id,
        slug: await uniqueStageSlug(trx, edition.id, input.name_de),
        name: localizedJson(input, 'name'),
        kind: input.kind,
        sort_order: input.sort_order,
        changeover_minutes: input.changeover_minutes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const hours = hoursOf(edition, input);
    if (hours.length) await trx.insertInto('opening_hours').values(hours.map((h) => ({ stage_id: row.id, ...h }))).execute();
    await recordAudit(trx, { actorId, action: 'stage.created', subjectType: 'stage', subjectId: row.id, details: { editionId: edition.id, kind: input.kind, days: hours.length } });
    return row.id;
  });
  invalidateFeeds();
  return id;
}

/** Saves a stage and replaces its opening hours with the form's. The slug (in feed filter URLs) stays. */
export async function updateStage(db: DB, actorId: number, edition: EditionRef, stageId: number, input: StageForm): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const stage = await getStage(trx, edition.id, stageId);
    await checkVenue(trx, edition.id, input.venue_id);
    if (input.kind === 'stage' && stage.kind === 'area') {
      const pitches = await trx.selectFrom('pitches').select((eb) => eb.fn.countAll<number>().as('n')).where('stage_id', '=', stageId).executeTakeFirstOrThrow();
      if (Number(pitches.n) > 0) throw new ValidationError('places:errors.areaHasPitches', { kind: 'places:errors.areaHasPitches' }, { count: Number(pitches.n) });
    }
    await trx
      .updateTable('stages')
      .set({ venue_id: input.venue_id, name: localizedJson(input, 'name'), kind: input.kind, sort_order: input.sort_order, changeover_minutes: input.changeover_minutes })
      .where('id', '=', stageId)
      .execute();
    await trx.deleteFrom('opening_hours').where('stage_id', '=', stageId).execute();
    const hours = hoursOf(edition, input);
    if (hours.length) await trx.insertInto('opening_hours').values(hours.map((h) => ({ stage_id: stageId, ...h }))).execute();
    await recordAudit(trx, { actorId, action: 'stage.updated', subjectType: 'stage', subjectId: stageId, details: { editionId: edition.id, changeoverMinutes: input.changeover_minutes, days: hours.length } });
  });
  invalidateFeeds();
}

/** A stage with program items (drafts or published) stays; so does an area with pitches. */
export async function removeStage(db: DB, actorId: number, editionId: number, stageId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getStage(trx, editionId, stageId);
    const items = (await itemCounts(trx, editionId, stageId)).get(stageId) ?? 0;
    if (items > 0) throw new ConflictError('places:errors.stageHasItems', { count: items });
    const pitches = await trx.selectFrom('pitches').select((eb) => eb.fn.countAll<number>().as('n')).where('stage_id', '=', stageId).executeTakeFirstOrThrow();
    if (Number(pitches.n) > 0) throw new ConflictError('places:errors.areaHasPitches', { count: Number(pitches.n) });
    const shifts = await trx.selectFrom('volunteer_shifts').select((eb) => eb.fn.countAll<number>().as('n')).where('stage_id', '=', stageId).executeTakeFirstOrThrow();
    if (Number(shifts.n) > 0) throw new ConflictError('volunteers:errors.stageHasShifts', { count: Number(shifts.n) });
    await trx.deleteFrom('stages').where('id', '=', stageId).execute();
    await recordAudit(trx, { actorId, action: 'stage.removed', subjectType: 'stage', subjectId: stageId, details: { editionId } });
  });
  invalidateFeeds();
}
