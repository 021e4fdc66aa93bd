import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/db';
import { startSmtpServer, type TestSmtp } from '../../../tests/helpers/mail';
import { backoffMs, enqueueMail, failInterruptedMessages, MAX_ATTEMPTS, resendMessage } from './outbox.server';
import { smtpTransport, type MailTransport } from './transport.server';
import { deliverDueMail } from './worker.server';

let smtp: TestSmtp;
let t: TestDatabase;
let transport: MailTransport;
const FROM = 'Festplatz <noreply@festplatz.localhost>';

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  t = await createTestDatabase();
  smtp.messages.length = 0;
  smtp.failing = false;
  transport = smtpTransport(smtp.url);
});
afterEach(async () => {
  transport.close();
  await t.close();
});

const signInMail = (to: string, locale = 'de') => ({
  to,
  locale,
  template: 'sign-in-link' as const,
  payload: { url: 'http://localhost:3000/login/verify?token=abc', minutes: 30 },
});

describe('the outbox', () => {
  it('delivers a message through SMTP in the recipient’s language, text and HTML, once', async () => {
    await enqueueMail(t.db, signInMail('amal@example.org', 'ar'));
    expect(await deliverDueMail(t.db, transport, FROM)).toEqual({ sent: 1, failed: 0 });
    const mail = await smtp.waitFor((m) => m.subject === 'رابط الدخول الخاص بك إلى Festplatz');
    expect(mail.text).toContain('http://localhost:3000/login/verify?token=abc');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.messageId).toMatch(/^<outbox-\d+@festplatz>$/);
    // nothing is due any more: a second run sends nothing
    expect(await deliverDueMail(t.db, transport, FROM)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
  });

  it('keeps a message while SMTP refuses it, retries with backoff and delivers it once after recovery', async () => {
    await enqueueMail(t.db, signInMail('kim@example.org', 'en'));
    smtp.failing = true;
    const start = new Date(Date.now() + 1000);
    expect(await deliverDueMail(t.db, transport, FROM, start)).toEqual({ sent: 0, failed: 1 });
    let row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/451/);
    const waited = Date.parse(row.next_attempt_at) - start.getTime();
    expect(waited).toBeGreaterThanOrEqual(27_000);
    expect(waited).toBeLessThanOrEqual(33_000);
    // not due yet: nothing happens
    expect(await deliverDueMail(t.db, transport, FROM, new Date(start.getTime() + 10_000))).toEqual({ sent: 0, failed: 0 });

    smtp.failing = false;
    expect(await deliverDueMail(t.db, transport, FROM, new Date(start.getTime() + 60_000))).toEqual({ sent: 1, failed: 0 });
    row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
    expect(smtp.messages.filter((m) => m.subject === 'Your sign-in link for Festplatz')).toHaveLength(1);
  });

  it('gives up after the last attempt and lets an organiser resend it', async () => {
    await enqueueMail(t.db, signInMail('a@example.org'));
    smtp.failing = true;
    let at = new Date(Date.now() + 1000);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueMail(t.db, transport, FROM, at);
      at = new Date(at.getTime() + 2 * 3_600_000);
    }
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    smtp.failing = false;
    expect(await resendMessage(t.db, row.id)).toBe(true);
    expect(await deliverDueMail(t.db, transport, FROM, at)).toEqual({ sent: 1, failed: 0 });
    expect(await resendMessage(t.db, row.id)).toBe(false); // sent messages are not resent
  });

  it('writes a message with a dedupe key only once', async () => {
    await enqueueMail(t.db, { ...signInMail('b@example.org'), dedupeKey: 'approved:7' });
    await enqueueMail(t.db, { ...signInMail('b@example.org'), dedupeKey: 'approved:7' });
    const rows = await t.db.selectFrom('outbox').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('writes nothing when the transaction that caused the mail rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, signInMail('c@example.org'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('does not resend blindly what a crash left half-sent', async () => {
    await enqueueMail(t.db, signInMail('d@example.org'));
    await t.db.updateTable('outbox').set({ status: 'sending', attempts: 1 }).execute();
    expect(await failInterruptedMessages(t.db)).toBe(1);
    expect(await deliverDueMail(t.db, transport, FROM)).toEqual({ sent: 0, failed: 0 });
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/interrupted/);
  });

  it('backs off exponentially up to an hour', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, mid))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });
});
