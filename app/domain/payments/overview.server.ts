/**
 * Read models: the association's payment page, the organisers' view of an edition, and
 * the list on /account. Few queries each, grouped in memory (no query per row).
 */
import type { Kysely } from 'kysely';
import type { Database, PaymentFlag, PaymentMethod, PaymentState, Person, RefundState, RegistrationState, WaiverState } from '../../../db/schema';
import { NotFoundError } from '../errors';
import { bankDetailsFor, paymentsOnline } from './config.server';
import { dueReminderStage, paymentDeadline } from './deadline';
import { balanceOf, deadlineOf, feeStatus, loadFeeContext, requireMemberOf, type FeeStatus } from './fees.server';
import { transferReference } from './reference';
import type { BankDetails } from './bank-details';
import { approvedAtOf, paidCentsOf } from './subqueries';

type DB = Kysely<Database>;

export interface PaymentLine {
  id: number;
  method: PaymentMethod;
  state: PaymentState;
  amountCents: number;
  receivedCents: number | null;
  at: string;
  receiptNumber: string | null;
  flag: PaymentFlag | null;
  refunds: { id: number; amountCents: number; state: RefundState; at: string; external: boolean; lastError: string | null }[];
}

/** Payments that mean something to people: money that arrived, is arriving, or went back. */
const SHOWN: PaymentState[] = ['pending', 'confirmed', 'refunded'];

async function paymentLines(db: DB, registrationIds: number[]): Promise<Map<number, PaymentLine[]>> {
  const byRegistration = new Map<number, PaymentLine[]>();
  if (registrationIds.length === 0) return byRegistration;
  const [payments, refunds] = await Promise.all([
    db
      .selectFrom('payments')
      .leftJoin('receipts', 'receipts.payment_id', 'payments.id')
      .select([
        'payments.id',
        'payments.registration_id',
        'payments.method',
        'payments.state',
        'payments.amount_cents',
        'payments.received_cents',
        'payments.confirmed_at',
        'payments.created_at',
        'payments.flag',
        'receipts.receipt_number',
      ])
      .where('payments.registration_id', 'in', registrationIds)
      .where('payments.state', 'in', SHOWN)
      .orderBy('payments.id')
      .execute(),
    db
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(['refunds.id', 'refunds.payment_id', 'refunds.amount_cents', 'refunds.state', 'refunds.created_at', 'refunds.done_at', 'refunds.external', 'refunds.last_error'])
      .where('payments.registration_id', 'in', registrationIds)
      .orderBy('refunds.id')
      .execute(),
  ]);
  for (const p of payments) {
    const list = byRegistration.get(p.registration_id) ?? [];
    list.push({
      id: p.id,
      method: p.method,
      state: p.state,
      amountCents: p.amount_cents,
      receivedCents: p.received_cents,
      at: p.confirmed_at ?? p.created_at,
      receiptNumber: p.receipt_number,
      flag: p.flag,
      refunds: refunds
        .filter((r) => r.payment_id === p.id)
        .map((r) => ({ id: r.id, amountCents: r.amount_cents, state: r.state, at: r.done_at ?? r.created_at, external: r.external === 1, lastError: r.last_error })),
    });
    byRegistration.set(p.registration_id, list);
  }
  return byRegistration;
}

export interface PaymentPage {
  registrationId: number;
  organisationName: string;
  editionTitle: string;
  standTypeName: string;
  registrationState: RegistrationState;
  feeCents: number;
  outstandingCents: number;
  status: FeeStatus;
  deadline: string | null;
  reference: string;
  online: boolean;
  bank: BankDetails | null;
  waiver: { state: WaiverState; reason: string; nonProfit: boolean; decisionReason: string | null } | null;
  canAskWaiver: boolean;
  payments: PaymentLine[];
}

