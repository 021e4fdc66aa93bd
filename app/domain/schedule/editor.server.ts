/**
 * The organisers' schedule editor: it works on drafts (program_item_drafts); nothing here
 * changes what the public sees until publishSchedule (docs/decisions/031).
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection';
import type { ProgramItemStatus } from '../../../db/schema';
import { berlinDay, daysBetween } from '../../lib/time';
import { berlinToUtc } from '../../lib/berlin-clock';
import { LOCALES, TIME_ZONE } from '../../lib/i18n';
import { parseLocalized } from '../../lib/i18n-text';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { diffSchedule, type ItemState } from './changes';
import { conflictsByUid, findConflicts } from './conflicts';
import type { ItemForm } from './item.schema';
import { dailyUntil, expandOccurrences } from './recurrence';


/** Any edition, drafts included: organisers see them all. */
export async function getOfficeEdition(db: DB, slug: string) {
  const edition = await db
    .selectFrom('editions')
    .select(['id', 'slug', 'title', 'starts_on', 'ends_on', 'status', 'setup_info'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  return edition;
}

const draftColumns = [
  'program_item_drafts.id',
  'program_item_drafts.uid',
  'program_item_drafts.series_uid',
  'program_item_drafts.stage_id',
  'program_item_drafts.title',
  'program_item_drafts.description',
  'program_item_drafts.starts_at',
  'program_item_drafts.ends_at',
  'program_item_drafts.category',
  'program_item_drafts.languages',
  'program_item_drafts.accessibility',
  'program_item_drafts.host_organisation_id',
  'program_item_drafts.registration_id',
  'program_item_drafts.status',
] as const;

async function loadRules(db: DB, editionId: number) {
  const [stages, openingHours, registrations] = await Promise.all([
    db.selectFrom('stages').selectAll().where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('opening_hours')
      .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
      .select(['opening_hours.stage_id', 'opening_hours.day', 'opening_hours.opens_at', 'opening_hours.closes_at'])
      .where('stages.edition_id', '=', editionId)
      .orderBy('opening_hours.opens_at')
      .execute(),
    db
      .selectFrom('registrations')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select([
        'registrations.id',
        'registrations.state',
        'registrations.organisation_id',
        'registrations.stage_act_title',
        'registrations.stage_act_minutes',
        'registrations.stage_act_needs',
        'organisations.name as organisation_name',
      ])
      .where('registrations.edition_id', '=', editionId)
      // only those the schedule concerns: stage acts, and applications items are linked to
      // (not every stand of a 5,000-application edition)
      .where((eb) =>
        eb.or([
          eb('registrations.stage_act_title', 'is not', null),
          eb('registrations.id', 'in', eb.selectFrom('program_item_drafts').select('program_item_drafts.registration_id').where('program_item_drafts.edition_id', '=', editionId).where('program_item_drafts.registration_id', 'is not', null)),
        ]),
      )
      .orderBy('organisations.name')
      .execute(),
  ]);
  return { stages, openingHours, registrations };
}

async function loadDrafts(db: DB, editionId: number) {
  return db
    .selectFrom('program_item_drafts')
    .leftJoin('organisations', 'organisations.id', 'program_item_drafts.host_organisation_id')
    .select([...draftColumns, 'organisations.name as host_name'])
    .where('program_item_drafts.edition_id', '=', editionId)
    .orderBy('program_item_drafts.starts_at')
    .orderBy('program_item_drafts.id')
    .execute();
}

export async function loadPublished(db: DB, editionId: number): Promise<(ItemState & { sequence: number; registration_id: number | null; series_uid: string | null })[]> {
  return db
    .selectFrom('program_items')
    .select(['uid', 'stage_id', 'title', 'description', 'starts_at', 'ends_at', 'category', 'languages', 'accessibility', 'host_organisation_id', 'status', 'sequence', 'registration_id', 'series_uid'])
    .where('edition_id', '=', editionId)
    .execute();
}

/** Conflicts of the edition's current drafts. */
export async function scheduleConflicts(db: DB, editionId: number) {
  const edition = await db.selectFrom('editions').select(['starts_on', 'ends_on']).where('id', '=', editionId).executeTakeFirstOrThrow();
  const [rules, items] = await Promise.all([loadRules(db, editionId), loadDrafts(db, editionId)]);
  return findConflicts({ edition, stages: rules.stages, openingHours: rules.openingHours, registrations: rules.registrations, items });
}

/** Everything the day × stage grid shows. */
export async function getScheduleBoard(db: DB, slug: string) {
  const edition = await getOfficeEdition(db, slug);
  const [rules, items, published, latest] = await Promise.all([
    loadRules(db, edition.id),
    loadDrafts(db, edition.id),
    loadPublished(db, edition.id),
    db.selectFrom('schedule_releases').select(['version', 'published_at']).where('edition_id', '=', edition.id).orderBy('version', 'desc').limit(1).executeTakeFirst(),
  ]);
  const conflicts = findConflicts({ edition, stages: rules.stages, openingHours: rules.openingHours, registrations: rules.registrations, items });
  const pending = diffSchedule(published, items);
  const seriesSize = new Map<string, number>();
  for (const i of items) if (i.series_uid) seriesSize.set(i.series_uid, (seriesSize.get(i.series_uid) ?? 0) + 1);
  const publishedUids = new Set(published.map((p) => p.uid));
  const scheduledActs = new Set(items.map((i) => i.registration_id).filter((id): id is number => id !== null));
  return {
    edition,
    // An item moved outside the festival days still gets a table, so it can be found and moved back.
    days: [...new Set([...daysBetween(edition.starts_on, edition.ends_on), ...items.map((i) => berlinDay(i.starts_at))])].sort(),
    stages: rules.stages,
    openingHours: rules.openingHours,
    items: items.map((i) => ({
      ...i,
      day: berlinDay(i.starts_at),
      published: publishedUids.has(i.uid),
      series_size: i.series_uid ? (seriesSize.get(i.series_uid) ?? 1) : 0,
    })),
    conflicts,
    conflictsByUid: conflictsByUid(conflicts),
    pending,
    latestRelease: latest ?? null,
    stageActs: rules.registrations
      .filter((r) => r.stage_act_title)
      .map((r) => ({ ...r, scheduled: scheduledActs.has(r.id) })),
  };
}

/** One draft with what its edit page offers to choose from. */
export async function getDraftItem(db: DB, slug: string, uid: string) {
  const edition = await getOfficeEdition(db, slug);
  const item = await db
    .selectFrom('program_item_drafts')
    .select(draftColumns)
    .where('edition_id', '=', edition.id)
    .where('uid', '=', uid)
    .executeTakeFirst();
  if (!item) throw new NotFoundError('errors.itemNotFound');
  const [options, published, conflicts] = await Promise.all([
    getItemFormOptions(db, edition.id),
    db.selectFrom('program_items').select(['sequence', 'status']).where('uid', '=', uid).executeTakeFirst(),
    scheduleConflicts(db, edition.id),
  ]);
  const mine = conflicts.filter((c) => c.uids.includes(uid));
  const named = [...new Set(mine.flatMap((c) => c.uids))];
  const [others, siblings] = await Promise.all([
    named.length
      ? db
          .selectFrom('program_item_drafts')
          .leftJoin('organisations', 'organisations.id', 'program_item_drafts.host_organisation_id')
          .select(['program_item_drafts.uid', 'program_item_drafts.title', 'organisations.name as host_name'])
          .where('program_item_drafts.uid', 'in', named)
          .execute()
      : Promise.resolve([]),
    item.series_uid
      ? db.selectFrom('program_item_drafts').select((eb) => eb.fn.countAll<number>().as('n')).where('series_uid', '=', item.series_uid).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  // What the conflict texts name: the items' titles and hosts, the stages' names.
  const related = {
    items: Object.fromEntries(others.map((o) => [o.uid, { title: o.title, host_name: o.host_name }])),
    stages: Object.fromEntries(options.stages.map((s) => [s.id, s.name])),
    seriesSize: Number(siblings?.n ?? 0),
  };
  return { edition, item, published: published ?? null, conflicts: mine, related, ...options };
}

export async function getItemFormOptions(db: DB, editionId: number) {
  const [stages, organisations, registrations] = await Promise.all([
    db.selectFrom('stages').select(['id', 'name', 'kind']).where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
    db
      .selectFrom('registrations')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select(['registrations.id', 'registrations.state', 'registrations.organisation_id', 'registrations.stage_act_title', 'registrations.stage_act_minutes', 'organisations.name as organisation_name'])
      .where('registrations.edition_id', '=', editionId)
      .where('registrations.stage_act_title', 'is not', null)
      .orderBy('organisations.name')
      .execute(),
  ]);
  return { stages, organisations, registrations };
}

/**
 * A start and end instant from a Berlin day and wall-clock times (already checked by the
 * form's pattern); an end at or before the start is on the next day. A day that does not
 * exist (2027-02-30) is a ValidationError on the day.
 */
export function instants(day: string, start: string, end: string): { starts_at: string; ends_at: string } {
  let starts_at: string;
  let endDay = day;
  try {
    starts_at = berlinToUtc(day, start);
    if (end <= start) endDay = DateTime.fromISO(day, { zone: TIME_ZONE }).plus({ days: 1 }).toISODate()!;
    return { starts_at, ends_at: berlinToUtc(endDay, end) };
  } catch {
    throw new ValidationError('schedule:errors.day', { day: 'schedule:errors.day' });
  }
}

/** The Berlin wall-clock "HH:MM" of an instant. */
export function berlinTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).toFormat('HH:mm');
}

type ItemInput = Omit<ItemForm, 'repeat' | 'repeat_until'>;

/** An item lies on one of the edition's days (the form offers only those; a hand-made request may not). */
function assertDayInEdition(edition: { starts_on: string; ends_on: string }, day: string, keep?: string): void {
  if (day === keep) return;
  if (day < edition.starts_on || day > edition.ends_on) {
    throw new ValidationError('setup:errors.dayOutsideEdition', { day: 'setup:errors.dayOutsideEdition' }, { first: edition.starts_on, last: edition.ends_on });
  }
}

async function checkReferences(db: DB, editionId: number, input: { stage_id: number; host_organisation_id?: number | null; registration_id?: number | null }) {
  const stage = await db.selectFrom('stages').select('id').where('id', '=', input.stage_id).where('edition_id', '=', editionId).executeTakeFirst();
  if (!stage) throw new ValidationError('schedule:errors.stage', { stage_id: 'schedule:errors.stage' });
  if (input.host_organisation_id) {
    const org = await db.selectFrom('organisations').select('id').where('id', '=', input.host_organisation_id).executeTakeFirst();
    if (!org) throw new ValidationError('schedule:errors.host', { host_organisation_id: 'schedule:errors.host' });
  }
  if (input.registration_id) {
    const reg = await db
      .selectFrom('registrations')
      .select('id')
      .where('id', '=', input.registration_id)
      .where('edition_id', '=', editionId)
      .where('stage_act_title', 'is not', null)
      .executeTakeFirst();
    if (!reg) throw new ValidationError('schedule:errors.registration', { registration_id: 'schedule:errors.registration' });
  }
}

/**
 * The stored text (JSON by locale) with the form's languages written over it: an empty field
 * clears its language, a field the caller did not send keeps it.
 */
function mergeText(existing: string | null, input: ItemInput, name: 'title' | 'description'): string {
  const map = { ...parseLocalized(existing) };
  for (const code of LOCALES) {
    const value = (input as Record<string, unknown>)[`${name}_${code}`];
    if (typeof value !== 'string') continue;
    if (value) map[code] = value;
    else delete map[code];
  }
  for (const [k, v] of Object.entries(map)) if (!v) delete map[k];
  return JSON.stringify(map);
}

function detailColumns(input: ItemInput, existing?: { title: string; description: string }) {
  return {
    title: mergeText(existing?.title ?? null, input, 'title'),
    description: mergeText(existing?.description ?? null, input, 'description'),
    stage_id: input.stage_id,
    category: input.category,
    languages: JSON.stringify([...new Set(input.languages)]),
    accessibility: JSON.stringify([...new Set(input.accessibility)]),
    host_organisation_id: input.host_organisation_id,
    registration_id: input.registration_id,
  };
}

function newUid(editionSlug: string): string {
  return `${editionSlug}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates a draft item, or one draft per occurrence when it repeats: every occurrence gets
 * its own uid (`<series>-<yyyymmdd>`) and the series uid, so feeds carry one event each.
 */
export async function createItem(db: DB, editionId: number, input: ItemForm): Promise<string[]> {
  const edition = await db.selectFrom('editions').select(['slug', 'starts_on', 'ends_on']).where('id', '=', editionId).executeTakeFirstOrThrow();
  assertDayInEdition(edition, input.day);
  await checkReferences(db, editionId, input);
  const first = instants(input.day, input.start, input.end);
  const minutes = Math.round((Date.parse(first.ends_at) - Date.parse(first.starts_at)) / 60_000);
  const columns = detailColumns(input);
  const now = new Date().toISOString();
  if (input.repeat === 'none') {
    const uid = newUid(edition.slug);
    await db.insertInto('program_item_drafts').values({ edition_id: editionId, uid, ...columns, ...first, updated_at: now }).execute();
    return [uid];
  }
  if (input.repeat_until && input.repeat_until > edition.ends_on) {
    throw new ValidationError('schedule:errors.repeatAfterEdition', { repeat_until: 'schedule:errors.repeatAfterEdition' });
  }
  const occurrences = expandOccurrences({ rule: dailyUntil(input.repeat_until!), day: input.day, time: input.start, minutes, lastDay: edition.ends_on });
  const seriesUid = newUid(edition.slug);
  const rows = occurrences.map((o) => ({
    edition_id: editionId,
    uid: `${seriesUid}-${o.day.replaceAll('-', '')}`,
    series_uid: seriesUid,
    ...columns,
    starts_at: o.starts_at,
    ends_at: o.ends_at,
    updated_at: now,
  }));
  await db.insertInto('program_item_drafts').values(rows).execute();
  return rows.map((r) => r.uid);
}

async function requireDraft(db: DB, editionId: number, uid: string) {
  const item = await db.selectFrom('program_item_drafts').selectAll().where('edition_id', '=', editionId).where('uid', '=', uid).executeTakeFirst();
  if (!item) throw new NotFoundError('errors.itemNotFound');
  return item;
}

/** Saves every field of a draft from its edit form. */
export async function updateItem(db: DB, editionId: number, uid: string, input: ItemInput): Promise<void> {
  const item = await requireDraft(db, editionId, uid);
  const edition = await db.selectFrom('editions').select(['starts_on', 'ends_on']).where('id', '=', editionId).executeTakeFirstOrThrow();
  // an item left outside the days (by an older clone, say) can still be edited where it is
  assertDayInEdition(edition, input.day, berlinDay(item.starts_at));
  await checkReferences(db, editionId, input);
  const times = instants(input.day, input.start, input.end);
  await db
    .updateTable('program_item_drafts')
    .set({ ...detailColumns(input, item), ...times, updated_at: new Date().toISOString() })
    .where('id', '=', item.id)
    .execute();
}

/** Moves a draft to another stage and/or start; it keeps its length. */
export async function moveItem(db: DB, editionId: number, uid: string, to: { stage_id: number; day: string; start: string }): Promise<void> {
  const item = await requireDraft(db, editionId, uid);
  await checkReferences(db, editionId, { stage_id: to.stage_id });
  let starts_at: string;
  try {
    starts_at = berlinToUtc(to.day, to.start);
  } catch {
    throw new ValidationError('schedule:errors.day', { day: 'schedule:errors.day' });
  }
  const length = Date.parse(item.ends_at) - Date.parse(item.starts_at);
  await db
    .updateTable('program_item_drafts')
    .set({ stage_id: to.stage_id, starts_at, ends_at: new Date(Date.parse(starts_at) + length).toISOString(), updated_at: new Date().toISOString() })
    .where('id', '=', item.id)
    .execute();
}

/** Changes when a draft ends (Berlin wall-clock time; at or before its start means the next day). */
export async function resizeItem(db: DB, editionId: number, uid: string, end: string): Promise<void> {
  const item = await requireDraft(db, editionId, uid);
  const { ends_at } = instants(berlinDay(item.starts_at), berlinTime(item.starts_at), end);
  await db.updateTable('program_item_drafts').set({ ends_at, updated_at: new Date().toISOString() }).where('id', '=', item.id).execute();
}

/** Cancels or restores a draft; cancelled items stay on the program, marked cancelled. */
export async function setItemStatus(db: DB, editionId: number, uid: string, status: ProgramItemStatus): Promise<void> {
  const item = await requireDraft(db, editionId, uid);
  await db.updateTable('program_item_drafts').set({ status, updated_at: new Date().toISOString() }).where('id', '=', item.id).execute();
}

/** Removes a draft that was never published (a mistake); published items can only be cancelled. */
export async function deleteUnpublishedItem(db: DB, editionId: number, uid: string): Promise<void> {
  const item = await requireDraft(db, editionId, uid);
  const published = await db.selectFrom('program_items').select('id').where('uid', '=', uid).executeTakeFirst();
  if (published) throw new ConflictError('schedule:errors.deletePublished');
  await db.deleteFrom('program_item_drafts').where('id', '=', item.id).execute();
}
