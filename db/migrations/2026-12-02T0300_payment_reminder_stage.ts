// Frozen in time: never import application code here.
// The payment reminder stage a registration has reached lives in its own column, written in
// the same transaction as the reminder mail, instead of being read back from outbox dedupe
// keys (which erasure and the outbox retention delete, so a reminder could go out twice).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').addColumn('payment_reminder_stage', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // what the outbox still knows: "payment-reminder:<registration>:<stage>"
  await sql`
    UPDATE registrations SET payment_reminder_stage = (
      SELECT max(CAST(substr(dedupe_key, instr(substr(dedupe_key, 18), ':') + 18) AS INTEGER))
      FROM outbox
      WHERE dedupe_key >= 'payment-reminder:' AND dedupe_key < 'payment-reminder;'
        AND CAST(substr(dedupe_key, 18, instr(substr(dedupe_key, 18), ':') - 1) AS INTEGER) = registrations.id
    )
    WHERE EXISTS (
      SELECT 1 FROM outbox
      WHERE dedupe_key >= 'payment-reminder:' AND dedupe_key < 'payment-reminder;'
        AND CAST(substr(dedupe_key, 18, instr(substr(dedupe_key, 18), ':') - 1) AS INTEGER) = registrations.id
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('payment_reminder_stage').execute();
}
