/**
 * Stand fees without Stripe, on a real (temporary) SQLite database with the demo data:
 * the "please pay" request, booking bank transfers, receipts without gaps, waivers,
 * reminders, and cancelling a stand paid by transfer with a refund.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../emails/index';
import { ConflictError, NotFoundError, ValidationError } from '../../app/domain/errors';
import { recordBankTransfer } from '../../app/domain/payments/bank-transfer.server';
import { balanceOf, feeStatus, loadFeeContext } from '../../app/domain/payments/fees.server';
import { formatMoney } from '../../app/lib/money';
import { feeSummary } from '../../app/domain/payments/overview.server';
import { allocateReceipt } from '../../app/domain/payments/receipts.server';
import { transferReference } from '../../app/domain/payments/reference';
import { cancelPaidStand } from '../../app/domain/payments/refunds.server';
import { markRegistrationConfirmed } from '../../app/domain/payments/registration-state.server';
import { paymentRequestForApproval, sendPaymentReminders } from '../../app/domain/payments/requests.server';
import { grantWaiver, refuseWaiver, requestWaiver } from '../../app/domain/payments/waivers.server';
import { translator } from '../../app/lib/i18n';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { approve, outboxFor, personId, registrationOf } from '../helpers/payments';

let t: TestDatabase;
let organiser: { id: number };
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  organiser = { id: await personId(t.db, 'orga@festplatz.localhost') };
});
afterAll(() => t.close());

const PUBLIC = 'http://festplatz.test';

describe('asking for the fee', () => {
  it('writes one "please pay" message per approval, with the bank details and reference, in the contact’s language', async () => {
    const vmdo = await registrationOf(t.db, 'dortbund-2027', 'vmdo');
    expect([vmdo.state, vmdo.fee_cents, vmdo.stand_type]).toEqual(['approved', 5000, 'pavillon-3x3']);
    for (let i = 0; i < 2; i++) {
      const request = await t.db.transaction().execute((trx) => paymentRequestForApproval(trx, vmdo.id, { publicUrl: PUBLIC, online: false }));
      // approved on 18 November 2026, registration closes on 14 August 2027: pay by the close
      expect(request).toEqual({ requested: true, feeCents: 5000, deadline: '2027-08-14T21:59:59.999Z' });
    }
    const rows = await outboxFor(t.db, 'payment-requested');
    expect(rows.map((r) => [r.to_address, r.locale])).toEqual([['kontakt@vmdo.example', 'ar']]);
    const mail = renderEmail(rows[0]!.template, JSON.parse(rows[0]!.payload), rows[0]!.locale);
    const tr = translator('ar');
    expect(mail.subject).toBe(tr('payments:emails.requested.subject', { edition: 'Dortbund! Eine Stadt. Viele Gesichter 2027' }));
    const reference = transferReference(2027, vmdo.id);
    expect(mail.text).toContain(`${tr('payments:bank.reference')}: ${reference}`);
    expect(mail.text).toContain(`${tr('payments:bank.iban')}: DE89 3704 0044 0532 0130 00`);
    expect(mail.text).toContain(`${tr('payments:bank.amount')}: ${formatMoney(5000, 'ar')}`);
    expect(mail.text).toContain(`${PUBLIC}/account/applications/${vmdo.id}/payment`);
    expect(mail.html).toContain('dir="rtl"');
    // and on the status page
    expect(await feeSummary(t.db, vmdo.id)).toEqual({ registrationId: vmdo.id, status: 'due', feeCents: 5000, outstandingCents: 5000, deadline: '2027-08-14T21:59:59.999Z' });
  });

  it('asks nothing for a free stand', async () => {
    const free = await registrationOf(t.db, 'djelem-djelem-2027', 'train-of-hope');
    expect(free.fee_cents).toBe(0);
    const request = await t.db.transaction().execute((trx) => paymentRequestForApproval(trx, free.id, { publicUrl: PUBLIC }));
    expect(request).toEqual({ requested: false, feeCents: 0, deadline: null });
  });
});

describe('bank transfers', () => {
  it('books a short transfer as flagged with the rest outstanding, then the rest: receipts in sequence, stand confirmed once', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'africa-positive');
    await approve(t.db, reg.id);
    expect(reg.fee_cents).toBe(8000);
    const at = new Date('2026-12-01T09:00:00.000Z');

    const first = await recordBankTransfer(t.db, { registrationId: reg.id, amountCents: 5000, receivedOn: '2026-11-30', organiser, now: at, publicUrl: PUBLIC });
    // the demo's cancelled stand holds receipt 2026-00001
    expect(first).toMatchObject({ receiptNumber: '2026-00002', registrationConfirmed: false, outstandingCents: 3000, flag: 'underpaid' });
    expect((await loadFeeContext(t.db, reg.id))!.state).toBe('approved');

    const second = await recordBankTransfer(t.db, { registrationId: reg.id, amountCents: 3000, receivedOn: '2026-12-01', organiser, now: at, publicUrl: PUBLIC });
    expect(second).toMatchObject({ receiptNumber: '2026-00003', registrationConfirmed: true, outstandingCents: 0, flag: null });

    const context = (await loadFeeContext(t.db, reg.id))!;
    expect(context.state).toBe('confirmed');
    expect(feeStatus(context, await balanceOf(t.db, reg.id))).toBe('paid');
    const events = await t.db.selectFrom('registration_events').selectAll().where('registration_id', '=', reg.id).where('to_state', '=', 'confirmed').execute();
    expect(events.map((e) => [e.from_state, e.actor_person_id, e.reason])).toEqual([['approved', organiser.id, 'Gebühr bezahlt (Beleg 2026-00003)']]);
    const payments = await t.db.selectFrom('payments').selectAll().where('registration_id', '=', reg.id).orderBy('id').execute();
    expect(payments.map((p) => [p.method, p.state, p.amount_cents, p.received_cents, p.reference, p.received_on, p.flag])).toEqual([
      ['bank_transfer', 'confirmed', 8000, 5000, context.reference, '2026-11-30', 'underpaid'],
      ['bank_transfer', 'confirmed', 3000, 3000, context.reference, '2026-12-01', null],
    ]);
    const receipts = await t.db.selectFrom('receipts').selectAll().where('registration_id', '=', reg.id).orderBy('number').execute();
    expect(receipts.map((r) => [r.receipt_number, r.amount_cents, r.payer_name, JSON.parse(r.description).de])).toEqual([
      ['2026-00002', 5000, 'Africa Positive e.V.', 'Standgebühr Eigener Pavillon bis 6 × 3 m, Dortbund! Eine Stadt. Viele Gesichter 2027'],
      ['2026-00003', 3000, 'Africa Positive e.V.', 'Standgebühr Eigener Pavillon bis 6 × 3 m, Dortbund! Eine Stadt. Viele Gesichter 2027'],
    ]);
    const mails = (await outboxFor(t.db, 'payment-confirmed')).filter((m) => m.to_address === 'kontakt@africa-positive.example');
    expect(mails.map((m) => JSON.parse(m.payload)).map((p) => [p.amountCents, p.outstandingCents, p.confirmed, p.receiptNumber])).toEqual([
      [5000, 3000, false, '2026-00002'],
      [3000, 0, true, '2026-00003'],
    ]);
    const text = renderEmail('payment-confirmed', JSON.parse(mails[1]!.payload), 'de').text;
    expect(text).toContain('Vielen Dank! Wir haben 30,00\u00a0€ von Africa Positive e.V. erhalten.');
    expect(text).toContain('Ihr Stand bei Dortbund! Eine Stadt. Viele Gesichter 2027 ist damit fest bestätigt.');
    expect(text).toContain(`${PUBLIC}/receipts/2026-00003`);

    await expect(recordBankTransfer(t.db, { registrationId: reg.id, amountCents: 100, receivedOn: '2026-12-01', organiser })).rejects.toBeInstanceOf(ConflictError);
  });

  it('numbers receipts without gaps per year, also when a payment is rolled back halfway', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'lokal-willkommen');
    await approve(t.db, reg.id);
    const context = (await loadFeeContext(t.db, reg.id))!;
    await expect(
      t.db.transaction().execute(async (trx) => {
        const p = await trx
          .insertInto('payments')
          .values({ registration_id: reg.id, method: 'bank_transfer', state: 'confirmed', amount_cents: 8000, received_cents: 8000, reference: context.reference })
          .returning('id')
          .executeTakeFirstOrThrow();
        await allocateReceipt(trx, { paymentId: p.id, context, amountCents: 8000, currency: 'eur', method: 'bank_transfer', at: '2026-12-02T10:00:00.000Z' });
        throw new Error('the bank connection dropped');
      }),
    ).rejects.toThrow('the bank connection dropped');
    const next = await recordBankTransfer(t.db, { registrationId: reg.id, amountCents: 8000, receivedOn: '2026-12-02', organiser, now: new Date('2026-12-02T10:00:00.000Z') });
    expect(next.receiptNumber).toBe('2026-00004');
    // a new year starts again at 1 (Berlin new year: 23:30 UTC on 31 December is already 2027)
    const reg2 = await registrationOf(t.db, 'djelem-djelem-2027', 'lokal-willkommen');
    await approve(t.db, reg2.id);
    const newYear = await recordBankTransfer(t.db, { registrationId: reg2.id, amountCents: 3000, receivedOn: '2026-12-31', organiser, now: new Date('2026-12-31T23:30:00.000Z') });
    expect(newYear.receiptNumber).toBe('2027-00001');
    const all = await t.db.selectFrom('receipts').select(['year', 'number']).orderBy('year').orderBy('number').execute();
    expect(all).toEqual([
      { year: 2026, number: 1 },
      { year: 2026, number: 2 },
      { year: 2026, number: 3 },
      { year: 2026, number: 4 },
      { year: 2027, number: 1 },
    ]);
  });

  it('refuses a transfer for a stand that owes nothing or a bad amount', async () => {
    const free = await registrationOf(t.db, 'dortbund-2027', 'mia-do');
    await expect(recordBankTransfer(t.db, { registrationId: free.id, amountCents: 100, receivedOn: '2026-12-01', organiser })).rejects.toMatchObject({
      messageKey: 'payments:errors.noFee',
    });
    const vmdo = await registrationOf(t.db, 'dortbund-2027', 'vmdo');
    await expect(recordBankTransfer(t.db, { registrationId: vmdo.id, amountCents: 0, receivedOn: '2026-12-01', organiser })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordBankTransfer(t.db, { registrationId: 999_999, amountCents: 100, receivedOn: '2026-12-01', organiser })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('waivers', () => {
  it('are asked by members only, once; a refusal is explained to the association and the fee stays due', async () => {
    const vmdo = await registrationOf(t.db, 'dortbund-2027', 'vmdo');
    const contact = { id: await personId(t.db, 'kontakt@vmdo.example') };
    const stranger = { id: await personId(t.db, 'kontakt@train-of-hope.example') };
    await expect(requestWaiver(t.db, { registrationId: vmdo.id, person: stranger, reason: 'x', nonProfit: true })).rejects.toBeInstanceOf(NotFoundError);

    await requestWaiver(t.db, { registrationId: vmdo.id, person: contact, reason: 'Dachverband, ehrenamtlich getragen.', nonProfit: true });
    await expect(requestWaiver(t.db, { registrationId: vmdo.id, person: contact, reason: 'noch einmal', nonProfit: true })).rejects.toMatchObject({
      messageKey: 'payments:errors.waiverOpen',
    });
    expect(feeStatus((await loadFeeContext(t.db, vmdo.id))!, await balanceOf(t.db, vmdo.id))).toBe('due');

    await refuseWaiver(t.db, { registrationId: vmdo.id, organiser, reason: 'Kein Nachweis der Gemeinnützigkeit.', now: new Date('2026-11-26T10:00:00.000Z'), publicUrl: PUBLIC });
    const waiver = await t.db.selectFrom('waiver_requests').selectAll().where('registration_id', '=', vmdo.id).executeTakeFirstOrThrow();
    expect([waiver.state, waiver.non_profit, waiver.decided_by, waiver.decision_reason]).toEqual(['refused', 1, organiser.id, 'Kein Nachweis der Gemeinnützigkeit.']);
    expect((await loadFeeContext(t.db, vmdo.id))!.state).toBe('approved');
    const [mail] = (await outboxFor(t.db, 'waiver-decided')).filter((m) => m.to_address === 'kontakt@vmdo.example');
    const rendered = renderEmail('waiver-decided', JSON.parse(mail!.payload), 'de');
    expect(rendered.subject).toBe('Erlass der Standgebühr abgelehnt: Dortbund! Eine Stadt. Viele Gesichter 2027');
    expect(rendered.text).toContain('Begründung: Kein Nachweis der Gemeinnützigkeit.');
    expect(rendered.text).toContain('Bitte zahlen Sie die Gebühr von 50,00\u00a0€ bis Samstag, 14. August 2027.');

    await expect(requestWaiver(t.db, { registrationId: vmdo.id, person: contact, reason: 'bitte', nonProfit: true })).rejects.toMatchObject({
      messageKey: 'payments:errors.waiverRefusedBefore',
    });
  });

  it('granted: the stand is confirmed without payment and without a receipt', async () => {
    const reg = await registrationOf(t.db, 'djelem-djelem-2027', 'vmdo');
    const contact = { id: await personId(t.db, 'kontakt@vmdo.example') };
    await requestWaiver(t.db, { registrationId: reg.id, person: contact, reason: 'Kulturverein ohne Einnahmen.', nonProfit: false });
    await grantWaiver(t.db, { registrationId: reg.id, organiser, reason: null, publicUrl: PUBLIC });
    const context = (await loadFeeContext(t.db, reg.id))!;
    expect(context.state).toBe('confirmed');
    expect(feeStatus(context, await balanceOf(t.db, reg.id))).toBe('waived');
    expect(await t.db.selectFrom('receipts').select('id').where('registration_id', '=', reg.id).execute()).toEqual([]);
    const last = await t.db.selectFrom('registration_events').selectAll().where('registration_id', '=', reg.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect([last.from_state, last.to_state, last.reason]).toEqual(['approved', 'confirmed', 'Gebühr erlassen']);
    const mail = (await outboxFor(t.db, 'waiver-decided')).find((m) => JSON.parse(m.payload).url.endsWith(`/${reg.id}/payment`))!;
    expect(renderEmail('waiver-decided', JSON.parse(mail.payload), 'en').subject).toBe('Stand fee waived: Djelem Djelem 2027');
    await expect(grantWaiver(t.db, { registrationId: reg.id, organiser, reason: null })).rejects.toMatchObject({ messageKey: 'payments:errors.noOpenWaiver' });
  });
});

describe('reminders', () => {
  it('start after the deadline, come again a week later, each once, and leave waiver requests under review alone', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'train-of-hope');
    await approve(t.db, reg.id);
    const underReview = await registrationOf(t.db, 'dortbund-2027', 'kommunales-integrationszentrum');
    await approve(t.db, underReview.id);
    await requestWaiver(t.db, { registrationId: underReview.id, person: { id: await personId(t.db, 'kontakt@kommunales-integrationszentrum.example') }, reason: 'Öffentliche Stelle.', nonProfit: true });
    const keys = async () => (await outboxFor(t.db, 'payment-reminder')).map((m) => m.dedupe_key);
    const mine = (k: (string | null)[], id: number) => k.filter((x) => x?.startsWith(`payment-reminder:${id}:`));

    await sendPaymentReminders(t.db, { now: new Date('2027-08-14T20:00:00.000Z'), publicUrl: PUBLIC });
    expect(mine(await keys(), reg.id)).toEqual([]);
    for (let i = 0; i < 2; i++) await sendPaymentReminders(t.db, { now: new Date('2027-08-15T08:00:00.000Z'), publicUrl: PUBLIC });
    const contact = await personId(t.db, 'kontakt@train-of-hope.example');
    expect(mine(await keys(), reg.id)).toEqual([`payment-reminder:${reg.id}:1:${contact}`]);
    for (let i = 0; i < 2; i++) await sendPaymentReminders(t.db, { now: new Date('2027-08-22T08:00:00.000Z'), publicUrl: PUBLIC });
    expect(mine(await keys(), reg.id)).toEqual([`payment-reminder:${reg.id}:1:${contact}`, `payment-reminder:${reg.id}:2:${contact}`]);
    expect(mine(await keys(), underReview.id)).toEqual([]);
    // the stage lives in its own column: once the outbox rows are gone (retention, erasure), no stage goes out twice
    expect((await t.db.selectFrom('registrations').select('payment_reminder_stage').where('id', '=', reg.id).executeTakeFirstOrThrow()).payment_reminder_stage).toBe(2);
    const sentRows = await outboxFor(t.db, 'payment-reminder');
    const kept = sentRows.filter((m) => mine([m.dedupe_key], reg.id).length > 0);
    await t.db.deleteFrom('outbox').where('id', 'in', kept.map((m) => m.id)).execute();
    await sendPaymentReminders(t.db, { now: new Date('2027-08-22T09:00:00.000Z'), publicUrl: PUBLIC });
    expect(mine(await keys(), reg.id)).toEqual([]);
    await t.db.insertInto('outbox').values(kept.map(({ id: _id, ...row }) => row)).execute();

    const second = (await outboxFor(t.db, 'payment-reminder')).find((m) => m.dedupe_key === `payment-reminder:${reg.id}:2:${contact}`)!;
    const rendered = renderEmail('payment-reminder', JSON.parse(second.payload), 'de');
    expect(rendered.subject).toBe('Zweite Erinnerung: Standgebühr für Dortbund! Eine Stadt. Viele Gesichter 2027 noch offen');
    expect(rendered.text).toContain('Die Standgebühr von Train of Hope e.V. für Dortbund! Eine Stadt. Viele Gesichter 2027 (50,00\u00a0€) war bis Samstag, 14. August 2027 fällig');
    expect(rendered.text).toContain(`Verwendungszweck: ${transferReference(2027, reg.id)}`);
  });
});

describe('cancelling a stand paid by transfer', () => {
  it('records the refund as done (paid back by hand), cancels the stand and tells the association', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'africa-positive'); // paid 5000 + 3000 above
    await expect(cancelPaidStand(t.db, { registrationId: reg.id, refundCents: 8001, reason: 'Platz gesperrt', organiser })).rejects.toMatchObject({
      messageKey: 'payments:errors.refundTooHigh',
    });
    await expect(cancelPaidStand(t.db, { registrationId: reg.id, refundCents: 100, reason: '  ', organiser })).rejects.toBeInstanceOf(ValidationError);
    expect((await loadFeeContext(t.db, reg.id))!.state).toBe('confirmed');

    const result = await cancelPaidStand(t.db, { registrationId: reg.id, refundCents: 6000, reason: 'Platz wegen Bauarbeiten gesperrt.', organiser, publicUrl: PUBLIC });
    expect(result).toEqual({ stripeRefundIds: [], refundedCents: 6000 });
    expect((await loadFeeContext(t.db, reg.id))!.state).toBe('cancelled');
    const rows = await t.db
      .selectFrom('payments')
      .leftJoin('refunds', 'refunds.payment_id', 'payments.id')
      .select(['payments.received_cents', 'payments.state', 'refunds.amount_cents as refund', 'refunds.state as refund_state'])
      .where('payments.registration_id', '=', reg.id)
      .orderBy('payments.id')
      .execute();
    // newest payment first: the 3000 goes back whole, 3000 of the 5000
    expect(rows).toEqual([
      { received_cents: 5000, state: 'confirmed', refund: 3000, refund_state: 'done' },
      { received_cents: 3000, state: 'refunded', refund: 3000, refund_state: 'done' },
    ]);
    const [mail] = (await outboxFor(t.db, 'payment-refunded')).filter((m) => m.to_address === 'kontakt@africa-positive.example');
    const rendered = renderEmail('payment-refunded', JSON.parse(mail!.payload), 'de');
    expect(rendered.subject).toBe('Erstattung der Standgebühr für Dortbund! Eine Stadt. Viele Gesichter 2027');
    expect(rendered.text).toContain('Wir überweisen Ihnen 60,00\u00a0€ zurück.');
    // the cancellation and its reason are the registration's own message
    const cancelled = (await outboxFor(t.db, 'registration-cancelled')).filter((m) => m.to_address === 'kontakt@africa-positive.example');
    expect(cancelled.map((m) => JSON.parse(m.payload).reason)).toEqual(['Platz wegen Bauarbeiten gesperrt.']);
    const last = await t.db.selectFrom('registration_events').selectAll().where('registration_id', '=', reg.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect([last.from_state, last.to_state, last.actor_person_id, last.reason]).toEqual(['confirmed', 'cancelled', organiser.id, 'Platz wegen Bauarbeiten gesperrt.']);

    await expect(cancelPaidStand(t.db, { registrationId: reg.id, refundCents: 0, reason: 'nochmal', organiser })).rejects.toMatchObject({ messageKey: 'payments:errors.notPaid' });
  });

  it('changes a registration state once, whatever the number of causes', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'vmdo');
    const changed = await t.db.transaction().execute(async (trx) => [
      await markRegistrationConfirmed(trx, reg.id, null, 'eins'),
      await markRegistrationConfirmed(trx, reg.id, null, 'zwei'),
    ]);
    expect(changed).toEqual([true, false]);
    const confirmations = await t.db.selectFrom('registration_events').select('reason').where('registration_id', '=', reg.id).where('to_state', '=', 'confirmed').execute();
    expect(confirmations).toEqual([{ reason: 'eins' }]);
  });
});
