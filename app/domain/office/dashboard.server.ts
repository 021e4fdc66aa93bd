/**
 * The dashboard of one edition: applications by state and stand type, capacity used,
 * what waits for a decision, undelivered mail, and – once the other branches are merged –
 * fees outstanding and schedule conflicts (providers.server.ts).
 */
import type { DB } from '../../../db/connection';
import type { RegistrationState } from '../../../db/schema';
import { manageableEdition, type Actor } from '../people/authorise.server';
import { OCCUPYING, STATES } from './constants';
import { officeProviders } from './providers.server';

export { STATES, OCCUPYING } from './constants';

export async function editionDashboard(db: DB, actor: Actor, slug: string) {
  const edition = await manageableEdition(db, actor, slug);
  const [standTypes, counts, failedMail, campaigns, previous] = await Promise.all([
    db.selectFrom('stand_types').select(['id', 'slug', 'name', 'capacity', 'fee_cents']).where('edition_id', '=', edition.id).orderBy('id').execute(),
    db
      .selectFrom('registrations')
      .select(['stand_type_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', edition.id)
      .groupBy(['stand_type_id', 'state'])
      .execute(),
    db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'failed').executeTakeFirstOrThrow(),
    db.selectFrom('mail_campaigns').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', edition.id).executeTakeFirstOrThrow(),
    db
      .selectFrom('editions')
      .select(['slug'])
      .where('series_id', '=', edition.series_id)
      .where('starts_on', '<', edition.starts_on)
      .orderBy('starts_on', 'desc')
      .executeTakeFirst(),
  ]);
  const totals = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<RegistrationState, number>;
  const byStandType = standTypes.map((st) => {
    const perState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<RegistrationState, number>;
    for (const c of counts.filter((c) => c.stand_type_id === st.id)) perState[c.state] = Number(c.n);
    const occupied = OCCUPYING.reduce((sum, s) => sum + perState[s], 0);
    return { ...st, perState, occupied, free: Math.max(0, st.capacity - occupied), over: Math.max(0, occupied - st.capacity) };
  });
  for (const c of counts) totals[c.state] += Number(c.n);
  return {
    edition: {
      id: edition.id,
      slug: edition.slug,
      title: edition.title,
      starts_on: edition.starts_on,
      ends_on: edition.ends_on,
      status: edition.status,
      registration_opens_at: edition.registration_opens_at,
      registration_closes_at: edition.registration_closes_at,
    },
    byStandType,
    totals,
    needsDecision: { submitted: totals.submitted, waitlisted: totals.waitlisted },
    mailFailures: Number(failedMail.n),
    campaigns: Number(campaigns.n),
    previousSlug: previous?.slug ?? null,
    fees: officeProviders.feesOutstanding ? await officeProviders.feesOutstanding(db, edition.id) : null,
    conflicts: officeProviders.scheduleConflicts ? await officeProviders.scheduleConflicts(db, edition.id) : null,
  };
}
