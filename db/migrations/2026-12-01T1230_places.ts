// Frozen in time: never import application code here.
// Setting up an edition's places in the office: venues get an order and accessibility facts
// (flags plus a note in several languages); an area's site plan may have a background picture
// of the grounds, stored re-encoded (pixels only) as a blob.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('venues').addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // JSON array of flags: step_free, accessible_toilet, quiet_room, induction_loop, ...
  await db.schema.alterTable('venues').addColumn('accessibility', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // JSON object keyed by locale
  await db.schema.alterTable('venues').addColumn('accessibility_note', 'text', (c) => c.notNull().defaultTo('{}')).execute();

  await db.schema
    .createTable('site_plan_images')
    .addColumn('stage_id', 'integer', (c) => c.primaryKey().references('stages.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull().check(sql`mime in ('image/png','image/jpeg')`))
    .addColumn('image', 'blob', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_plan_images').execute();
  await db.schema.alterTable('venues').dropColumn('accessibility_note').execute();
  await db.schema.alterTable('venues').dropColumn('accessibility').execute();
  await db.schema.alterTable('venues').dropColumn('sort_order').execute();
}