/** The association's page: only for members of the registration's organisation (else 404). */
export async function paymentPageFor(db: DB, person: Pick<Person, 'id'>, registrationId: number, now: Date = new Date()): Promise<PaymentPage> {
  const context = await requireMemberOf(db, person.id, registrationId);
  const [balance, waiver, lines] = await Promise.all([
    balanceOf(db, registrationId),
    db.selectFrom('waiver_requests').selectAll().where('registration_id', '=', registrationId).orderBy('id', 'desc').limit(1).executeTakeFirst(),
    paymentLines(db, [registrationId]),
  ]);
  const status = feeStatus(context, balance);
  const online = paymentsOnline();
  const due = status === 'due';
  return {
    registrationId,
    organisationName: context.organisationName,
    editionTitle: context.editionTitle,
    standTypeName: context.standTypeName,
    registrationState: context.state,
    feeCents: context.feeCents,
    outstandingCents: due || status === 'pending' ? Math.max(0, context.feeCents - balance.paidCents) : 0,
    status,
    deadline: due || status === 'pending' ? deadlineOf(context, now.toISOString()) : null,
    reference: context.reference,
    online,
    bank: due ? bankDetailsFor(context, online) : null,
    waiver: waiver ? { state: waiver.state, reason: waiver.reason, nonProfit: waiver.non_profit === 1, decisionReason: waiver.decision_reason } : null,
    canAskWaiver: due && !waiver && balance.paidCents === 0,
    payments: lines.get(registrationId) ?? [],
  };
}

export interface OfficeRow {
  registrationId: number;
  organisationName: string;
  standTypeName: string;
  state: RegistrationState;
  feeCents: number;
  paidCents: number;
  refundedCents: number;
  outstandingCents: number;
  refundableCents: number;
  status: FeeStatus;
  deadline: string | null;
  overdue: boolean;
  reminderStage: number;
  reference: string;
  waiver: { state: WaiverState; reason: string; nonProfit: boolean; decisionReason: string | null; createdAt: string } | null;
  payments: PaymentLine[];
}

export interface EditionPayments {
  edition: { id: number; slug: string; title: string };
  summary: { expectedCents: number; receivedCents: number; refundedCents: number; outstandingCents: number };
  rows: OfficeRow[];
}

