/**
 * Publishing a schedule: the drafts are copied over the published program (program_items)
 * in one transaction, every changed item's sequence goes up by one, and a numbered release
 * records what changed (docs/decisions/033).
 */
import type { DB } from '../../../db/connection';
import { ConflictError, NotFoundError } from '../errors';
import { diffSchedule, parseChanges, type ReleaseChange } from './changes';
import { findConflicts, type Conflict } from './conflicts';
import { notifyScheduleRelease } from '../notifications/subscriptions.server';
import { loadPublished } from './editor.server';
import { afterPublicChange } from '../feeds/feed-cache.server';

/** Publishing refused: hard conflicts stand. The route shows the list (409). */
export class ScheduleConflictsError extends ConflictError {
  constructor(readonly conflicts: Conflict[]) {
    super('schedule:publish.blocked', { count: conflicts.length });
  }
}

export interface PublishedRelease {
  version: number;
  changes: ReleaseChange[];
  /** subscribers an update mail was queued for */
  notified: number;
}

/**
 * Publishes the edition's drafts. Subscribers of the series get their update mail through
 * the outbox in the same transaction; after the commit the cached feeds are dropped and the
 * mail worker is woken (enqueueMail signals it).
 */
export async function publishSchedule(
  db: DB,
  editionId: number,
  personId: number | null,
  options: { now?: Date; publicUrl?: string } = {},
): Promise<PublishedRelease & { releaseId: number }> {
  return afterPublicChange(() => db.transaction().execute((trx) => publishScheduleIn(trx, editionId, personId, options)));
}

export interface PublishOptions {
  now?: Date;
  publicUrl?: string;
  /**
   * A change on the festival day (app/domain/festival-day/day-change.server.ts): only these
   * items' drafts are published, other unpublished edits wait; the conflict check looks at the
   * program as it will be public, and the organiser has seen its conflicts and confirmed.
   */
  only?: { uids: string[]; conflictsConfirmed: boolean };
}

