// Frozen in time: never import application code here.
// An exhibitor's choice to get no more circulars (organisers' bulk mail) and invitations to
// apply again: one row per person, with the random token behind the link and the
// List-Unsubscribe header of those messages (issue 14, point 4).
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_preferences')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    // set while the person wants no circulars; null again when they opt back in
    .addColumn('circulars_off_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_preferences').execute();
}
