/**
 * The outbox: every email is a row written in the same transaction as the change that
 * causes it. The worker (worker.server.ts) sends due rows after the commit.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, OutboxMessage } from '../../../db/schema';
import type { EmailTemplate } from './templates';
import { recordAudit } from '../audit/audit.server';

type Executor = Kysely<Database> | Transaction<Database>;

export interface MailRequest {
  to: string;
  locale: string;
  template: EmailTemplate;
  payload: object;
  /** a second message with the same key is silently not written (idempotent causes) */
  dedupeKey?: string;
}

export const MAX_ATTEMPTS = 8;
/** Messages taken per claim; a crash leaves at most this many 'sending' for an organiser to check. */
export const CLAIM_BATCH = 20;
const now = () => new Date().toISOString();

/**
 * Who is told that mail was queued: the server's mail worker registers itself at start
 * (`onMailQueued`). The signal goes out on the next turn of the event loop, after the
 * transaction that wrote the row has committed (better-sqlite3 commits synchronously inside
 * the same chain of promises); many rows in one use case give one signal. Should a signal come
 * before a commit, the worker's next tick finds the row anyway.
 */
let mailQueuedListener: (() => void) | null = null;
let signalPending = false;
export function onMailQueued(listener: (() => void) | null): void {
  mailQueuedListener = listener;
}
function signalMailQueued(): void {
  if (!mailQueuedListener || signalPending) return;
  signalPending = true;
  setImmediate(() => {
    signalPending = false;
    mailQueuedListener?.();
  });
}

export async function enqueueMail(db: Executor, mail: MailRequest): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      locale: mail.locale,
      template: mail.template,
      payload: JSON.stringify(mail.payload),
      dedupe_key: mail.dedupeKey ?? null,
      next_attempt_at: now(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  signalMailQueued();
}

/**
 * Takes up to `limit` due messages and marks them 'sending' in one statement, so no
 * message is handed out twice. Oldest due first, in the order of the index on
 * (status, next_attempt_at): no sort of all due rows per claim.
 */
export async function claimDueMessages(db: Executor, at: string, limit = CLAIM_BATCH): Promise<OutboxMessage[]> {
  return db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb.selectFrom('outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', at).orderBy('next_attempt_at').orderBy('id').limit(limit),
    )
    .returningAll()
    .execute();
}

export async function markSent(db: Executor, id: number, at: string = now()): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).where('status', '=', 'sending').execute();
}

/** Marks a batch of delivered messages sent in one statement (one commit, not one per message). */
export async function markAllSent(db: Executor, ids: number[], at: string = now()): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', 'in', ids).where('status', '=', 'sending').execute();
}

/**
 * Records the last batch as sent and claims the next in one transaction: one commit (one
 * fsync under synchronous=FULL) per batch of messages.
 */
export async function markSentAndClaim(db: Kysely<Database>, sentIds: number[], at: string): Promise<OutboxMessage[]> {
  return db.transaction().execute(async (trx) => {
    await markAllSent(trx, sentIds);
    return claimDueMessages(trx, at);
  });
}

/** Exponential backoff with a little jitter: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.9 + 0.2 * random()));
}

export async function markAttemptFailed(db: Executor, message: OutboxMessage, error: string, at: Date = new Date()): Promise<void> {
  const giveUp = message.attempts >= MAX_ATTEMPTS;
  await db
    .updateTable('outbox')
    .set({
      status: giveUp ? 'failed' : 'pending',
      last_error: error.slice(0, 1000),
      next_attempt_at: new Date(at.getTime() + backoffMs(message.attempts)).toISOString(),
    })
    .where('id', '=', message.id)
    .execute();
}

/**
 * After a crash a row can be left 'sending': it may or may not have gone out. It is not
 * retried blindly (that could send it twice); it is marked failed for an organiser to
 * look at and resend.
 */
export async function failInterruptedMessages(db: Executor): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'failed', last_error: 'interrupted while sending (server stopped); check and resend' })
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listUndeliveredMessages(db: Executor) {
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'template', 'status', 'attempts', 'last_error', 'next_attempt_at', 'created_at'])
    .where('status', 'in', ['failed', 'pending'])
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb('attempts', '>', 0)]))
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** An organiser sends a failed message again (written to the audit log when `actorId` is given). */
export async function resendMessage(db: Kysely<Database>, id: number, actorId?: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('outbox')
      .set({ status: 'pending', next_attempt_at: now(), attempts: 0 })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    const ok = Number(result.numUpdatedRows) === 1;
    if (ok && actorId !== undefined) await recordAudit(trx, { actorId, action: 'mail.resent', subjectType: 'outbox', subjectId: id });
    return ok;
  });
}

/** The latest messages, whatever their state: organisers read what went out. */
export async function listRecentMessages(db: Executor, limit = 50) {
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'template', 'locale', 'status', 'sent_at', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function getMessage(db: Executor, id: number) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
