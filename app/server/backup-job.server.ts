import fs from 'node:fs';
import path from 'node:path';
import { backupTo, dailyBackupName, rotateBackups } from '../../db/backup';
import { database } from './db.server';
import { env } from './env.server';
import { log } from './log.server';

const HOUR_MS = 60 * 60 * 1000;

/** Where the automatic backups go: BACKUP_DIR, or `backups/` beside the database. */
export function backupDir(): string {
  const config = env();
  return config.BACKUP_DIR ?? path.join(path.dirname(path.resolve(config.DATABASE_PATH)), 'backups');
}

/**
 * The automatic daily online backup inside the server process, beside the retention job
 * (docs/decisions/094): once a day (UTC) a copy `festplatz-YYYY-MM-DD.sqlite` is written and
 * checked, then the rotation keeps 7 daily and 4 weekly ones. It looks every hour whether
 * today's copy exists, so a server restarted often still makes one a day.
 */
export function startBackupJob(options: { firstRunMs?: number; intervalMs?: number } = {}) {
  const config = env();
  if (!config.DAILY_BACKUP || config.DATABASE_PATH === ':memory:') return { async stop() {} };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const dir = backupDir();
  const run = () => {
    if (stopped) return;
    const day = new Date().toISOString().slice(0, 10);
    const target = path.join(dir, dailyBackupName(day));
    running = (fs.existsSync(target) ? Promise.resolve(null) : backupTo(database().sqlite, target))
      .then((done) => {
        if (done) log.info(`backup: ${target} in ${done.ms} ms (integrity_check: ${done.integrity})`);
        const deleted = rotateBackups(dir);
        if (deleted.length) log.info(`backup: rotated out ${deleted.join(', ')}`);
      })
      .catch((error: unknown) => log.error('backup', { error: String(error) }))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(run, options.intervalMs ?? HOUR_MS);
        timer.unref();
      });
  };
  timer = setTimeout(run, options.firstRunMs ?? config.BACKUP_FIRST_DELAY_SECONDS * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
