/**
 * Art. 17 GDPR: a person's email address and name are removed everywhere. The people row
 * stays as a pseudonym ("erased-<id>@erased.invalid", no name, erased_at set) so history
 * that must be kept (who changed an application, payment records) still adds up without
 * naming anyone. Steps run in order in one transaction; a last sweep replaces the address
 * in every text column of every table, so free text and JSON payloads are covered too.
 *
 * Another area adds its own step to `erasureSteps` (payments: pseudonymise the payer on
 * payments and receipts, keep amounts and dates as long as the law requires), see below.
 */
import { sql } from 'kysely';
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { isAdministrator, type Actor } from '../people/authorise.server';
import { endSessionsOf } from '../people/sessions.server';
import { eraseVolunteerData } from '../volunteers/privacy.server';

export interface ErasureContext {
  personId: number;
  /** the address being erased, lower-case */
  email: string;
  /** what replaces it */
  pseudonym: string;
  at: string;
}

export interface ErasureStep {
  name: string;
  run: (trx: DB, ctx: ErasureContext) => Promise<void>;
}

export const erasureSteps: ErasureStep[] = [
  { name: 'sign-in links', run: async (trx, ctx) => void (await trx.deleteFrom('sign_in_tokens').where(sql`lower(email)`, '=', ctx.email).execute()) },
  // Messages to the person: nothing more is sent, and what was sent is forgotten.
  { name: 'mail', run: async (trx, ctx) => void (await trx.deleteFrom('outbox').where(sql`lower(to_address)`, '=', ctx.email).execute()) },
  { name: 'memberships', run: async (trx, ctx) => void (await trx.deleteFrom('memberships').where('person_id', '=', ctx.personId).execute()) },
  { name: 'series teams', run: async (trx, ctx) => void (await trx.deleteFrom('series_team_members').where('person_id', '=', ctx.personId).execute()) },
  { name: 'volunteering', run: (trx, ctx) => eraseVolunteerData(trx, ctx.personId) },
  { name: 'second factor', run: async (trx, ctx) => void (await trx.deleteFrom('totp_credentials').where('person_id', '=', ctx.personId).execute()) },
  {
    name: 'person',
    run: async (trx, ctx) =>
      void (await trx.updateTable('people').set({ email: ctx.pseudonym, name: '', role: 'member', erased_at: ctx.at }).where('id', '=', ctx.personId).execute()),
  },
  // Payments (at merge): { name: 'payments', run: (trx, ctx) => pseudonymisePayer(trx, ctx) },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces `needle` (case-insensitively) in every text column of every table. Returns how
 * many cells changed. Used as the last step of an erasure, and by tests to look for leftovers.
 */
export async function replaceEverywhere(trx: DB, needle: string, replacement: string): Promise<number> {
  const tables = await textColumns(trx);
  const pattern = new RegExp(escapeRegExp(needle), 'gi');
  let changed = 0;
  for (const { table, columns } of tables) {
    for (const column of columns) {
      const rows = await sql<{ rid: number; value: string }>`select rowid as rid, ${sql.ref(column)} as value from ${sql.table(table)} where instr(lower(${sql.ref(column)}), ${needle.toLowerCase()}) > 0`.execute(trx);
      for (const row of rows.rows) {
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${row.value.replace(pattern, replacement)} where rowid = ${row.rid}`.execute(trx);
        changed++;
      }
    }
  }
  return changed;
}

/** Every table of the database with its text columns (read from sqlite_master, so tables added later are covered). */
export async function textColumns(trx: DB): Promise<{ table: string; columns: string[] }[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(trx);
  const out: { table: string; columns: string[] }[] = [];
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string; type: string }>`select name, type from pragma_table_info(${name})`.execute(trx);
    const columns = info.rows.filter((c) => c.type === '' || /CHAR|CLOB|TEXT/i.test(c.type)).map((c) => c.name);
    if (columns.length) out.push({ table: name, columns });
  }
  return out;
}

export type ErasureReason = 'request' | 'retention';

/**
 * Erases a person. `actor`: the person themselves, an administrator, or null for the
 * system (retention). The last administrator cannot be erased (nobody could run the office).
 */
export async function erasePerson(db: DB, actor: Actor | null, personId: number, options: { reason: ErasureReason; at?: Date }): Promise<void> {
  if (actor && actor.id !== personId && !isAdministrator(actor)) throw new ForbiddenError('admin:errors.forbidden');
  const at = (options.at ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!person || person.erased_at) throw new NotFoundError('admin:privacy.errors.personNotFound');
    if (person.role === 'organiser') {
      const others = await trx
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'organiser')
        .where('erased_at', 'is', null)
        .where('id', '!=', personId)
        .executeTakeFirstOrThrow();
      if (Number(others.n) === 0) throw new ConflictError('admin:privacy.errors.lastAdministrator');
    }
    const ctx: ErasureContext = { personId, email: person.email.toLowerCase(), pseudonym: `erased-${personId}@erased.invalid`, at };
    for (const step of erasureSteps) await step.run(trx, ctx);
    // every browser this person was signed in on is signed out
    await endSessionsOf(trx, personId);
    await replaceEverywhere(trx, ctx.email, ctx.pseudonym);
    await recordAudit(trx, {
      actorId: actor ? actor.id : null,
      action: 'privacy.erased',
      subjectType: 'person',
      subjectId: personId,
      details: { reason: options.reason },
      at: new Date(at),
    });
  });
}
