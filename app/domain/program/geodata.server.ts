/**
 * GeoJSON (RFC 7946) open data of an edition: its venues, and the pitches of the confirmed
 * exhibitors who agreed to be listed (the same rule as the public site plan and the
 * exhibitors page). Coordinates are WGS 84 [longitude, latitude]. The site plan has no
 * surveyed coordinates, so a pitch is placed at its area's venue and carries its position
 * on the plan (metres) as properties; docs/decisions/096.
 */
import type { DB } from '../../../db/connection';
import { NotFoundError } from '../errors';
import { parseLocalized } from '../../lib/i18n-text';

type Point = { type: 'Point'; coordinates: [number, number] };
const point = (lat: number | null, lng: number | null): Point | null => (lat != null && lng != null ? { type: 'Point', coordinates: [lng, lat] } : null);

async function publicEdition(db: DB, slug: string) {
  const edition = await db
    .selectFrom('editions')
    .select(['id', 'slug', 'title'])
    .where('slug', '=', slug)
    .where('status', 'in', ['published', 'archived'])
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  return edition;
}

export async function venuesGeoJson(db: DB, slug: string, publicUrl: string) {
  const edition = await publicEdition(db, slug);
  const [venues, stages] = await Promise.all([
    db.selectFrom('venues').select(['id', 'name', 'address', 'lat', 'lng']).where('edition_id', '=', edition.id).orderBy('id').execute(),
    db.selectFrom('stages').select(['slug', 'name', 'kind', 'venue_id']).where('edition_id', '=', edition.id).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return {
    type: 'FeatureCollection' as const,
    features: venues.map((v) => ({
      type: 'Feature' as const,
      id: v.id,
      // a venue without coordinates is still listed (RFC 7946 allows a null geometry)
      geometry: point(v.lat, v.lng),
      properties: {
        edition: edition.slug,
        name: parseLocalized(v.name),
        address: v.address,
        stages: stages.filter((s) => s.venue_id === v.id).map((s) => ({ slug: s.slug, kind: s.kind, name: parseLocalized(s.name) })),
        url: `${publicUrl}/editions/${edition.slug}`,
      },
    })),
  };
}

export async function pitchesGeoJson(db: DB, slug: string, publicUrl: string) {
  const edition = await publicEdition(db, slug);
  const rows = await db
    .selectFrom('pitches')
    .innerJoin('registrations', 'registrations.id', 'pitches.registration_id')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .innerJoin('stages', 'stages.id', 'pitches.stage_id')
    .innerJoin('venues', 'venues.id', 'stages.venue_id')
    .select([
      'pitches.id',
      'pitches.label',
      'pitches.x',
      'pitches.y',
      'pitches.width',
      'pitches.height',
      'stages.slug as area_slug',
      'stages.name as area_name',
      'venues.name as venue_name',
      'venues.address as venue_address',
      'venues.lat',
      'venues.lng',
      'organisations.slug as organisation_slug',
      'organisations.name as organisation_name',
    ])
    .where('pitches.edition_id', '=', edition.id)
    .where('registrations.state', '=', 'confirmed')
    .where('registrations.public_consent', '=', 1)
    .orderBy('stages.sort_order')
    .orderBy('pitches.id')
    .execute();
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((p) => ({
      type: 'Feature' as const,
      id: p.id,
      geometry: point(p.lat, p.lng),
      properties: {
        edition: edition.slug,
        pitch: p.label,
        area: { slug: p.area_slug, name: parseLocalized(p.area_name) },
        venue: { name: parseLocalized(p.venue_name), address: p.venue_address },
        exhibitor: { slug: p.organisation_slug, name: p.organisation_name, url: `${publicUrl}/organisations/${p.organisation_slug}` },
        plan: { x: p.x, y: p.y, width: p.width, height: p.height, unit: 'm' },
      },
    })),
  };
}
