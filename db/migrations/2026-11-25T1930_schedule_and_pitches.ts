// Frozen in time: never import application code here.
// The schedule editor works on drafts (program_item_drafts); program_items holds what was
// last published, so every public reader and feed sees published state only
// (docs/decisions/031). Pitches place stands on an area's site plan.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('program_items')
    .addColumn('registration_id', 'integer', (c) => c.references('registrations.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('program_items').addColumn('series_uid', 'text').execute();

  await db.schema
    .createTable('program_item_drafts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('stage_id', 'integer', (c) => c.references('stages.id').onDelete('set null'))
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('series_uid', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('host_organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('registration_id', 'integer', (c) => c.references('registrations.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled','cancelled')`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('program_item_drafts_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('program_item_drafts_by_edition').on('program_item_drafts').columns(['edition_id', 'starts_at']).execute();

  // Until now program_items was edited directly: what is there is the published state,
  // and it is where every draft starts.
  await sql`
    insert into program_item_drafts
      (edition_id, stage_id, uid, title, description, starts_at, ends_at, category, languages, accessibility,
       host_organisation_id, status, created_at, updated_at)
    select edition_id, stage_id, uid, title, description, starts_at, ends_at, category, languages, accessibility,
       host_organisation_id, status, created_at, updated_at
    from program_items`.execute(db);

  await db.schema
    .createTable('pitches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('x', 'real', (c) => c.notNull())
    .addColumn('y', 'real', (c) => c.notNull())
    .addColumn('width', 'real', (c) => c.notNull().check(sql`width > 0`))
    .addColumn('height', 'real', (c) => c.notNull().check(sql`height > 0`))
    .addColumn('power_available', 'integer', (c) => c.notNull().defaultTo(0).check(sql`power_available >= 0`))
    .addColumn('water', 'integer', (c) => c.notNull().defaultTo(0).check(sql`water in (0, 1)`))
    .addColumn('registration_id', 'integer', (c) => c.unique().references('registrations.id').onDelete('set null'))
    .addUniqueConstraint('pitches_stage_label', ['stage_id', 'label'])
    .execute();
  await db.schema.createIndex('pitches_by_edition').on('pitches').columns(['edition_id', 'stage_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pitches').execute();
  await db.schema.dropTable('program_item_drafts').execute();
  await db.schema.alterTable('program_items').dropColumn('series_uid').execute();
  await db.schema.alterTable('program_items').dropColumn('registration_id').execute();
}
