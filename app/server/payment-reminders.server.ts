import { sendPaymentReminders } from '~/domain/payments/requests.server';
import { db } from './db.server';
import { log } from './log.server';

const HOUR = 60 * 60_000;

/**
 * Looks for overdue stand fees at start and then every hour; reminders are written to the
 * outbox at most once per stage (dedupe keys), so running more often never sends more.
 */
export function startPaymentReminders(intervalMs = HOUR): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running
      .then(async () => {
        if (stopped) return;
        const overdue = await sendPaymentReminders(db());
        if (overdue > 0) {
          log.info(`payment reminders: ${overdue} overdue stand fees`);
        }
      })
      .catch((error: unknown) => log.error('payment reminders', { error: String(error) }));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
