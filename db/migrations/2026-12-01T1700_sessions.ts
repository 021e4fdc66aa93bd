// Frozen in time: never import application code here.
// Server-side sessions: the cookie carries only a random id; this table holds what the
// session is (whose, since when, last used, second factor) so sign-out, "sign out
// everywhere", role removal and erasure end it at once.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // sha256 of the id in the cookie: a copy of the database (a backup) opens no session
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // 1 between the email link and the second factor of an office person
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('redirect_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('last_seen_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('second_factor_at', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
}
