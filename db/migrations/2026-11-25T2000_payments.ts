// Frozen in time: never import application code here.
// Stand fees (docs/decisions/050): payments and refunds after pretix's OrderPayment /
// OrderRefund, receipts numbered without gaps per year, waiver requests, and the ids of
// processed Stripe webhook events.
import { type Kysely, sql } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('stripe','bank_transfer')`))
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('created').check(sql`state in ('created','pending','confirmed','failed','canceled','refunded')`),
    )
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents >= 0`))
    .addColumn('received_cents', 'integer', (c) => c.check(sql`received_cents >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('eur'))
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('stripe_session_id', 'text', (c) => c.unique())
    .addColumn('stripe_payment_intent_id', 'text', (c) => c.unique())
    .addColumn('checkout_url', 'text')
    .addColumn('checkout_expires_at', 'text')
    .addColumn('received_on', 'text')
    .addColumn('flag', 'text', (c) => c.check(sql`flag in ('underpaid','overpaid','duplicate','refunded_outside')`))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('payments_by_registration').on('payments').columns(['registration_id', 'state']).execute();
  // one checkout attempt number per registration: the Stripe idempotency key is built from it
  await db.schema
    .createIndex('payments_stripe_attempt')
    .on('payments')
    .columns(['registration_id', 'attempt'])
    .unique()
    .where(sql.ref('method'), '=', 'stripe')
    .execute();

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('payment_id', 'integer', (c) => c.notNull().references('payments.id').onDelete('cascade'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending','done','failed')`))
    .addColumn('stripe_refund_id', 'text', (c) => c.unique())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    /** 1: seen in Stripe, made outside Festplatz (the dashboard) */
    .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('refunds_by_payment').on('refunds').column('payment_id').execute();

  await db.schema
    .createTable('receipts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('payment_id', 'integer', (c) => c.notNull().unique().references('payments.id').onDelete('restrict'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id').onDelete('restrict'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    .addColumn('payer_name', 'text', (c) => c.notNull())
    /** JSON text keyed by locale: what was paid for */
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    /** JSON: the payee's name, address and VAT note as printed on the day */
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('receipts_year_number', ['year', 'number'])
    .execute();

  await db.schema
    .createTable('waiver_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('non_profit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('requested').check(sql`state in ('requested','granted','refused')`))
    .addColumn('requested_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decided_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('waiver_requests_one_open')
    .on('waiver_requests')
    .column('registration_id')
    .unique()
    .where(sql.ref('state'), '=', 'requested')
    .execute();

  await db.schema
    .createTable('stripe_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('processed','ignored')`))
    .addColumn('note', 'text')
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id').onDelete('set null'))
    .addColumn('received_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stripe_events', 'waiver_requests', 'receipts', 'refunds', 'payments']) {
    await db.schema.dropTable(table).execute();
  }
}
