/** Crew lists: what every area needs (power, water, tables, benches), and the stands one by one. */
import type { DB } from '../../../db/connection';
import { pickText } from '../../lib/i18n-text';
import type { Locale } from '../../lib/i18n';
import { toCsv } from '../../lib/csv';
import { berlinStamp } from '../../lib/time';
import { PLACEABLE_STATES } from './pitches.server';

export interface Totals {
  stands: number;
  power_watts: number;
  water: number;
  tables: number;
  benches: number;
}

export async function getLogistics(db: DB, editionId: number) {
  const rows = await db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
    .leftJoin('pitches', 'pitches.registration_id', 'registrations.id')
    .leftJoin('stages', 'stages.id', 'pitches.stage_id')
    // the festival day's arrival (docs/decisions/110): the check-in that was not undone
    .leftJoin('stand_check_ins as arrival', (join) => join.onRef('arrival.registration_id', '=', 'registrations.id').on('arrival.undone_at', 'is', null))
    .select([
      'arrival.checked_in_at as arrived_at',
      'registrations.id',
      'registrations.state',
      'registrations.width_m',
      'registrations.depth_m',
      'registrations.power_watts',
      'registrations.water',
      'registrations.tables',
      'registrations.benches',
      'registrations.own_gazebo',
      'registrations.vehicle_access',
      'organisations.name as organisation_name',
      'stand_types.name as stand_type_name',
      'pitches.label as pitch_label',
      'stages.id as area_id',
      'stages.name as area_name',
      'stages.sort_order as area_order',
    ])
    .where('registrations.edition_id', '=', editionId)
    .where('registrations.state', 'in', PLACEABLE_STATES)
    .execute();
  // Collators made once per sort, not per comparison (localeCompare with options builds one each time).
  const pitchOrder = new Intl.Collator('de', { numeric: true });
  const nameOrder = new Intl.Collator('de');
  rows.sort(
    (a, b) =>
      (a.area_order ?? Infinity) - (b.area_order ?? Infinity) ||
      pitchOrder.compare(a.pitch_label ?? '', b.pitch_label ?? '') ||
      nameOrder.compare(a.organisation_name, b.organisation_name),
  );
  const groups = new Map<number | null, { areaId: number | null; areaName: string | null; stands: typeof rows; totals: Totals }>();
  for (const row of rows) {
    const group = groups.get(row.area_id) ?? { areaId: row.area_id, areaName: row.area_name, stands: [], totals: { stands: 0, power_watts: 0, water: 0, tables: 0, benches: 0 } };
    group.stands.push(row);
    group.totals.stands += 1;
    group.totals.power_watts += row.power_watts;
    group.totals.water += row.water ? 1 : 0;
    group.totals.tables += row.tables;
    group.totals.benches += row.benches;
    groups.set(row.area_id, group);
  }
  const areas = [...groups.values()];
  const total = areas.reduce<Totals>(
    (sum, g) => ({
      stands: sum.stands + g.totals.stands,
      power_watts: sum.power_watts + g.totals.power_watts,
      water: sum.water + g.totals.water,
      tables: sum.tables + g.totals.tables,
      benches: sum.benches + g.totals.benches,
    }),
    { stands: 0, power_watts: 0, water: 0, tables: 0, benches: 0 },
  );
  return { areas, total };
}

/** The crew list as CSV, headers in the reader's language; `t` translates the keys. */
export function logisticsCsv(data: Awaited<ReturnType<typeof getLogistics>>, locale: Locale, t: (key: string) => string): string {
  const header = [
    ...['area', 'pitch', 'organisation', 'state', 'standType', 'width', 'depth', 'power', 'water', 'tables', 'benches', 'ownGazebo', 'vehicleAccess'].map((k) => t(`schedule:logistics.csv.${k}`)),
    t('festival-day:csv.arrivedAt'),
  ];
  const yesNo = (v: number) => t(v ? 'schedule:logistics.yes' : 'schedule:logistics.no');
  const rows = data.areas.flatMap((area) =>
    area.stands.map((s) => [
      area.areaName ? pickText(area.areaName, locale).text : t('schedule:logistics.unplaced'),
      s.pitch_label ?? '',
      s.organisation_name,
      t(`registration:states.${s.state}`),
      pickText(s.stand_type_name, locale).text,
      s.width_m,
      s.depth_m,
      s.power_watts,
      yesNo(s.water),
      s.tables,
      s.benches,
      yesNo(s.own_gazebo),
      yesNo(s.vehicle_access),
      // Berlin wall-clock time, "2027-09-25 10:10" as the other exports write it
      s.arrived_at ? berlinStamp(s.arrived_at) : '',
    ]),
  );
  return toCsv([header, ...rows]);
}
