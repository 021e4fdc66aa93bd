/**
 * A new edition from last year's in one step: dates on the same weekdays a year later
 * (clone-dates.ts), venues, stages with their opening hours, stand types and – when the
 * schedule branch's `pitches` table exists – pitches copied; the registration window moved
 * by the same number of days in Berlin wall-clock time. Optionally published at once, and
 * last year's confirmed exhibitors invited to apply again (one email each, in their language).
 */
import { sql } from 'kysely';
import type { DB } from '../../../db/connection';
import type { Edition } from '../../../db/schema';
import { preferencesTokenFor, preferencesUrls, wantsCirculars } from '../mail/preferences.server';
import { enqueueMail } from '../mail/outbox.server';
import { recordAudit } from '../audit/audit.server';
import { ConflictError } from '../errors';
import { assertCanManageEdition, manageableEdition, type Actor } from '../people/authorise.server';
import { shiftDay, shiftInstant, yearShiftDays } from './clone-dates';

export interface CloneContext {
  trx: DB;
  source: Edition;
  target: Edition;
  shiftDays: number;
  /** old id -> new id, per copied table */
  ids: Map<string, Map<number, number>>;
}

type CloneStep = { name: string; run: (ctx: CloneContext) => Promise<number> };

function idMap(ctx: CloneContext, table: string): Map<number, number> {
  let map = ctx.ids.get(table);
  if (!map) ctx.ids.set(table, (map = new Map()));
  return map;
}

/**
 * Copies the rows of a per-edition table that this module does not know the shape of
 * (the `pitches` of the schedule branch): every column as it is, except the id (new),
 * `edition_id` (the new edition) and foreign keys – to editions, or to a table copied
 * before (venues, stages, stand_types …) they are remapped; to anything else (an assigned
 * registration) they are cleared. Does nothing while the table does not exist.
 */
export async function copyEditionRows(ctx: CloneContext, table: string): Promise<number> {
  const { trx } = ctx;
  const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`.execute(trx);
  if (Number(exists.rows[0]?.n ?? 0) === 0) return 0;
  const columns = (await sql<{ name: string; pk: number; notnull: number }>`select name, pk, "notnull" from pragma_table_info(${table})`.execute(trx)).rows;
  const foreignKeys = (await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${table})`.execute(trx)).rows;
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where edition_id = ${ctx.source.id} order by rowid`.execute(trx)).rows;
  const map = idMap(ctx, table);
  for (const row of rows) {
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      if (column.pk === 1 && column.name === 'id') continue;
      let value = row[column.name];
      const fk = foreignKeys.find((f) => f.from === column.name);
      if (column.name === 'edition_id' || fk?.table === 'editions') value = ctx.target.id;
      else if (fk && value !== null && value !== undefined) {
        const copied = ctx.ids.get(fk.table);
        if (copied) value = copied.get(Number(value)) ?? null;
        else value = null;
        if (value === null && column.notnull) throw new Error(`cannot copy ${table}.${column.name}: it refers to ${fk.table}, which is not copied`);
      }
      values[column.name] = value;
    }
    const names = Object.keys(values);
    const inserted = await sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))}) values (${sql.join(names.map((n) => values[n]))}) returning rowid as id`.execute(trx);
    if (typeof row.id === 'number') map.set(row.id, inserted.rows[0]!.id);
  }
  return rows.length;
}

