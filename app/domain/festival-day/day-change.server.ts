/**
 * Changes on the festival day (docs/decisions/114): an item is delayed by some minutes, moved
 * (another stage or time) or cancelled, and the change is public at once. It starts from the
 * published item, writes the result into the editor's draft of that item (times, stage and
 * status only; its other unpublished edits stay as they are) and publishes that one item
 * through the one publish path: a new release with its changelog entry, SEQUENCE raised in
 * the feeds, the series' followers told. The association whose act it is gets a mail. The
 * conflicts the change causes are shown before it is confirmed, and do not block it then.
 */
import type { DB } from '../../../db/connection';
import { berlinToUtc } from '../../lib/berlin-clock';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { enqueueMail } from '../mail/outbox.server';
import { findConflicts, type Conflict } from '../schedule/conflicts';
import { loadPublished } from '../schedule/editor.server';
import { publishScheduleIn } from '../schedule/publish.server';
import { afterPublicChange } from '../feeds/feed-cache.server';

export const DELAY_MAX_MINUTES = 240;

export type DayChange = { kind: 'delay'; minutes: number } | { kind: 'move'; stage_id: number; day: string; start: string } | { kind: 'cancel' };

export interface DayChangeMailPayload {
  organisation: string;
  /** JSON by locale */
  edition: string;
  /** JSON by locale */
  title: string;
  kind: DayChange['kind'];
  minutes: number | null;
  before: { starts_at: string; ends_at: string; stage: string | null };
  after: { starts_at: string; ends_at: string; stage: string | null };
  url: string;
}

async function publishedItem(db: DB, editionId: number, uid: string) {
  const item = await db
    .selectFrom('program_items')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('uid', '=', uid)
    .executeTakeFirst();
  if (!item) throw new NotFoundError('festival-day:errors.notPublished');
  return item;
}

/** The item as the public sees it now, for the page that changes it. */
export async function dayChangeItem(db: DB, editionId: number, uid: string) {
  const item = await publishedItem(db, editionId, uid);
  return { uid: item.uid, title: item.title, stage_id: item.stage_id, starts_at: item.starts_at, ends_at: item.ends_at, status: item.status, host_organisation_id: item.host_organisation_id };
}

/** Where and when the item is after the change (it keeps its length when delayed or moved). */
async function changedState(db: DB, editionId: number, item: { stage_id: number | null; starts_at: string; ends_at: string; status: string }, change: DayChange) {
  const length = Date.parse(item.ends_at) - Date.parse(item.starts_at);
  if (change.kind === 'cancel') {
    if (item.status === 'cancelled') throw new ConflictError('festival-day:errors.alreadyCancelled');
    return { stage_id: item.stage_id, starts_at: item.starts_at, ends_at: item.ends_at, status: 'cancelled' as const };
  }
  if (item.status === 'cancelled') throw new ConflictError('festival-day:errors.cancelledItem');
  if (change.kind === 'delay') {
    if (!Number.isInteger(change.minutes) || change.minutes === 0 || Math.abs(change.minutes) > DELAY_MAX_MINUTES) {
      throw new ValidationError('festival-day:errors.minutes', { minutes: 'festival-day:errors.minutes' }, { max: DELAY_MAX_MINUTES });
    }
    const starts = Date.parse(item.starts_at) + change.minutes * 60_000;
    return { stage_id: item.stage_id, starts_at: new Date(starts).toISOString(), ends_at: new Date(starts + length).toISOString(), status: 'scheduled' as const };
  }
  const stage = await db.selectFrom('stages').select('id').where('id', '=', change.stage_id).where('edition_id', '=', editionId).executeTakeFirst();
  if (!stage) throw new ValidationError('schedule:errors.stage', { stage_id: 'schedule:errors.stage' });
  let starts_at: string;
  try {
    starts_at = berlinToUtc(change.day, change.start);
  } catch {
    throw new ValidationError('schedule:errors.day', { day: 'schedule:errors.day' });
  }
  if (starts_at === item.starts_at && change.stage_id === item.stage_id) throw new ValidationError('festival-day:errors.nothingChanges', { start: 'festival-day:errors.nothingChanges' });
  return { stage_id: change.stage_id, starts_at, ends_at: new Date(Date.parse(starts_at) + length).toISOString(), status: 'scheduled' as const };
}

