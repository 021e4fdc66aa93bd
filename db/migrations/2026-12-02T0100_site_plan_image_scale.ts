// Frozen in time: never import application code here.
// A site plan picture lies under the pitches at the grounds' scale: how many metres the
// picture's width shows (its height follows from its pixels).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('site_plan_images').addColumn('width_m', 'real', (c) => c.notNull().defaultTo(50)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('site_plan_images').dropColumn('width_m').execute();
}