export const cloneSteps: CloneStep[] = [
  {
    name: 'venues',
    run: async (ctx) => {
      const rows = await ctx.trx.selectFrom('venues').selectAll().where('edition_id', '=', ctx.source.id).orderBy('id').execute();
      for (const { id, ...v } of rows) {
        const row = await ctx.trx.insertInto('venues').values({ ...v, edition_id: ctx.target.id }).returning('id').executeTakeFirstOrThrow();
        idMap(ctx, 'venues').set(id, row.id);
      }
      return rows.length;
    },
  },
  {
    name: 'stages',
    run: async (ctx) => {
      const rows = await ctx.trx.selectFrom('stages').selectAll().where('edition_id', '=', ctx.source.id).orderBy('id').execute();
      for (const { id, ...s } of rows) {
        const row = await ctx.trx
          .insertInto('stages')
          .values({ ...s, edition_id: ctx.target.id, venue_id: idMap(ctx, 'venues').get(s.venue_id)! })
          .returning('id')
          .executeTakeFirstOrThrow();
        idMap(ctx, 'stages').set(id, row.id);
      }
      return rows.length;
    },
  },
  {
    name: 'openingHours',
    run: async (ctx) => {
      const stageIds = [...idMap(ctx, 'stages').keys()];
      if (stageIds.length === 0) return 0;
      const rows = await ctx.trx.selectFrom('opening_hours').selectAll().where('stage_id', 'in', stageIds).orderBy('id').execute();
      for (const { id: _id, ...h } of rows) {
        await ctx.trx
          .insertInto('opening_hours')
          .values({
            stage_id: idMap(ctx, 'stages').get(h.stage_id)!,
            day: shiftDay(h.day, ctx.shiftDays),
            opens_at: shiftInstant(h.opens_at, ctx.shiftDays),
            closes_at: shiftInstant(h.closes_at, ctx.shiftDays),
          })
          .execute();
      }
      return rows.length;
    },
  },
  {
    name: 'standTypes',
    run: async (ctx) => {
      const rows = await ctx.trx.selectFrom('stand_types').selectAll().where('edition_id', '=', ctx.source.id).orderBy('id').execute();
      for (const { id, ...st } of rows) {
        const row = await ctx.trx.insertInto('stand_types').values({ ...st, edition_id: ctx.target.id }).returning('id').executeTakeFirstOrThrow();
        idMap(ctx, 'stand_types').set(id, row.id);
      }
      return rows.length;
    },
  },
  // The schedule branch's site plan: copied as soon as the table exists (see copyEditionRows).
  // Another per-edition table that pitches refer to (e.g. areas) needs its own line before this one.
  { name: 'pitches', run: (ctx) => copyEditionRows(ctx, 'pitches') },
];

function nextYearText(json: string, from: number, to: number): string {
  try {
    const value = JSON.parse(json) as Record<string, string>;
    return JSON.stringify(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v).replaceAll(String(from), String(to))])));
  } catch {
    return json;
  }
}

export interface CloneOptions {
  /** publish the new edition at once (otherwise a draft) */
  publish: boolean;
  /** invite last year's confirmed exhibitors (needs publish: the link must work) */
  invite: boolean;
  publicUrl: string;
}

export interface CloneResult {
  edition: { id: number; slug: string; starts_on: string; ends_on: string };
  counts: Record<string, number>;
  invited: number;
}

export function nextEditionSlug(source: Pick<Edition, 'slug' | 'year'>): string {
  const suffix = `-${source.year}`;
  return source.slug.endsWith(suffix) ? `${source.slug.slice(0, -suffix.length)}-${source.year + 1}` : `${source.slug}-${source.year + 1}`;
}

export async function cloneEdition(db: DB, actor: Actor, sourceSlug: string, options: CloneOptions): Promise<CloneResult> {
  const source = await manageableEdition(db, actor, sourceSlug);
  const slug = nextEditionSlug(source);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('editions').select('id').where('slug', '=', slug).executeTakeFirst();
    if (taken) throw new ConflictError('admin:clone.errors.exists', { slug });
    const shiftDays = yearShiftDays(source.starts_on, source.ends_on);
    const year = source.year + 1;
    const target = await trx
      .insertInto('editions')
      .values({
        series_id: source.series_id,
        slug,
        year,
        title: nextYearText(source.title, source.year, year),
        description: source.description,
        starts_on: shiftDay(source.starts_on, shiftDays),
        ends_on: shiftDay(source.ends_on, shiftDays),
        registration_opens_at: source.registration_opens_at ? shiftInstant(source.registration_opens_at, shiftDays) : null,
        registration_closes_at: source.registration_closes_at ? shiftInstant(source.registration_closes_at, shiftDays) : null,
        setup_info: source.setup_info,
        status: options.publish ? 'published' : 'draft',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ctx: CloneContext = { trx, source, target, shiftDays, ids: new Map() };
    const counts: Record<string, number> = {};
    for (const step of cloneSteps) counts[step.name] = await step.run(ctx);
    const invited = options.invite && options.publish ? await enqueueReapplyInvitations(trx, source.id, target, options.publicUrl) : 0;
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'edition.cloned',
      subjectType: 'edition',
      subjectId: target.id,
      details: { from: source.slug, to: slug, shiftDays, counts, invited },
    });
    return { edition: { id: target.id, slug, starts_on: target.starts_on, ends_on: target.ends_on }, counts, invited };
  });
}