/** What the change would do, and the conflicts it would cause, before anyone confirms. */
export async function previewDayChange(db: DB, editionId: number, uid: string, change: DayChange) {
  const item = await publishedItem(db, editionId, uid);
  const after = await changedState(db, editionId, item, change);
  const [edition, published, stages, openingHours, registrations] = await Promise.all([
    db.selectFrom('editions').select(['starts_on', 'ends_on']).where('id', '=', editionId).executeTakeFirstOrThrow(),
    loadPublished(db, editionId),
    db.selectFrom('stages').select(['id', 'changeover_minutes', 'name']).where('edition_id', '=', editionId).execute(),
    db
      .selectFrom('opening_hours')
      .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
      .select(['opening_hours.stage_id', 'opening_hours.opens_at', 'opening_hours.closes_at'])
      .where('stages.edition_id', '=', editionId)
      .execute(),
    db.selectFrom('registrations').select(['id', 'state']).where('edition_id', '=', editionId).where('stage_act_title', 'is not', null).execute(),
  ]);
  const items = published.map((p) => (p.uid === uid ? { ...p, ...after } : p));
  const before = findConflicts({ edition, stages, openingHours, registrations, items: published });
  const known = new Set(before.map((c) => `${c.kind}|${[...c.uids].sort().join()}`));
  // only the conflicts this change causes, about this item
  const conflicts: Conflict[] = findConflicts({ edition, stages, openingHours, registrations, items }).filter(
    (c) => c.uids.includes(uid) && !known.has(`${c.kind}|${[...c.uids].sort().join()}`),
  );
  const named = new Set(conflicts.flatMap((c) => c.uids));
  return {
    item: { uid: item.uid, title: item.title, stage_id: item.stage_id, starts_at: item.starts_at, ends_at: item.ends_at, status: item.status, host_organisation_id: item.host_organisation_id },
    after,
    conflicts,
    // what the conflict texts name
    related: {
      items: Object.fromEntries(published.filter((p) => named.has(p.uid)).map((p) => [p.uid, { title: p.title, host_name: null as string | null }])),
      stages: Object.fromEntries(stages.map((s) => [s.id, s.name])),
    },
  };
}

/** Makes the change public: the draft follows, one item is published, the host association is told. */
export async function applyDayChange(db: DB, input: { editionId: number; uid: string; change: DayChange; personId: number; publicUrl: string; now?: Date }) {
  const now = input.now ?? new Date();
  // the cached feeds are dropped once the release is committed
  return afterPublicChange(() => db.transaction().execute(async (trx) => {
    const item = await publishedItem(trx, input.editionId, input.uid);
    const after = await changedState(trx, input.editionId, item, input.change);
    const stamp = now.toISOString();
    const draft = await trx
      .updateTable('program_item_drafts')
      .set({ stage_id: after.stage_id, starts_at: after.starts_at, ends_at: after.ends_at, status: after.status, updated_at: stamp })
      .where('edition_id', '=', input.editionId)
      .where('uid', '=', input.uid)
      .executeTakeFirst();
    if (Number(draft.numUpdatedRows) !== 1) throw new NotFoundError('festival-day:errors.notPublished');
    const release = await publishScheduleIn(trx, input.editionId, input.personId, { now, publicUrl: input.publicUrl, only: { uids: [input.uid], conflictsConfirmed: true } });
    await recordAudit(trx, {
      actorId: input.personId,
      action: 'schedule.day_change',
      subjectType: 'program_item',
      subjectId: input.uid,
      details: { kind: input.change.kind, ...(input.change.kind === 'delay' ? { minutes: input.change.minutes } : {}), release: release.version },
      at: now,
    });
    const hostMailed = item.host_organisation_id ? await mailHost(trx, { ...input, item, after, releaseId: release.releaseId }) : 0;
    return { version: release.version, notified: release.notified, hostMailed };
  }));
}

async function mailHost(
  trx: DB,
  input: {
    editionId: number;
    uid: string;
    change: DayChange;
    publicUrl: string;
    releaseId: number;
    item: { title: string; stage_id: number | null; starts_at: string; ends_at: string; host_organisation_id: number | null };
    after: { stage_id: number | null; starts_at: string; ends_at: string };
  },
): Promise<number> {
  const [organisation, edition, stages, contacts] = await Promise.all([
    trx.selectFrom('organisations').select(['name']).where('id', '=', input.item.host_organisation_id!).executeTakeFirstOrThrow(),
    trx.selectFrom('editions').select(['title']).where('id', '=', input.editionId).executeTakeFirstOrThrow(),
    trx.selectFrom('stages').select(['id', 'name']).where('edition_id', '=', input.editionId).execute(),
    trx
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .select(['people.id', 'people.email', 'people.locale'])
      .where('memberships.organisation_id', '=', input.item.host_organisation_id!)
      .where('people.erased_at', 'is', null)
      .orderBy('people.id')
      .execute(),
  ]);
  const stageName = (id: number | null) => stages.find((s) => s.id === id)?.name ?? null;
  const payload: DayChangeMailPayload = {
    organisation: organisation.name,
    edition: edition.title,
    title: input.item.title,
    kind: input.change.kind,
    minutes: input.change.kind === 'delay' ? input.change.minutes : null,
    before: { starts_at: input.item.starts_at, ends_at: input.item.ends_at, stage: stageName(input.item.stage_id) },
    after: { starts_at: input.after.starts_at, ends_at: input.after.ends_at, stage: stageName(input.after.stage_id) },
    url: `${input.publicUrl}/program/${input.uid}`,
  };
  for (const contact of contacts) {
    await enqueueMail(trx, { to: contact.email, locale: contact.locale, template: 'day-change', payload, dedupeKey: `day-change:${input.releaseId}:${input.uid}:${contact.id}` });
  }
  return contacts.length;
}
