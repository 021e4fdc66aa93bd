/**
 * What a registration owes and what it has paid: the one place that reads fees, payments,
 * refunds and waivers together. Other use cases in this folder build on it.
 */
import type { Kysely } from 'kysely';
import type { Database, PaymentState, RegistrationState, WaiverState } from '../../../db/schema';
import { NotFoundError } from '../errors';
import { paymentDeadline } from './deadline';
import { transferReference } from './reference';
import { approvedAtOf } from './subqueries';

type Executor = Kysely<Database>;

export interface FeeContext {
  registrationId: number;
  state: RegistrationState;
  organisationId: number;
  organisationName: string;
  editionId: number;
  editionSlug: string;
  editionYear: number;
  /** JSON text keyed by locale */
  editionTitle: string;
  registrationClosesAt: string | null;
  /** JSON text keyed by locale */
  standTypeName: string;
  feeCents: number;
  approvedAt: string | null;
  reference: string;
}

/** The fee of a registration with what it is for; undefined when there is no such registration. */
export async function loadFeeContext(db: Executor, registrationId: number): Promise<FeeContext | undefined> {
  const row = await db
    .selectFrom('registrations as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('editions as e', 'e.id', 'r.edition_id')
    .innerJoin('stand_types as st', 'st.id', 'r.stand_type_id')
    .select((eb) => [
      'r.id',
      'r.state',
      'r.organisation_id',
      'o.name as organisation_name',
      'e.id as edition_id',
      'e.slug as edition_slug',
      'e.year as edition_year',
      'e.title as edition_title',
      'e.registration_closes_at',
      'st.name as stand_type_name',
      'st.fee_cents',
      approvedAtOf(eb),
    ])
    .where('r.id', '=', registrationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    registrationId: row.id,
    state: row.state,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    editionId: row.edition_id,
    editionSlug: row.edition_slug,
    editionYear: row.edition_year,
    editionTitle: row.edition_title,
    registrationClosesAt: row.registration_closes_at,
    standTypeName: row.stand_type_name,
    feeCents: row.fee_cents,
    approvedAt: (row.approved_at as string | null) ?? null,
    reference: transferReference(row.edition_year, row.id),
  };
}

export async function requireFeeContext(db: Executor, registrationId: number): Promise<FeeContext> {
  const context = await loadFeeContext(db, registrationId);
  if (!context) throw new NotFoundError('payments:errors.notFound');
  return context;
}

/** A person acts for a registration only as a member of its organisation; anyone else gets a 404. */
export async function requireMemberOf(db: Executor, personId: number, registrationId: number): Promise<FeeContext> {
  const context = await loadFeeContext(db, registrationId);
  if (!context) throw new NotFoundError('payments:errors.notFound');
  const membership = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', context.organisationId)
    .executeTakeFirst();
  if (!membership) throw new NotFoundError('payments:errors.notFound');
  return context;
}

export interface Balance {
  /** received on confirmed (or since refunded) payments */
  paidCents: number;
  /** refunds done */
  refundedCents: number;
  /** refunds asked for but not done yet */
  pendingRefundCents: number;
  waiver: WaiverState | null;
  /** a payment under way (Stripe processing it) */
  pending: boolean;
}

const PAID_STATES: PaymentState[] = ['confirmed', 'refunded'];

export async function balanceOf(db: Executor, registrationId: number): Promise<Balance> {
  const [paid, refunds, waiver, pending] = await Promise.all([
    db
      .selectFrom('payments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('received_cents'), eb.lit(0)).as('cents'))
      .where('registration_id', '=', registrationId)
      .where('state', 'in', PAID_STATES)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(['refunds.state', 'refunds.amount_cents'])
      .where('payments.registration_id', '=', registrationId)
      .execute(),
    db
      .selectFrom('waiver_requests')
      .select('state')
      .where('registration_id', '=', registrationId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('payments').select('id').where('registration_id', '=', registrationId).where('state', '=', 'pending').executeTakeFirst(),
  ]);
  return {
    paidCents: Number(paid.cents),
    refundedCents: refunds.filter((r) => r.state === 'done').reduce((s, r) => s + r.amount_cents, 0),
    pendingRefundCents: refunds.filter((r) => r.state === 'pending').reduce((s, r) => s + r.amount_cents, 0),
    waiver: waiver?.state ?? null,
    pending: Boolean(pending),
  };
}

export type FeeStatus = 'free' | 'not_due' | 'due' | 'pending' | 'paid' | 'waived' | 'cancelled';

/** Where a registration stands with its fee, for the association's page and the office. */
export function feeStatus(context: Pick<FeeContext, 'state' | 'feeCents'>, balance: Balance): FeeStatus {
  if (context.state === 'cancelled' || context.state === 'withdrawn') return balance.paidCents > 0 ? 'cancelled' : 'not_due';
  if (context.feeCents === 0) return 'free';
  if (balance.waiver === 'granted') return 'waived';
  if (balance.paidCents >= context.feeCents) return 'paid';
  if (context.state === 'confirmed') return 'paid'; // confirmed before payments were recorded here
  if (context.state !== 'approved') return 'not_due';
  return balance.pending ? 'pending' : 'due';
}

export function deadlineOf(context: Pick<FeeContext, 'approvedAt' | 'registrationClosesAt'>, fallbackApprovedAt: string): string {
  return paymentDeadline(context.approvedAt ?? fallbackApprovedAt, context.registrationClosesAt);
}
