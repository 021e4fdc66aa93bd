// Frozen in time: never import application code here.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * A resident's starred program items, stored under a random token so the feed URL
 * /calendar/my/<token>.ics works in a calendar app that has no cookie. No personal data:
 * only the token and a list of public item uids.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('personal_feeds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('uids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  // The feed cache compares max(updated_at) on every request: keep it an index look-up.
  await db.schema.createIndex('program_items_by_updated_at').on('program_items').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('program_items_by_updated_at').execute();
  await db.schema.dropTable('personal_feeds').execute();
}
