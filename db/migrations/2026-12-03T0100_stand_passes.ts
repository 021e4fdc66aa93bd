// Frozen in time: never import application code here.
// The festival day (docs/decisions/110): a pass per confirmed stand (a random short code the
// QR code carries, no personal data) and the check-ins of the day, undoable (the undone row
// stays, with who and when). Neither table is shown on a public page: no public-data trigger.
import { randomInt } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// the pass alphabet of app/domain/festival-day/pass-code.ts, copied: migrations are frozen
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 7;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stand_passes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().unique().references('registrations.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    // seven characters of the alphabet above, without the dashes it is shown with
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
    .execute();
  await db.schema
    .createTable('stand_check_ins')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    // code | list | scan | offline (a scan kept on the phone and sent later)
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  // one arrival that counts per stand: a second scan finds it instead of writing another
  await sql`create unique index stand_check_ins_one_active on stand_check_ins (registration_id) where undone_at is null`.execute(db);
  await db.schema.createIndex('stand_check_ins_by_edition').on('stand_check_ins').columns(['edition_id', 'undone_at']).execute();

  // Stands confirmed before this migration get their pass now.
  const confirmed = await db.selectFrom('registrations').select(['id', 'edition_id']).where('state', '=', 'confirmed').execute();
  const used = new Set<string>();
  for (const r of confirmed as { id: number; edition_id: number }[]) {
    let code = '';
    do code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    while (used.has(code));
    used.add(code);
    await db.insertInto('stand_passes').values({ registration_id: r.id, edition_id: r.edition_id, code }).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stand_check_ins').execute();
  await db.schema.dropTable('stand_passes').execute();
}
