/**
 * Administrators (people.role = 'organiser'): the first one is made on the command line
 * (`npm run office:admin -- someone@city.example`, scripts/office-admin.ts), later ones by
 * an administrator at /office/people. There is always at least one: the last cannot be
 * removed. Every change is in the audit log (actor null: the command line).
 */
import { z } from 'zod';
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { assertAdministrator, type Actor } from './authorise.server';

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export async function administratorCount(db: DB): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'organiser')
    .where('erased_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type MadeAdministrator = { personId: number; email: string; outcome: 'created' | 'promoted' | 'unchanged' };

/** Creates the person or makes them an administrator; nothing happens when they already are one. */
async function makeAdministrator(db: DB, actorId: number | null, rawEmail: string): Promise<MadeAdministrator> {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success) throw new ValidationError('setup:errors.adminEmail', { email: 'setup:errors.adminEmail' });
  const email = parsed.data;
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').select(['id', 'role', 'erased_at']).where('email', '=', email).executeTakeFirst();
    if (person?.erased_at) throw new ConflictError('setup:errors.adminErased');
    if (person?.role === 'organiser') return { personId: person.id, email, outcome: 'unchanged' as const };
    let personId: number;
    let outcome: MadeAdministrator['outcome'];
    if (person) {
      await trx.updateTable('people').set({ role: 'organiser' }).where('id', '=', person.id).execute();
      personId = person.id;
      outcome = 'promoted';
    } else {
      const row = await trx.insertInto('people').values({ email, name: '', locale: 'de', role: 'organiser' }).returning('id').executeTakeFirstOrThrow();
      personId = row.id;
      outcome = 'created';
    }
    await recordAudit(trx, { actorId, action: 'admin.added', subjectType: 'person', subjectId: personId, details: { outcome, via: actorId === null ? 'command line' : 'office' } });
    return { personId, email, outcome };
  });
}

/** For the command line: no actor, the person at the keyboard has the server. */
export function makeAdministratorFromCommandLine(db: DB, email: string): Promise<MadeAdministrator> {
  return makeAdministrator(db, null, email);
}

export async function addAdministrator(db: DB, actor: Actor, email: string): Promise<MadeAdministrator> {
  assertAdministrator(actor);
  return makeAdministrator(db, actor.id, email);
}

/** The person stays (their data, their applications); only the administrator role goes. */
export async function removeAdministrator(db: DB, actor: Actor, personId: number): Promise<void> {
  assertAdministrator(actor);
  await db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').select(['id', 'role']).where('id', '=', personId).executeTakeFirst();
    if (!person || person.role !== 'organiser') throw new NotFoundError('setup:people.errors.notAdmin');
    if ((await administratorCount(trx)) <= 1) throw new ConflictError('setup:people.errors.lastAdmin');
    await trx.updateTable('people').set({ role: 'member' }).where('id', '=', personId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'admin.removed', subjectType: 'person', subjectId: personId, details: { self: personId === actor.id } });
  });
}
