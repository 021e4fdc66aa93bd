/**
 * Waivers: an association (typically a non-profit) asks for the fee to be waived; an
 * organiser grants it (the stand is confirmed without payment and without a receipt:
 * no money moved) or refuses it with a reason (the association is told and pays).
 * One open request per registration; after a refusal there is no second request.
 */
import type { DB } from '../../../db/connection';
import type { Person } from '../../../db/schema';
import { ConflictError } from '../errors';
import { publicUrl as configuredPublicUrl } from './config.server';
import { balanceOf, deadlineOf, requireFeeContext, requireMemberOf, type FeeContext } from './fees.server';
import { notifyOrganisation } from './notify.server';
import { markRegistrationConfirmed } from './registration-state.server';
import { passForMail } from '../festival-day/passes.server';

export async function requestWaiver(
  db: DB,
  input: { registrationId: number; person: Pick<Person, 'id'>; reason: string; nonProfit: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const context = await requireMemberOf(trx, input.person.id, input.registrationId);
    if (context.feeCents === 0) throw new ConflictError('payments:errors.noFee');
    if (context.state !== 'approved') throw new ConflictError('payments:errors.notAwaitingPayment');
    const balance = await balanceOf(trx, context.registrationId);
    if (balance.paidCents > 0) throw new ConflictError('payments:errors.alreadyPaid');
    const earlier = await trx.selectFrom('waiver_requests').select('state').where('registration_id', '=', context.registrationId).execute();
    if (earlier.some((w) => w.state === 'requested')) throw new ConflictError('payments:errors.waiverOpen');
    if (earlier.some((w) => w.state === 'refused')) throw new ConflictError('payments:errors.waiverRefusedBefore');
    if (earlier.some((w) => w.state === 'granted')) throw new ConflictError('payments:errors.waived');
    await trx
      .insertInto('waiver_requests')
      .values({ registration_id: context.registrationId, reason: input.reason.trim(), non_profit: input.nonProfit ? 1 : 0, requested_by: input.person.id })
      .execute();
  });
}

interface Decision {
  registrationId: number;
  organiser: Pick<Person, 'id'>;
  reason: string | null;
  now?: Date;
  publicUrl?: string;
}

async function decide(db: DB, input: Decision, granted: boolean): Promise<void> {
  const at = (input.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const context = await requireFeeContext(trx, input.registrationId);
    const reason = input.reason?.trim() || null;
    const base = input.publicUrl ?? configuredPublicUrl();
    const updated = await trx
      .updateTable('waiver_requests')
      .set({ state: granted ? 'granted' : 'refused', decided_by: input.organiser.id, decision_reason: reason, decided_at: at })
      .where('registration_id', '=', context.registrationId)
      .where('state', '=', 'requested')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('payments:errors.noOpenWaiver');
    if (granted) {
      const confirmed = await markRegistrationConfirmed(trx, context.registrationId, input.organiser.id, `Gebühr erlassen${reason ? `: ${reason}` : ''}`, {
        publicUrl: base,
        now: new Date(at),
      });
      if (!confirmed) throw new ConflictError('payments:errors.notAwaitingPayment');
    }
    await notifyWaiverDecision(trx, context, { granted, reason, at, publicUrl: base });
  });
}

async function notifyWaiverDecision(
  trx: Parameters<typeof notifyOrganisation>[0],
  context: FeeContext,
  d: { granted: boolean; reason: string | null; at: string; publicUrl: string },
) {
  await notifyOrganisation(trx, context.organisationId, {
    template: 'waiver-decided',
    payload: {
      granted: d.granted,
      reason: d.reason,
      organisation: context.organisationName,
      edition: context.editionTitle,
      amountCents: context.feeCents,
      deadline: deadlineOf(context, d.at),
      url: `${d.publicUrl}/account/applications/${context.registrationId}/payment`,
      pass: d.granted ? await passForMail(trx, context.registrationId, d.publicUrl) : null,
    },
    dedupeKey: `waiver-decided:${context.registrationId}`,
  });
}

export function grantWaiver(db: DB, input: Decision): Promise<void> {
  return decide(db, input, true);
}

/** A refusal needs a reason: the association reads it. */
export function refuseWaiver(db: DB, input: Decision & { reason: string }): Promise<void> {
  return decide(db, input, false);
}
