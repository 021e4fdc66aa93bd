/**
 * Receipts: one per payment that arrived, numbered "2027-00001" without gaps within a
 * calendar year (Berlin). The number is allocated inside the payment's own transaction,
 * so a rolled-back payment leaves no hole; SQLite's single writer and the unique
 * (year, number) make a second allocation of the same number impossible.
 */
import type { Kysely, Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { Database, Person } from '../../../db/schema';
import { LOCALES, translator, TIME_ZONE } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { NotFoundError } from '../errors';
import type { FeeContext } from './fees.server';
import { payee } from './config.server';

export function receiptNumber(year: number, number: number): string {
  return `${year}-${String(number).padStart(5, '0')}`;
}

export async function allocateReceipt(
  trx: Transaction<Database>,
  input: { paymentId: number; context: FeeContext; amountCents: number; currency: string; method: 'stripe' | 'bank_transfer'; at: string },
): Promise<string> {
  const year = DateTime.fromISO(input.at, { zone: 'utc' }).setZone(TIME_ZONE).year;
  const last = await trx
    .selectFrom('receipts')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('year', '=', year)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const { name, address, vatNote } = payee();
  const description = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      translator(locale)('payments:receipt.description', {
        standType: pickText(input.context.standTypeName, locale).text,
        edition: pickText(input.context.editionTitle, locale).text,
      }),
    ]),
  );
  const formatted = receiptNumber(year, number);
  await trx
    .insertInto('receipts')
    .values({
      year,
      number,
      receipt_number: formatted,
      payment_id: input.paymentId,
      registration_id: input.context.registrationId,
      organisation_id: input.context.organisationId,
      payer_name: input.context.organisationName,
      description: JSON.stringify(description),
      amount_cents: input.amountCents,
      currency: input.currency,
      method: input.method,
      payee: JSON.stringify({ name, address, vatNote }),
      issued_at: input.at,
    })
    .execute();
  return formatted;
}

export interface ReceiptView {
  receiptNumber: string;
  issuedAt: string;
  payerName: string;
  description: string;
  amountCents: number;
  currency: string;
  method: 'stripe' | 'bank_transfer';
  payee: { name: string; address: string[]; vatNote: string | null };
  reference: string;
  registrationId: number;
  refunds: { amountCents: number; at: string }[];
}

/** A receipt for its organisation's members and for organisers; for anyone else it does not exist. */
export async function getReceipt(db: Kysely<Database>, number: string, viewer: Pick<Person, 'id' | 'role'>): Promise<ReceiptView> {
  const row = await db
    .selectFrom('receipts')
    .innerJoin('payments', 'payments.id', 'receipts.payment_id')
    .select([
      'receipts.receipt_number',
      'receipts.issued_at',
      'receipts.payer_name',
      'receipts.description',
      'receipts.amount_cents',
      'receipts.currency',
      'receipts.method',
      'receipts.payee',
      'receipts.organisation_id',
      'receipts.registration_id',
      'receipts.payment_id',
      'payments.reference',
    ])
    .where('receipts.receipt_number', '=', number)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('payments:errors.notFound');
  if (viewer.role !== 'organiser') {
    const member = await db
      .selectFrom('memberships')
      .select('person_id')
      .where('person_id', '=', viewer.id)
      .where('organisation_id', '=', row.organisation_id)
      .executeTakeFirst();
    if (!member) throw new NotFoundError('payments:errors.notFound');
  }
  const refunds = await db
    .selectFrom('refunds')
    .select(['amount_cents', 'done_at'])
    .where('payment_id', '=', row.payment_id)
    .where('state', '=', 'done')
    .orderBy('id')
    .execute();
  return {
    receiptNumber: row.receipt_number,
    issuedAt: row.issued_at,
    payerName: row.payer_name,
    description: row.description,
    amountCents: row.amount_cents,
    currency: row.currency,
    method: row.method,
    payee: JSON.parse(row.payee) as ReceiptView['payee'],
    reference: row.reference,
    registrationId: row.registration_id,
    refunds: refunds.map((r) => ({ amountCents: r.amount_cents, at: r.done_at ?? '' })),
  };
}
