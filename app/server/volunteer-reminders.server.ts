import { sendVolunteerReminders } from '~/domain/volunteers/public.server';
import { db } from './db.server';
import { env } from './env.server';
import { log } from './log.server';

const HOUR = 60 * 60_000;

/**
 * Looks for shifts starting within a day at start and then every hour; each volunteer's
 * reminder is written once (dedupe key per place), so running more often never sends more.
 */
export function startVolunteerReminders(intervalMs = HOUR): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running
      .then(async () => {
        if (stopped) return;
        const sent = await sendVolunteerReminders(db(), env().PUBLIC_URL);
        if (sent > 0) {
          log.info(`volunteer reminders: ${sent}`);
        }
      })
      .catch((error: unknown) => log.error('volunteer reminders', { error: String(error) }));
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
