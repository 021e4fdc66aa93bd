/**
 * CSV exports for crews and authorities: UTF-8 with a byte order mark (so spreadsheet
 * programs read umlauts and Arabic right), RFC 4180 quoting and CRLF line ends, written by
 * the one CSV writer (app/lib/csv.ts, csv-stringify, docs/decisions/062). Exports hold personal data: each one is written to
 * the audit log in the same transaction that reads it.
 */
import type { DB } from '../../../db/connection';
import { toCsv, type Cell } from '../../lib/csv';
import { translator, type Locale } from '../../lib/i18n';
import { pickText } from '../../lib/i18n-text';
import { berlinStamp } from '../../lib/time';
import { recordAudit } from '../audit/audit.server';
import { assertCanManageEdition, type Actor } from '../people/authorise.server';

export { EXPORT_KINDS, type ExportKind } from './constants';
import type { ExportKind } from './constants';

/** Berlin wall clock with a formatter made once, not luxon per cell (docs/decisions/100). */
const berlin = (iso: string | null) => (iso ? berlinStamp(iso) : '');

/** A value's translation asked once per distinct value, not once per row. */
function once<T extends string | number>(fn: (value: T) => string): (value: T) => string {
  const seen = new Map<T, string>();
  return (value) => {
    let text = seen.get(value);
    if (text === undefined) {
      text = fn(value);
      seen.set(value, text);
    }
    return text;
  };
}

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
}

export async function exportEdition(db: DB, actor: Actor, editionId: number, kind: ExportKind, locale: Locale): Promise<CsvExport> {
  const edition = await assertCanManageEdition(db, actor, editionId);
  const t = translator(locale);
  const yesNo = [t('admin:export.no'), t('admin:export.yes')] as const;
  const yes = (v: number) => (v ? yesNo[1] : yesNo[0]);
  const state = once((s: string) => t(`admin:states.${s}`));
  const role = once((r: string) => t(`admin:export.roles.${r}`));
  const standType = once((json: string) => pickText(json, locale).text);
  return db.transaction().execute(async (trx) => {
    let header: string[];
    let rows: Cell[][];
    if (kind === 'contacts') {
      const data = await trx
        .selectFrom('registrations')
        .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
        .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
        .leftJoin('memberships', 'memberships.organisation_id', 'registrations.organisation_id')
        .leftJoin('people', (join) => join.onRef('people.id', '=', 'memberships.person_id').on('people.erased_at', 'is', null))
        .select([
          'organisations.name as organisation',
          'organisations.legal_form',
          'organisations.website',
          'people.name as person',
          'people.email',
          'people.locale',
          'memberships.role',
          'registrations.state',
          'stand_types.name as stand_type',
        ])
        .where('registrations.edition_id', '=', editionId)
        .orderBy('organisations.name')
        .orderBy('people.email')
        .execute();
      header = ['organisation', 'legalForm', 'website', 'person', 'email', 'language', 'role', 'state', 'standType'].map((k) => t(`admin:export.columns.${k}`));
      rows = data.map((r) => [
        r.organisation,
        r.legal_form,
        r.website,
        r.person,
        r.email,
        r.locale,
        r.role ? role(r.role) : '',
        state(r.state),
        standType(r.stand_type),
      ]);
    } else {
      const data = await trx
        .selectFrom('registrations')
        .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
        .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
        .selectAll('registrations')
        .select(['organisations.name as organisation', 'stand_types.name as stand_type'])
        .where('registrations.edition_id', '=', editionId)
        .orderBy('organisations.name')
        .execute();
      header = [
        'id', 'organisation', 'state', 'standType', 'widthM', 'depthM', 'powerWatts', 'water', 'tables', 'benches', 'ownGazebo', 'vehicleAccess',
        'activities', 'stageActTitle', 'stageActMinutes', 'stageActNeeds', 'accessibility', 'publicConsent', 'submittedAt', 'updatedAt',
      ].map((k) => t(`admin:export.columns.${k}`));
      rows = data.map((r) => [
        r.id,
        r.organisation,
        state(r.state),
        standType(r.stand_type),
        r.width_m,
        r.depth_m,
        r.power_watts,
        yes(r.water),
        r.tables,
        r.benches,
        yes(r.own_gazebo),
        yes(r.vehicle_access),
        r.activities,
        r.stage_act_title,
        r.stage_act_minutes,
        r.stage_act_needs,
        r.accessibility,
        yes(r.public_consent),
        berlin(r.submitted_at),
        berlin(r.updated_at),
      ]);
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: `export.${kind}`,
      subjectType: 'edition',
      subjectId: editionId,
      details: { edition: edition.slug, rows: rows.length },
    });
    return { filename: `${edition.slug}-${kind}.csv`, csv: toCsv([header, ...rows]), rows: rows.length };
  });
}
