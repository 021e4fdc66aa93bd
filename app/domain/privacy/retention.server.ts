/**
 * Retention: contact data of editions that ended more than RETENTION_MONTHS ago is erased.
 * A person is erased when nothing ties them to a recent or coming edition: no office role,
 * no application of their organisations in an edition that ended after the cut-off, no
 * sign-in since, and the account is older than the cut-off. Mail and sign-in links older
 * than the cut-off are deleted for everyone. Runs daily in the server
 * (app/server/retention-job.server.ts) and by hand: `npm run privacy:retention`.
 */
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { erasePerson } from './erasure.server';
import { expireVolunteerNames, volunteeredSince } from '../volunteers/privacy.server';
import { TIME_ZONE } from '../../lib/i18n';

export interface RetentionReport {
  cutoff: string;
  erasedPeople: number;
  deletedMail: number;
  deletedSignInLinks: number;
}

export function retentionCutoff(now: Date, months: number): { instant: string; day: string } {
  const cutoff = DateTime.fromJSDate(now).setZone(TIME_ZONE).minus({ months });
  return { instant: cutoff.toUTC().toISO()!, day: cutoff.toISODate()! };
}

export async function peopleDueForErasure(db: DB, now: Date, months: number): Promise<number[]> {
  const cutoff = retentionCutoff(now, months);
  const rows = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.erased_at', 'is', null)
    .where('people.role', '=', 'member')
    .where('people.created_at', '<', cutoff.instant)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('series_team_members').select('series_team_members.person_id').whereRef('series_team_members.person_id', '=', 'people.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships')
            .innerJoin('registrations', 'registrations.organisation_id', 'memberships.organisation_id')
            .innerJoin('editions', 'editions.id', 'registrations.edition_id')
            .select('memberships.person_id')
            .whereRef('memberships.person_id', '=', 'people.id')
            .where('editions.ends_on', '>=', cutoff.day),
        ),
      ),
    )
    // a volunteer of a recent or coming edition is kept, like an exhibitor
    .where((eb) => eb.not(volunteeredSince(eb, cutoff.day)))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sign_in_tokens')
            .select('sign_in_tokens.id')
            .whereRef('sign_in_tokens.email', '=', 'people.email')
            .where('sign_in_tokens.used_at', '>=', cutoff.instant),
        ),
      ),
    )
    .orderBy('people.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function applyRetention(db: DB, options: { months: number; now?: Date }): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(now, options.months);
  const due = await peopleDueForErasure(db, now, options.months);
  for (const id of due) await erasePerson(db, null, id, { reason: 'retention', at: now });
  return db.transaction().execute(async (trx) => {
    const mail = await trx.deleteFrom('outbox').where('created_at', '<', cutoff.instant).where('status', 'in', ['sent', 'failed']).executeTakeFirst();
    const links = await trx.deleteFrom('sign_in_tokens').where('created_at', '<', cutoff.instant).executeTakeFirst();
    const volunteerNames = await expireVolunteerNames(trx, cutoff.day);
    const report: RetentionReport = {
      cutoff: cutoff.day,
      erasedPeople: due.length,
      deletedMail: Number(mail.numDeletedRows),
      deletedSignInLinks: Number(links.numDeletedRows),
    };
    if (report.erasedPeople + report.deletedMail + report.deletedSignInLinks + volunteerNames > 0) {
      await recordAudit(trx, { actorId: null, action: 'privacy.retention', subjectType: 'database', details: { ...report, months: options.months, ...(volunteerNames ? { volunteerNames } : {}) }, at: now });
    }
    return report;
  });
}
