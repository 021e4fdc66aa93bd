import type { Edition, Person } from '../../db/schema';
import { manageableEdition } from '~/domain/people/authorise.server';
import { db } from '../server/db.server';
import { requireOfficePerson } from './session.server';
import { orRespond } from './errors.server';

/** The set-up pages of one edition: the person (administrator or the series' team) and the edition. */
export async function requireEditionSetup(request: Request, slug: string | undefined): Promise<{ person: Person; edition: Edition }> {
  const person = await requireOfficePerson(request);
  const edition = await orRespond(() => manageableEdition(db(), person, slug ?? ''));
  return { person, edition };
}

/** A numeric id from the URL, or a 404. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Response('Not found', { status: 404 });
  return n;
}
