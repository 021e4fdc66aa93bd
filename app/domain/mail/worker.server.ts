import type { DB } from '../../../db/connection';
import { renderEmail } from '../../../emails/index';
import { failInterruptedMessages, markAllSent, markAttemptFailed, markSentAndClaim } from './outbox.server';
import type { MailTransport } from './transport.server';
import { payloadToSend } from './mint-links.server';

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** Sends every due message once: claimed, rendered in its language, sent, recorded. */
export async function deliverDueMail(db: DB, transport: MailTransport, from: string, at: Date = new Date()): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  let sent: number[] = [];
  try {
    for (;;) {
      // the batch before is recorded as sent in the same commit that claims the next one
      const batch = await markSentAndClaim(db, sent, at.toISOString());
      sent = [];
      if (batch.length === 0) return report;
      for (const message of batch) {
        try {
          const payload = await payloadToSend(db, JSON.parse(message.payload) as Record<string, unknown>);
          const rendered = renderEmail(message.template, payload, message.locale);
          await transport.send({ ...rendered, to: message.to_address, from, messageId: `<outbox-${message.id}@festplatz>` });
          sent.push(message.id);
          report.sent++;
        } catch (error) {
          await markAttemptFailed(db, message, error instanceof Error ? error.message : String(error), at);
          report.failed++;
        }
      }
    }
  } finally {
    // also when something above threw: what went out is recorded
    await markAllSent(db, sent);
  }
}

export interface MailWorker {
  /** look for due mail now instead of at the next tick */
  wake(): void;
  stop(): Promise<void>;
}

/** The worker inside the server process: polls the outbox, and is woken after each commit that wrote mail. */
export function startMailWorker(
  db: DB,
  transport: MailTransport,
  options: { from: string; intervalMs?: number; onError?: (error: unknown) => void },
): MailWorker {
  let running: Promise<unknown> = failInterruptedMessages(db);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let queued = false;

  // Runs are chained, never concurrent; a wake while one is queued adds nothing.
  const run = () => {
    if (stopped || queued) return;
    queued = true;
    running = running
      .then(() => {
        queued = false;
        return deliverDueMail(db, transport, options.from);
      })
      .catch((error: unknown) => options.onError?.(error));
  };
  const tick = () => {
    run();
    timer = setTimeout(tick, options.intervalMs ?? 2_000);
    timer.unref();
  };
  tick();

  return {
    wake: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
