/**
 * When associations set up their stands. Organisers may store the window explicitly
 * (editions.setup_starts_at/ends_at); without it, it is derived honestly from the opening
 * hours: from two hours before the earliest opening on the first day until that opening.
 * See docs/decisions/041.
 */
import type { DB } from '../../../db/connection';

export const DERIVED_SETUP_HOURS = 2;

export interface SetupWindow {
  startsAt: string;
  endsAt: string;
  /** true when computed from the opening hours rather than set by the organisers */
  derived: boolean;
  /** the first venue's address, for the calendar entry */
  location: string | null;
}

export async function setupWindowOf(db: DB, editionId: number): Promise<SetupWindow | null> {
  const edition = await db
    .selectFrom('editions')
    .select(['starts_on', 'setup_starts_at', 'setup_ends_at'])
    .where('id', '=', editionId)
    .executeTakeFirst();
  if (!edition) return null;
  const venue = await db.selectFrom('venues').select('address').where('edition_id', '=', editionId).orderBy('id').executeTakeFirst();
  const location = venue?.address ?? null;
  if (edition.setup_starts_at && edition.setup_ends_at) {
    return { startsAt: edition.setup_starts_at, endsAt: edition.setup_ends_at, derived: false, location };
  }
  const first = await db
    .selectFrom('opening_hours')
    .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
    .select('opening_hours.opens_at')
    .where('stages.edition_id', '=', editionId)
    .where('opening_hours.day', '=', edition.starts_on)
    .orderBy('opening_hours.opens_at')
    .executeTakeFirst();
  if (!first) return null;
  return { ...deriveSetupWindow(first.opens_at), derived: true, location };
}

/** Two hours of real time before the first opening (an instant, so the clock change cannot shift it). */
export function deriveSetupWindow(firstOpening: string): { startsAt: string; endsAt: string } {
  const opens = new Date(firstOpening);
  return { startsAt: new Date(opens.getTime() - DERIVED_SETUP_HOURS * 3_600_000).toISOString(), endsAt: opens.toISOString() };
}
