/**
 * Editions in the office: create one from nothing (cloning stays in office/clone.server.ts),
 * edit its facts, move it through its lifecycle (draft → published → archived), call it off
 * as a whole, or delete it while nothing hangs on it. Each use case owns its transaction and
 * writes the audit log in it; the route drops the cached feeds after the commit.
 */
import type { DB } from '../../../db/connection';
import type { Edition, EditionStatus } from '../../../db/schema';
import { berlinDay, daysBetween } from '../../lib/time';
import { berlinWallClockToUtc } from '../../lib/berlin-clock';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, ValidationError } from '../errors';
import { enqueueMail } from '../mail/outbox.server';
import { assertCanManageEdition, assertCanManageSeries, type Actor } from '../people/authorise.server';
import { publishScheduleIn } from '../schedule/publish.server';
import { localizedJson } from '../series/series.schema';
import { editionDateErrors, STATUS_CHANGES, type EditionInput } from './edition.schema';
import { afterPublicChange } from '../feeds/feed-cache.server';


/** Application states that still concern an exhibitor when the edition is called off. */
const ACTIVE_APPLICATIONS = ['submitted', 'approved', 'waitlisted', 'confirmed'] as const;

function checkDates(input: EditionInput) {
  const errors = editionDateErrors(input);
  const [first] = Object.values(errors);
  if (first) throw new ValidationError(first, errors);
}

function columnsOf(input: EditionInput) {
  const endsOn = input.endsOn ?? input.startsOn;
  return {
    title: localizedJson(input, 'title'),
    description: localizedJson(input, 'description'),
    starts_on: input.startsOn,
    ends_on: endsOn,
    year: Number(input.startsOn.slice(0, 4)),
    registration_opens_at: input.opensAt ? berlinWallClockToUtc(input.opensAt) : null,
    registration_closes_at: input.closesAt ? berlinWallClockToUtc(input.closesAt) : null,
  };
}

async function assertSlugFree(trx: DB, slug: string, exceptId?: number) {
  let query = trx.selectFrom('editions').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new ValidationError('setup:errors.slugTaken', { slug: 'setup:errors.slugTaken' }, { slug });
}

export async function createEdition(db: DB, actor: Actor, seriesId: number, input: EditionInput): Promise<{ id: number; slug: string }> {
  await assertCanManageSeries(db, actor, seriesId);
  checkDates(input);
  return db.transaction().execute(async (trx) => {
    const series = await trx.selectFrom('series').select(['id', 'slug']).where('id', '=', seriesId).executeTakeFirst();
    if (!series) throw new ValidationError('setup:errors.seriesNotFound', { seriesId: 'setup:errors.seriesNotFound' });
    const columns = columnsOf(input);
    const slug = input.slug || `${series.slug}-${columns.year}`;
    await assertSlugFree(trx, slug);
    const row = await trx
      .insertInto('editions')
      .values({ series_id: series.id, slug, status: 'draft', ...columns })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'edition.created',
      subjectType: 'edition',
      subjectId: row.id,
      details: { slug, startsOn: columns.starts_on, endsOn: columns.ends_on },
    });
    return row;
  });
}

/** How many program items (published or draft) and opening hours fall outside `days`. */
async function outsideDays(trx: DB, editionId: number, days: Set<string>): Promise<number> {
  const [items, drafts, hours] = await Promise.all([
    trx.selectFrom('program_items').select('starts_at').where('edition_id', '=', editionId).where('status', '!=', 'cancelled').execute(),
    trx.selectFrom('program_item_drafts').select('starts_at').where('edition_id', '=', editionId).where('status', '!=', 'cancelled').execute(),
    trx
      .selectFrom('opening_hours')
      .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
      .select('opening_hours.day')
      .where('stages.edition_id', '=', editionId)
      .execute(),
  ]);
  const uids = drafts.length > 0 ? drafts : items;
  return uids.filter((i) => !days.has(berlinDay(i.starts_at))).length + hours.filter((h) => !days.has(h.day)).length;
}

export async function updateEdition(db: DB, actor: Actor, editionId: number, input: EditionInput): Promise<{ id: number; slug: string }> {
  const current = await assertCanManageEdition(db, actor, editionId);
  checkDates(input);
  return afterPublicChange(() => db.transaction().execute(async (trx) => {
    const columns = columnsOf(input);
    const slug = input.slug || current.slug;
    if (slug !== current.slug) {
      if (current.status !== 'draft') throw new ValidationError('setup:errors.editionSlugLocked', { slug: 'setup:errors.editionSlugLocked' });
      await assertSlugFree(trx, slug, editionId);
    }
    if (columns.starts_on !== current.starts_on || columns.ends_on !== current.ends_on) {
      const outside = await outsideDays(trx, editionId, new Set(daysBetween(columns.starts_on, columns.ends_on)));
      if (outside > 0) {
        throw new ValidationError('setup:errors.plannedOutsideDays', { startsOn: 'setup:errors.plannedOutsideDays', endsOn: 'setup:errors.plannedOutsideDays' }, { count: outside });
      }
    }
    await trx.updateTable('editions').set({ slug, ...columns }).where('id', '=', editionId).execute();
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => columns[k] !== current[k]);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'edition.updated',
      subjectType: 'edition',
      subjectId: editionId,
      details: { slug, changed: slug !== current.slug ? [...changed, 'slug'] : changed },
    });
    return { id: editionId, slug };
  }));
}

