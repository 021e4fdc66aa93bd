/**
 * Asking for the fee: once when an application with a fee is approved, then reminders
 * when the deadline has passed (rule in deadline.ts, docs/decisions/051).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/connection';
import type { Database } from '../../../db/schema';
import { transferReference } from './reference';
import { bankDetailsFor, paymentsOnline, publicUrl as configuredPublicUrl } from './config.server';
import { dueReminderStage, paymentDeadline } from './deadline';
import { balanceOf, feeStatus, requireFeeContext } from './fees.server';
import { notifyOrganisation } from './notify.server';
import { approvedAtOf, paidCentsOf } from './subqueries';

export interface PaymentRequest {
  requested: boolean;
  feeCents: number;
  deadline: string | null;
}

/**
 * Call inside the transaction that approves a registration (the registration branch's
 * approve transition): writes the "please pay" message to every member of the
 * organisation. Nothing is sent for a free stand or one already paid or waived. Sending it
 * twice for the same approval writes it once.
 */
export async function paymentRequestForApproval(
  trx: Transaction<Database>,
  registrationId: number,
  options: { publicUrl?: string; now?: Date; online?: boolean } = {},
): Promise<PaymentRequest> {
  const context = await requireFeeContext(trx, registrationId);
  const balance = await balanceOf(trx, registrationId);
  const status = feeStatus({ ...context, state: 'approved' }, balance);
  if (status !== 'due') return { requested: false, feeCents: context.feeCents, deadline: null };
  const approvedAt = context.approvedAt ?? (options.now ?? new Date()).toISOString();
  const deadline = paymentDeadline(approvedAt, context.registrationClosesAt);
  const base = options.publicUrl ?? configuredPublicUrl();
  await notifyOrganisation(trx, context.organisationId, {
    template: 'payment-requested',
    payload: {
      organisation: context.organisationName,
      edition: context.editionTitle,
      standType: context.standTypeName,
      amountCents: context.feeCents - balance.paidCents,
      deadline,
      url: `${base}/account/applications/${registrationId}/payment`,
      bank: bankDetailsFor(context, options.online ?? paymentsOnline()),
    },
    dedupeKey: `payment-requested:${registrationId}:${approvedAt}`,
  });
  return { requested: true, feeCents: context.feeCents, deadline };
}

/**
 * Writes a reminder for every approved registration whose fee is overdue, at most once per
 * stage (the outbox's dedupe key). Registrations with a waiver request under review or a
 * payment Stripe is still processing are left alone. Returns how many stands are overdue.
 */
export async function sendPaymentReminders(db: DB, options: { now?: Date; publicUrl?: string; online?: boolean } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const base = options.publicUrl ?? configuredPublicUrl();
  const online = options.online ?? paymentsOnline();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('registrations as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .innerJoin('editions as e', 'e.id', 'r.edition_id')
      .innerJoin('stand_types as st', 'st.id', 'r.stand_type_id')
      .select((eb) => [
        'r.id',
        'r.organisation_id',
        'o.name as organisation_name',
        'e.title as edition_title',
        'e.year as edition_year',
        'e.registration_closes_at',
        'st.fee_cents',
        'r.payment_reminder_stage',
        approvedAtOf(eb),
        paidCentsOf(eb),
        eb
          .exists(
            eb
              .selectFrom('waiver_requests as w')
              .select('w.id')
              .whereRef('w.registration_id', '=', 'r.id')
              .where('w.state', 'in', ['requested', 'granted']),
          )
          .as('waiver_open'),
        eb.exists(eb.selectFrom('payments as p2').select('p2.id').whereRef('p2.registration_id', '=', 'r.id').where('p2.state', '=', 'pending')).as('processing'),
      ])
      .where('r.state', '=', 'approved')
      .where('st.fee_cents', '>', 0)
      .execute();
    let overdue = 0;
    for (const row of rows) {
      const outstanding = row.fee_cents - Number(row.paid_cents ?? 0);
      if (outstanding <= 0 || row.waiver_open || row.processing || !row.approved_at) continue;
      const deadline = paymentDeadline(row.approved_at as string, row.registration_closes_at);
      const stage = dueReminderStage(deadline, now);
      if (!stage) continue;
      overdue++;
      // each stage once: the stage reached is written with the mail, in this transaction
      if (stage <= row.payment_reminder_stage) continue;
      await trx.updateTable('registrations').set({ payment_reminder_stage: stage }).where('id', '=', row.id).execute();
      await notifyOrganisation(trx, row.organisation_id, {
        template: 'payment-reminder',
        payload: {
          stage,
          organisation: row.organisation_name,
          edition: row.edition_title,
          amountCents: outstanding,
          deadline,
          url: `${base}/account/applications/${row.id}/payment`,
          bank: bankDetailsFor({ reference: transferReference(row.edition_year, row.id) }, online),
        },
        dedupeKey: `payment-reminder:${row.id}:${stage}`,
      });
    }
    return overdue;
  });
}
