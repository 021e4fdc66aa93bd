/**
 * The open-data shape of the program and the editions (GET /api/v1/program, /api/v1/editions),
 * documented in public/openapi.json. Texts stay objects keyed by language, as stored, so
 * partners can show the language they need. Only public editions; no personal data.
 */
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { nestedRows, type DB } from '../../../db/connection';
import { parseList, parseLocalized } from '../../lib/i18n-text';
import { berlinDay } from '../../lib/time';
import type { ProgramFilter } from './program-filter';
import { findPublicProgramItems } from './public-program.server';

export async function programForApi(db: DB, filter: ProgramFilter, publicUrl: string) {
  const items = await findPublicProgramItems(db, filter);
  return items.map((i) => ({
    uid: i.uid,
    sequence: i.sequence,
    status: i.status,
    title: parseLocalized(i.title),
    description: parseLocalized(i.description),
    starts_at: i.starts_at,
    ends_at: i.ends_at,
    day: berlinDay(i.starts_at),
    category: i.category,
    languages: parseList(i.languages),
    accessibility: parseList(i.accessibility),
    edition: { slug: i.edition_slug, title: parseLocalized(i.edition_title) },
    series: { slug: i.series_slug, name: parseLocalized(i.series_name) },
    stage: i.stage_slug ? { slug: i.stage_slug, name: parseLocalized(i.stage_name) } : null,
    venue: i.venue_address ? { name: parseLocalized(i.venue_name), address: i.venue_address, lat: i.venue_lat, lng: i.venue_lng } : null,
    host: i.host_slug ? { slug: i.host_slug, name: i.host_name } : null,
    updated_at: i.updated_at,
    url: `${publicUrl}/program/${encodeURIComponent(i.uid)}`,
    ics: `${publicUrl}/calendar/item/${encodeURIComponent(i.uid)}.ics`,
  }));
}

export async function editionsForApi(db: DB, filter: Pick<ProgramFilter, 'series' | 'edition'>, publicUrl: string) {
  let query = db
    .selectFrom('editions')
    .innerJoin('series', 'series.id', 'editions.series_id')
    .select((eb) => [
      'editions.slug',
      'editions.year',
      'editions.title',
      'editions.description',
      'editions.starts_on',
      'editions.ends_on',
      'editions.status',
      'series.slug as series_slug',
      'series.name as series_name',
      jsonArrayFrom(
        eb.selectFrom('venues').select(['venues.id', 'venues.name', 'venues.address', 'venues.lat', 'venues.lng']).whereRef('venues.edition_id', '=', 'editions.id').orderBy('venues.id'),
      ).as('venues'),
      jsonArrayFrom(
        eb
          .selectFrom('stages')
          .select(['stages.slug', 'stages.name', 'stages.kind', 'stages.venue_id'])
          .whereRef('stages.edition_id', '=', 'editions.id')
          .orderBy('stages.sort_order')
          .orderBy('stages.id'),
      ).as('stages'),
    ])
    .where('editions.status', 'in', ['published', 'archived']);
  if (filter.series.length) query = query.where('series.slug', 'in', filter.series);
  if (filter.edition.length) query = query.where('editions.slug', 'in', filter.edition);
  const rows = await query.orderBy('editions.starts_on', 'desc').execute();
  return rows.map((e) => {
    const venues = nestedRows(e.venues);
    return {
      slug: e.slug,
      year: e.year,
      status: e.status,
      title: parseLocalized(e.title),
      description: parseLocalized(e.description),
      starts_on: e.starts_on,
      ends_on: e.ends_on,
      series: { slug: e.series_slug, name: parseLocalized(e.series_name) },
      venues: venues.map((v) => ({ name: parseLocalized(v.name), address: v.address, lat: v.lat, lng: v.lng })),
      stages: nestedRows(e.stages).map((s) => ({
        slug: s.slug,
        name: parseLocalized(s.name),
        kind: s.kind,
        venue: venues.findIndex((v) => v.id === s.venue_id),
      })),
      url: `${publicUrl}/editions/${e.slug}`,
      program: `${publicUrl}/api/v1/program?edition=${e.slug}`,
      calendar: `${publicUrl}/calendar.ics?edition=${e.slug}`,
    };
  });
}