/** The same inside a transaction the caller owns (cancelling a whole edition publishes as part of it). */
export async function publishScheduleIn(trx: DB, editionId: number, personId: number | null, options: PublishOptions = {}): Promise<PublishedRelease & { releaseId: number }> {
  const now = options.now ?? new Date();
  {
    const edition = await trx.selectFrom('editions').select(['id', 'starts_on', 'ends_on']).where('id', '=', editionId).executeTakeFirst();
    if (!edition) throw new NotFoundError('errors.editionNotFound');
    const only = options.only ? new Set(options.only.uids) : null;
    const [allDrafts, published, stages, openingHours, registrations] = await Promise.all([
      trx.selectFrom('program_item_drafts').selectAll().where('edition_id', '=', editionId).execute(),
      loadPublished(trx, editionId),
      trx.selectFrom('stages').select(['id', 'changeover_minutes']).where('edition_id', '=', editionId).execute(),
      trx
        .selectFrom('opening_hours')
        .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
        .select(['opening_hours.stage_id', 'opening_hours.opens_at', 'opening_hours.closes_at'])
        .where('stages.edition_id', '=', editionId)
        .execute(),
      // only the applications items are linked to (their state decides stage-act conflicts)
      trx
        .selectFrom('registrations')
        .select(['id', 'state'])
        .where('edition_id', '=', editionId)
        .where('id', 'in', (eb) => eb.selectFrom('program_item_drafts').select('registration_id').where('edition_id', '=', editionId).where('registration_id', 'is not', null))
        .execute(),
    ]);
    const drafts = only ? allDrafts.filter((d) => only.has(d.uid)) : allDrafts;
    // what will be public: everything (a full publish), or the published program with these items replaced
    const checked = only ? [...published.filter((p) => !only.has(p.uid)), ...drafts] : drafts;
    const hard = findConflicts({ edition, stages, openingHours, registrations, items: checked }).filter((c) => c.severity === 'hard');
    if (hard.length > 0 && !options.only?.conflictsConfirmed) throw new ScheduleConflictsError(hard);

    const changes = diffSchedule(only ? published.filter((p) => only.has(p.uid)) : published, drafts);
    if (changes.length === 0) throw new ConflictError('schedule:publish.nothingToPublish');
    const stamp = now.toISOString();
    const changed = new Set(changes.map((c) => c.uid));
    // Only what differs is written: a release of 10 changes writes 10 items, not the whole program.
    const links = new Map(published.map((p) => [p.uid, p]));
    for (const draft of drafts) {
      const live = links.get(draft.uid);
      if (!changed.has(draft.uid)) {
        // Links that readers do not see (the application, the series) follow silently.
        if (live && (live.registration_id !== draft.registration_id || live.series_uid !== draft.series_uid)) {
          await trx
            .updateTable('program_items')
            .set({ registration_id: draft.registration_id, series_uid: draft.series_uid })
            .where('uid', '=', draft.uid)
            .execute();
        }
        continue;
      }
      const columns = {
        stage_id: draft.stage_id,
        title: draft.title,
        description: draft.description,
        starts_at: draft.starts_at,
        ends_at: draft.ends_at,
        category: draft.category,
        languages: draft.languages,
        accessibility: draft.accessibility,
        host_organisation_id: draft.host_organisation_id,
        registration_id: draft.registration_id,
        series_uid: draft.series_uid,
        status: draft.status,
      };
      if (!live) {
        await trx.insertInto('program_items').values({ edition_id: editionId, uid: draft.uid, sequence: 0, ...columns, updated_at: stamp }).execute();
      } else {
        // Once per release, however many edits were made since the last one.
        await trx
          .updateTable('program_items')
          .set((eb) => ({ ...columns, sequence: eb('sequence', '+', 1), updated_at: stamp }))
          .where('uid', '=', draft.uid)
          .execute();
      }
    }
    const last = await trx
      .selectFrom('schedule_releases')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('edition_id', '=', editionId)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const release = await trx
      .insertInto('schedule_releases')
      .values({ edition_id: editionId, version, published_at: stamp, published_by: personId, changes: JSON.stringify(changes) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notified = options.publicUrl ? await notifyScheduleRelease(trx, release.id, options.publicUrl) : 0;
    return { version, changes, notified, releaseId: release.id };
  }
}

/** The public changelog of an edition: every release, newest first, with item titles. */
export async function listReleases(db: DB, slug: string) {
  const edition = await db
    .selectFrom('editions')
    .select(['id', 'slug', 'title', 'starts_on', 'ends_on'])
    .where('slug', '=', slug)
    .where('status', 'in', ['published', 'archived'])
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  const [releases, items, stages] = await Promise.all([
    db.selectFrom('schedule_releases').select(['id', 'version', 'published_at', 'changes']).where('edition_id', '=', edition.id).orderBy('version', 'desc').execute(),
    db.selectFrom('program_items').select(['uid', 'title', 'stage_id', 'starts_at', 'ends_at', 'status']).where('edition_id', '=', edition.id).execute(),
    db.selectFrom('stages').select(['id', 'name']).where('edition_id', '=', edition.id).execute(),
  ]);
  const current = new Map(items.map((i) => [i.uid, i]));
  return {
    edition,
    stages,
    releases: releases.map((r) => ({
      version: r.version,
      published_at: r.published_at,
      // Older releases list only uids: fill in what the program knows now.
      changes: parseChanges(r.changes).map((c) => {
        const item = current.get(c.uid);
        return {
          ...c,
          title: c.title ?? item?.title ?? '{}',
          stage_id: c.stage_id !== undefined ? c.stage_id : (item?.stage_id ?? null),
          starts_at: c.starts_at ?? item?.starts_at ?? null,
          ends_at: c.ends_at ?? item?.ends_at ?? null,
          listed: Boolean(item),
        };
      }),
    })),
  };
}