export async function changeEditionStatus(db: DB, actor: Actor, editionId: number, to: EditionStatus): Promise<Edition> {
  const current = await assertCanManageEdition(db, actor, editionId);
  if (!STATUS_CHANGES[current.status].includes(to)) {
    throw new ConflictError('setup:errors.statusChange', { from: current.status, to });
  }
  return afterPublicChange(() => db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('editions').set({ status: to }).where('id', '=', editionId).where('status', '=', current.status).returningAll().executeTakeFirst();
    if (!updated) throw new ConflictError('setup:errors.statusChange', { from: current.status, to });
    await recordAudit(trx, { actorId: actor.id, action: `edition.${to}`, subjectType: 'edition', subjectId: editionId, details: { from: current.status, to } });
    return updated;
  }));
}

export interface CancelOutcome {
  /** the schedule release that cancelled every item; null when the edition had no items */
  release: number | null;
  exhibitors: number;
  followers: number;
}

/**
 * Calls the whole edition off: every program item is cancelled in a new schedule release
 * (followers of the series get the release mail), every association with an open or
 * confirmed application is told in its contact person's language, and the edition stays
 * listed as cancelled. All in one transaction.
 */
export async function cancelEdition(db: DB, actor: Actor, editionId: number, options: { publicUrl: string; now?: Date }): Promise<CancelOutcome> {
  const current = await assertCanManageEdition(db, actor, editionId);
  if (current.cancelled_at) throw new ConflictError('setup:errors.alreadyCancelled');
  if (current.status === 'draft') throw new ConflictError('setup:errors.cancelDraft');
  const now = options.now ?? new Date();
  return afterPublicChange(() => db.transaction().execute(async (trx) => {
    await trx.updateTable('editions').set({ cancelled_at: now.toISOString() }).where('id', '=', editionId).execute();
    await trx.updateTable('program_item_drafts').set({ status: 'cancelled', updated_at: now.toISOString() }).where('edition_id', '=', editionId).execute();
    const pending = await trx.selectFrom('program_items').select('id').where('edition_id', '=', editionId).where('status', '!=', 'cancelled').executeTakeFirst();
    const draftsLeft = await trx.selectFrom('program_item_drafts').select('id').where('edition_id', '=', editionId).executeTakeFirst();
    let release: number | null = null;
    let followers = 0;
    if (pending || draftsLeft) {
      try {
        const published = await publishScheduleIn(trx, editionId, actor.id, { now, publicUrl: options.publicUrl });
        release = published.version;
        followers = published.notified;
      } catch (error) {
        // every item was cancelled already: there is nothing to publish, which is fine here
        if (!(error instanceof ConflictError && error.messageKey === 'schedule:publish.nothingToPublish')) throw error;
      }
    }
    const series = await trx.selectFrom('series').select('contact_email').where('id', '=', current.series_id).executeTakeFirstOrThrow();
    const contacts = await trx
      .selectFrom('registrations')
      .innerJoin('memberships', 'memberships.organisation_id', 'registrations.organisation_id')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select(['people.id as person_id', 'people.email', 'people.locale', 'organisations.name as organisation'])
      .where('registrations.edition_id', '=', editionId)
      .where('registrations.state', 'in', ACTIVE_APPLICATIONS)
      .where('people.erased_at', 'is', null)
      .orderBy('people.id')
      .execute();
    for (const c of contacts) {
      await enqueueMail(trx, {
        to: c.email,
        locale: c.locale,
        template: 'edition-cancelled',
        payload: {
          editionTitle: current.title,
          startsOn: current.starts_on,
          endsOn: current.ends_on,
          organisation: c.organisation,
          contact: series.contact_email,
          url: `${options.publicUrl}/editions/${current.slug}`,
        },
        dedupeKey: `edition-cancelled:${editionId}:${c.person_id}`,
      });
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'edition.cancelled',
      subjectType: 'edition',
      subjectId: editionId,
      details: { release, exhibitors: contacts.length, followers },
    });
    return { release, exhibitors: contacts.length, followers };
  }));
}

/**
 * Deletes an edition nothing hangs on yet. Once associations applied or a schedule was
 * published, people and calendars refer to it: it can only be cancelled or archived.
 */
export async function deleteEdition(db: DB, actor: Actor, editionId: number): Promise<void> {
  const current = await assertCanManageEdition(db, actor, editionId);
  await afterPublicChange(() => db.transaction().execute(async (trx) => {
    const [applications, releases] = await Promise.all([
      trx.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', editionId).executeTakeFirstOrThrow(),
      trx.selectFrom('schedule_releases').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', editionId).executeTakeFirstOrThrow(),
    ]);
    const counts = { applications: Number(applications.n), releases: Number(releases.n) };
    if (counts.applications > 0 || counts.releases > 0) throw new ConflictError('setup:errors.deleteRefused', counts);
    await trx.deleteFrom('editions').where('id', '=', editionId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'edition.deleted', subjectType: 'edition', subjectId: editionId, details: { slug: current.slug } });
  }));
}
