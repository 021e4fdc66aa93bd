// Frozen in time: never import application code here.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Residents who follow a series by email (double opt-in). The consent is kept as given:
 * when, and the exact text and its version. The token is the secret of the confirm and
 * unsubscribe links.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('series_subscriptions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','confirmed','unsubscribed')`))
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addUniqueConstraint('series_subscriptions_one_per_address', ['series_id', 'email'])
    .execute();
  await db.schema.createIndex('series_subscriptions_by_series').on('series_subscriptions').columns(['series_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('series_subscriptions').execute();
}
