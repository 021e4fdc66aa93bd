import type { Edition, Person } from '../../db/schema';
import { manageableEdition } from '~/domain/people/authorise.server';
import { db } from '../server/db.server';
import { requireOfficePerson } from './session.server';
import { orRespond } from './errors.server';

/**
 * For the organisers' pages of one edition: administrators and the team of the edition's
 * series get in (403 for another series' team, 404 for an unknown edition). Gives the
 * edition it checked, so the page does not look it up again.
 */
export async function requireEditionManager(request: Request, slug: string | undefined): Promise<{ person: Person; edition: Edition }> {
  const person = await requireOfficePerson(request);
  const edition = await orRespond(() => manageableEdition(db(), person, slug ?? ''));
  return { person, edition };
}