/** The organisers' view of an edition's fees: every registration that owes, paid or got money back. */
export async function editionPayments(db: DB, slug: string, now: Date = new Date()): Promise<EditionPayments> {
  const edition = await db.selectFrom('editions').select(['id', 'slug', 'title', 'year', 'registration_closes_at']).where('slug', '=', slug).executeTakeFirst();
  if (!edition) throw new NotFoundError('payments:errors.notFound');
  const regs = await db
    .selectFrom('registrations as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('stand_types as st', 'st.id', 'r.stand_type_id')
    .select((eb) => [
      'r.id',
      'r.state',
      'o.name as organisation_name',
      'st.name as stand_type_name',
      'st.fee_cents',
      'r.payment_reminder_stage',
      approvedAtOf(eb),
    ])
    .where('r.edition_id', '=', edition.id)
    .where('r.state', 'in', ['approved', 'confirmed', 'cancelled', 'withdrawn'])
    .where((eb) => eb.or([eb('st.fee_cents', '>', 0), eb.exists(eb.selectFrom('payments as p').select('p.id').whereRef('p.registration_id', '=', 'r.id'))]))
    .orderBy('o.name')
    .execute();
  const ids = regs.map((r) => r.id);
  const [lines, waivers] = await Promise.all([
    paymentLines(db, ids),
    ids.length ? db.selectFrom('waiver_requests').selectAll().where('registration_id', 'in', ids).orderBy('id').execute() : Promise.resolve([]),
  ]);
  const lastWaiver = new Map<number, (typeof waivers)[number]>();
  for (const w of waivers) lastWaiver.set(w.registration_id, w);
  const summary = { expectedCents: 0, receivedCents: 0, refundedCents: 0, outstandingCents: 0 };
  const rows: OfficeRow[] = [];
  for (const r of regs) {
    const payments = lines.get(r.id) ?? [];
    const waiverRow = lastWaiver.get(r.id);
    const paidCents = payments.filter((p) => p.state === 'confirmed' || p.state === 'refunded').reduce((s, p) => s + (p.receivedCents ?? 0), 0);
    const refunds = payments.flatMap((p) => p.refunds);
    const refundedCents = refunds.filter((x) => x.state === 'done').reduce((s, x) => s + x.amountCents, 0);
    const committed = refunds.filter((x) => x.state !== 'failed').reduce((s, x) => s + x.amountCents, 0);
    const status = feeStatus(
      { state: r.state, feeCents: r.fee_cents },
      { paidCents, refundedCents, pendingRefundCents: 0, waiver: waiverRow?.state ?? null, pending: payments.some((p) => p.state === 'pending') },
    );
    if ((r.state === 'withdrawn' || r.state === 'cancelled') && payments.length === 0) continue;
    const owes = status === 'due' || status === 'pending';
    const outstandingCents = owes ? Math.max(0, r.fee_cents - paidCents) : 0;
    const deadline = owes && r.approved_at ? paymentDeadline(r.approved_at as string, edition.registration_closes_at) : null;
    if (r.state === 'approved' || r.state === 'confirmed') summary.expectedCents += status === 'waived' ? 0 : r.fee_cents;
    summary.receivedCents += paidCents;
    summary.refundedCents += refundedCents;
    summary.outstandingCents += outstandingCents;
    rows.push({
      registrationId: r.id,
      organisationName: r.organisation_name,
      standTypeName: r.stand_type_name,
      state: r.state,
      feeCents: r.fee_cents,
      paidCents,
      refundedCents,
      outstandingCents,
      refundableCents: r.state === 'confirmed' ? paidCents - committed : 0,
      status,
      deadline,
      overdue: deadline ? dueReminderStage(deadline, now) !== null : false,
      reminderStage: r.payment_reminder_stage,
      reference: transferReference(edition.year, r.id),
      waiver: waiverRow
        ? { state: waiverRow.state, reason: waiverRow.reason, nonProfit: waiverRow.non_profit === 1, decisionReason: waiverRow.decision_reason, createdAt: waiverRow.created_at }
        : null,
      payments,
    });
  }
  return { edition: { id: edition.id, slug: edition.slug, title: edition.title }, summary, rows };
}

export interface AccountFee {
  registrationId: number;
  editionTitle: string;
  organisationName: string;
  status: FeeStatus;
}

/** The registrations with a fee of the organisations a person belongs to, for /account. */
export async function feesForPerson(db: DB, personId: number): Promise<AccountFee[]> {
  const regs = await db
    .selectFrom('registrations as r')
    .innerJoin('memberships as m', 'm.organisation_id', 'r.organisation_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('editions as e', 'e.id', 'r.edition_id')
    .innerJoin('stand_types as st', 'st.id', 'r.stand_type_id')
    .select((eb) => [
      'r.id',
      'r.state',
      'e.title',
      'o.name',
      'st.fee_cents',
      paidCentsOf(eb),
      eb
        .selectFrom('waiver_requests as w')
        .select('w.state')
        .whereRef('w.registration_id', '=', 'r.id')
        .orderBy('w.id', 'desc')
        .limit(1)
        .as('waiver'),
      eb.exists(eb.selectFrom('payments as p2').select('p2.id').whereRef('p2.registration_id', '=', 'r.id').where('p2.state', '=', 'pending')).as('pending'),
    ])
    .where('m.person_id', '=', personId)
    .where('r.state', 'in', ['approved', 'confirmed', 'cancelled'])
    .where('st.fee_cents', '>', 0)
    .orderBy('e.starts_on', 'desc')
    .execute();
  return regs.map((r) => ({
    registrationId: r.id,
    editionTitle: r.title,
    organisationName: r.name,
    status: feeStatus(
      { state: r.state, feeCents: r.fee_cents },
      { paidCents: Number(r.paid_cents ?? 0), refundedCents: 0, pendingRefundCents: 0, waiver: (r.waiver as WaiverState | null) ?? null, pending: Boolean(r.pending) },
    ),
  }));
}

export interface FeeSummary {
  registrationId: number;
  status: FeeStatus;
  feeCents: number;
  outstandingCents: number;
  deadline: string | null;
}

/**
 * For the registration status page (/account/applications/:id, registration branch): what
 * the fee asks of the association now. The caller has checked membership already.
 */
export async function feeSummary(db: DB, registrationId: number, now: Date = new Date()): Promise<FeeSummary | null> {
  const context = await loadFeeContext(db, registrationId);
  if (!context) return null;
  const balance = await balanceOf(db, registrationId);
  const status = feeStatus(context, balance);
  const owes = status === 'due' || status === 'pending';
  return {
    registrationId,
    status,
    feeCents: context.feeCents,
    outstandingCents: owes ? context.feeCents - balance.paidCents : 0,
    deadline: owes ? deadlineOf(context, now.toISOString()) : null,
  };
}
