// Frozen in time: never import application code here.
// What the public pages and feeds show changes only when one of the public tables does.
// A one-row counter moved by triggers on those tables is the version the page cache and the
// feed cache key on, so writes that change nothing public (the mail worker marking a
// message sent, a session touched, an audit line) keep every cached page (docs/decisions/101).
// Also: the organisation facet and the host lookups of program items get their index.
import { type Kysely, sql } from 'kysely';

/** Tables whose rows a public page, feed or open-data file shows, and the columns that matter ('*' for all). */
const PUBLIC: Record<string, string[] | '*'> = {
  series: '*',
  editions: '*',
  venues: '*',
  stages: '*',
  opening_hours: '*',
  stand_types: '*',
  organisations: '*',
  program_items: '*',
  schedule_releases: '*',
  pitches: '*',
  pages: '*',
  site_plan_images: '*',
  // the exhibitor lists: who is in, under which stand type, with their consent
  registrations: ['state', 'public_consent', 'organisation_id', 'edition_id', 'stand_type_id', 'activities', 'width_m', 'depth_m'],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into public_data_version (id, version) values (1, 0)`.execute(db);
  for (const [table, columns] of Object.entries(PUBLIC)) {
    const bump = sql.raw(`begin update public_data_version set version = version + 1 where id = 1; end`);
    await sql`create trigger ${sql.raw(`public_version_${table}_insert`)} after insert on ${sql.table(table)} ${bump}`.execute(db);
    await sql`create trigger ${sql.raw(`public_version_${table}_delete`)} after delete on ${sql.table(table)} ${bump}`.execute(db);
    const of = columns === '*' ? sql.raw('') : sql.raw(` of ${columns.join(', ')}`);
    await sql`create trigger ${sql.raw(`public_version_${table}_update`)} after update${of} on ${sql.table(table)} ${bump}`.execute(db);
  }
  await db.schema.createIndex('program_items_by_host').on('program_items').column('host_organisation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(PUBLIC)) {
    for (const op of ['insert', 'delete', 'update']) await sql`drop trigger if exists ${sql.raw(`public_version_${table}_${op}`)}`.execute(db);
  }
  await db.schema.dropIndex('program_items_by_host').execute();
  await db.schema.dropTable('public_data_version').execute();
}
