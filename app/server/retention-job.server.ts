import { applyRetention } from '~/domain/privacy/retention.server';
import { db } from './db.server';
import { env } from './env.server';
import { log } from './log.server';

const DAY_MS = 24 * 60 * 60 * 1000;
/** the first run waits a little so a starting server answers requests first */
const FIRST_RUN_MS = 5 * 60 * 1000;

/** The daily retention run inside the server process (see app/domain/privacy/retention.server.ts). */
export function startRetentionJob(options: { firstRunMs?: number; intervalMs?: number } = {}) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    if (stopped) return;
    running = applyRetention(db(), { months: env().RETENTION_MONTHS })
      .then((report) => log.info(`retention: ${JSON.stringify(report)}`))
      .catch((error: unknown) => log.error('retention', { error: String(error) }))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(run, options.intervalMs ?? DAY_MS);
        timer.unref();
      });
  };
  timer = setTimeout(run, options.firstRunMs ?? FIRST_RUN_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
