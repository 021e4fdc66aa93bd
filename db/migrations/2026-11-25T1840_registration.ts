// Frozen in time: never import application code here.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Stand registration: invitations to join an organisation as a contact person, and an
 * explicit setup window per edition (the .ics in the approval mail is built from it; when
 * it is not set, the app derives one from the opening hours, see docs/decisions/041).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    /** sha256 of the token; the token itself only exists in the email */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('invitations_by_organisation').on('invitations').columns(['organisation_id', 'email']).execute();

  await db.schema.alterTable('editions').addColumn('setup_starts_at', 'text').execute();
  await db.schema.alterTable('editions').addColumn('setup_ends_at', 'text').execute();

  // The waiting list is read per edition and stand type in order of submission.
  await db.schema
    .createIndex('registrations_waiting_list')
    .on('registrations')
    .columns(['edition_id', 'stand_type_id', 'state', 'submitted_at'])
    .execute();
  await db.schema.createIndex('memberships_by_organisation').on('memberships').column('organisation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('memberships_by_organisation').execute();
  await db.schema.dropIndex('registrations_waiting_list').execute();
  await db.schema.alterTable('editions').dropColumn('setup_ends_at').execute();
  await db.schema.alterTable('editions').dropColumn('setup_starts_at').execute();
  await db.schema.dropTable('invitations').execute();
}
