/**
 * Series in the office: administrators create them; administrators and the series team
 * edit them. The slug (part of public addresses) can change until the series' first
 * edition is published; after that, links to it are out in the world.
 */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { assertAdministrator, assertCanManageSeries, officeScope, type Actor } from '../people/authorise.server';
import { slugify } from '../../lib/slug';
import { localizedJson, type SeriesInput } from './series.schema';

const PUBLIC = ['published', 'archived'] as const;

async function hasPublicEdition(db: DB, seriesId: number): Promise<boolean> {
  const row = await db.selectFrom('editions').select('id').where('series_id', '=', seriesId).where('status', 'in', PUBLIC).executeTakeFirst();
  return Boolean(row);
}

async function assertSlugFree(trx: DB, slug: string, exceptId?: number) {
  let query = trx.selectFrom('series').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new ValidationError('setup:errors.slugTaken', { slug: 'setup:errors.slugTaken' }, { slug });
}

export async function createSeries(db: DB, actor: Actor, input: SeriesInput): Promise<{ id: number; slug: string }> {
  assertAdministrator(actor);
  const slug = input.slug || slugify(input.title_de ?? '');
  if (!slug) throw new ValidationError('setup:errors.slugFormat', { slug: 'setup:errors.slugFormat' });
  return db.transaction().execute(async (trx) => {
    await assertSlugFree(trx, slug);
    const row = await trx
      .insertInto('series')
      .values({ slug, name: localizedJson(input, 'title'), description: localizedJson(input, 'description'), contact_email: input.contactEmail ?? null })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'series.created', subjectType: 'series', subjectId: row.id, details: { slug } });
    return row;
  });
}

export async function updateSeries(db: DB, actor: Actor, seriesId: number, input: SeriesInput): Promise<{ id: number; slug: string }> {
  await assertCanManageSeries(db, actor, seriesId);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('series').selectAll().where('id', '=', seriesId).executeTakeFirst();
    if (!current) throw new NotFoundError('setup:errors.seriesNotFound');
    const slug = input.slug || current.slug;
    if (slug !== current.slug) {
      if (await hasPublicEdition(trx, seriesId)) throw new ValidationError('setup:errors.slugLocked', { slug: 'setup:errors.slugLocked' });
      await assertSlugFree(trx, slug, seriesId);
    }
    await trx
      .updateTable('series')
      .set({ slug, name: localizedJson(input, 'title'), description: localizedJson(input, 'description'), contact_email: input.contactEmail ?? null })
      .where('id', '=', seriesId)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'series.updated',
      subjectType: 'series',
      subjectId: seriesId,
      details: { slug, ...(slug !== current.slug ? { previousSlug: current.slug } : {}) },
    });
    return { id: seriesId, slug };
  });
}

/** One series for its edit form, with whether its slug may still change. */
export async function getSeriesForOffice(db: DB, actor: Actor, slug: string) {
  const series = await db.selectFrom('series').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!series) throw new NotFoundError('setup:errors.seriesNotFound');
  await assertCanManageSeries(db, actor, series.id);
  return { ...series, slugLocked: await hasPublicEdition(db, series.id) };
}

/** The office start page: every series this person works on, with all its editions (drafts too). */
export async function listOfficeSeries(db: DB, actor: Actor) {
  const scope = await officeScope(db, actor);
  if (!scope.admin && scope.seriesIds.length === 0) return [];
  let query = db.selectFrom('series').select(['id', 'slug', 'name']).orderBy('id');
  if (!scope.admin) query = query.where('id', 'in', scope.seriesIds);
  const series = await query.execute();
  if (series.length === 0) return [];
  const editions = await db
    .selectFrom('editions')
    .select(['id', 'series_id', 'slug', 'title', 'starts_on', 'ends_on', 'status', 'cancelled_at'])
    .where(
      'series_id',
      'in',
      series.map((s) => s.id),
    )
    .orderBy('starts_on', 'desc')
    .execute();
  return series.map((s) => ({ ...s, editions: editions.filter((e) => e.series_id === s.id) }));
}

/** For a series an edition is created in: 409 if there is none to create it in. */
export async function assertSeriesExists(db: DB, seriesId: number) {
  const row = await db.selectFrom('series').select(['id', 'slug']).where('id', '=', seriesId).executeTakeFirst();
  if (!row) throw new ConflictError('setup:errors.seriesNotFound');
  return row;
}