/** Contact people of organisations whose application for `sourceEditionId` was confirmed. */
async function returningExhibitors(trx: DB, sourceEditionId: number) {
  return trx
    .selectFrom('registrations')
    .innerJoin('memberships', 'memberships.organisation_id', 'registrations.organisation_id')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .select(['people.id as person_id', 'people.email', 'people.locale', 'organisations.name as organisation'])
    .where('registrations.edition_id', '=', sourceEditionId)
    .where('registrations.state', '=', 'confirmed')
    .where('people.erased_at', 'is', null)
    .where(wantsCirculars)
    .orderBy('people.id')
    .execute();
}

async function enqueueReapplyInvitations(trx: DB, sourceEditionId: number, target: Edition, publicUrl: string): Promise<number> {
  const people = await returningExhibitors(trx, sourceEditionId);
  for (const p of people) {
    const stop = preferencesUrls(publicUrl, await preferencesTokenFor(trx, p.person_id));
    await enqueueMail(trx, {
      to: p.email,
      locale: p.locale,
      template: 'reapply-invitation',
      payload: {
        editionTitle: target.title,
        startsOn: target.starts_on,
        endsOn: target.ends_on,
        opensAt: target.registration_opens_at,
        closesAt: target.registration_closes_at,
        organisation: p.organisation,
        url: `${publicUrl}/editions/${target.slug}`,
        stopUrl: stop.page,
        oneClickUrl: stop.oneClick,
      },
      dedupeKey: `reapply:${target.id}:${p.person_id}`,
    });
  }
  return people.length;
}

/**
 * Invites last year's confirmed exhibitors to a published edition (when it was cloned as a
 * draft). Safe to repeat: each person gets the invitation once.
 */
export async function inviteReturningExhibitors(db: DB, actor: Actor, editionId: number, publicUrl: string): Promise<number> {
  const target = await assertCanManageEdition(db, actor, editionId);
  if (target.status !== 'published') throw new ConflictError('admin:clone.errors.notPublished');
  const previous = await db
    .selectFrom('editions')
    .selectAll()
    .where('series_id', '=', target.series_id)
    .where('starts_on', '<', target.starts_on)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  if (!previous) return 0;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('dedupe_key', 'like', `reapply:${target.id}:%`).executeTakeFirstOrThrow();
    await enqueueReapplyInvitations(trx, previous.id, target, publicUrl);
    const after = await trx.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('dedupe_key', 'like', `reapply:${target.id}:%`).executeTakeFirstOrThrow();
    const invited = Number(after.n) - Number(before.n);
    await recordAudit(trx, { actorId: actor.id, action: 'edition.invited_returning', subjectType: 'edition', subjectId: target.id, details: { from: previous.slug, invited } });
    return invited;
  });
}

/** What a clone would make: the new slug and dates, and how many people would be invited. */
export async function clonePreview(db: DB, actor: Actor, sourceSlug: string) {
  const source = await manageableEdition(db, actor, sourceSlug);
  const shiftDays = yearShiftDays(source.starts_on, source.ends_on);
  const slug = nextEditionSlug(source);
  const exists = Boolean(await db.selectFrom('editions').select('id').where('slug', '=', slug).executeTakeFirst());
  const invitees = await returningExhibitors(db, source.id);
  return {
    source: { slug: source.slug, title: source.title, starts_on: source.starts_on, ends_on: source.ends_on },
    target: {
      slug,
      title: nextYearText(source.title, source.year, source.year + 1),
      starts_on: shiftDay(source.starts_on, shiftDays),
      ends_on: shiftDay(source.ends_on, shiftDays),
      registration_opens_at: source.registration_opens_at ? shiftInstant(source.registration_opens_at, shiftDays) : null,
      registration_closes_at: source.registration_closes_at ? shiftInstant(source.registration_closes_at, shiftDays) : null,
    },
    exists,
    invitees: invitees.length,
  };
}
