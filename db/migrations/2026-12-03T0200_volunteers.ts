// Frozen in time: never import application code here.
// Volunteers (issue 18): roles per edition, shifts of a role at a place, and the people on
// them (one resident, or one member of a group an association signed up), with a waiting
// list per shift; a personal calendar feed of one's shifts behind a secret token.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('volunteer_roles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    // texts in the content languages, JSON keyed by locale
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo('{}'))
    // JSON array of language codes the role asks for
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('min_age', 'integer', (c) => c.notNull().defaultTo(18).check(sql`min_age between 0 and 99`))
    // 1: people under 18 (at least min_age) may take it with a guardian's consent
    .addColumn('allows_minors', 'integer', (c) => c.notNull().defaultTo(0).check(sql`allows_minors in (0, 1)`))
    // a volunteer cancels up to this many hours before the shift; later only the coordinator
    .addColumn('cancel_hours', 'integer', (c) => c.notNull().defaultTo(24).check(sql`cancel_hours between 0 and 720`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('volunteer_roles_edition').on('volunteer_roles').column('edition_id').execute();

  await db.schema
    .createTable('volunteer_shifts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('role_id', 'integer', (c) => c.notNull().references('volunteer_roles.id').onDelete('cascade'))
    // a stage or an area; null: the festival grounds as a whole
    .addColumn('stage_id', 'integer', (c) => c.references('stages.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('needed', 'integer', (c) => c.notNull().check(sql`needed between 1 and 500`))
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('volunteer_shifts_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('volunteer_shifts_edition').on('volunteer_shifts').columns(['edition_id', 'starts_at']).execute();
  await db.schema.createIndex('volunteer_shifts_role').on('volunteer_shifts').column('role_id').execute();

  // An association's group on one shift: its members are signups with a name and no person; the contact is one person.
  await db.schema
    .createTable('volunteer_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('volunteer_shifts.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('contact_person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('volunteer_shifts.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    // the resident; null for a member of a group (see group_id)
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('group_id', 'integer', (c) => c.references('volunteer_groups.id').onDelete('cascade'))
    // the name shown on the lists and in the insurance export
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed','waiting','cancelled')`))
    // JSON array of language codes the volunteer speaks (the coverage board shows them per time)
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('guardian_name', 'text')
    .addColumn('age_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    // the consent as given: which wording, and the text itself in the person's language
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'integer', (c) => c.references('people.id'))
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('volunteer_signups_who', sql`(person_id is null) <> (group_id is null)`)
    .execute();
  await db.schema.createIndex('volunteer_signups_shift').on('volunteer_signups').columns(['shift_id', 'status']).execute();
  await db.schema.createIndex('volunteer_signups_person').on('volunteer_signups').column('person_id').execute();
  // one active place per person and shift (a second one is refused in the domain with a message)
  await sql`create unique index volunteer_signups_once on volunteer_signups (shift_id, person_id) where person_id is not null and status <> 'cancelled'`.execute(db);

  await db.schema
    .createTable('volunteer_feeds')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  // The public edition page links "Help at the festival" when there are shifts (docs/decisions/101).
  for (const table of ['volunteer_roles', 'volunteer_shifts']) {
    const bump = sql.raw(`begin update public_data_version set version = version + 1 where id = 1; end`);
    for (const op of ['insert', 'delete', 'update']) {
      await sql`create trigger ${sql.raw(`public_version_${table}_${op}`)} after ${sql.raw(op)} on ${sql.table(table)} ${bump}`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['volunteer_roles', 'volunteer_shifts']) {
    for (const op of ['insert', 'delete', 'update']) await sql`drop trigger if exists ${sql.raw(`public_version_${table}_${op}`)}`.execute(db);
  }
  for (const table of ['volunteer_feeds', 'volunteer_signups', 'volunteer_groups', 'volunteer_shifts', 'volunteer_roles']) await db.schema.dropTable(table).execute();
}
