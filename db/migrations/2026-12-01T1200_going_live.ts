// Frozen in time: never import application code here.
// Going live: a series has a public contact address; a whole edition can be cancelled
// (the edition stays, with every item cancelled, so links and feeds keep working).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('series').addColumn('contact_email', 'text').execute();
  await db.schema.alterTable('editions').addColumn('cancelled_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').dropColumn('cancelled_at').execute();
  await db.schema.alterTable('series').dropColumn('contact_email').execute();
}
