import { migrateToLatest } from '../../db/connection';
import { seedDemo, isEmpty } from '../../db/demo';
import { closeDatabase, database } from './db.server';
import { env } from './env.server';
import { log } from './log.server';
import { startMail } from './mail.server';
import { startRetentionJob } from './retention-job.server';
import { startBackupJob } from './backup-job.server';
import { startPaymentReminders } from './payment-reminders.server';
import { startVolunteerReminders } from './volunteer-reminders.server';
import { administratorCount } from '../domain/people/administrators.server';
import { wireDomains } from '../domain/wiring.server';

type Stopper = () => Promise<void> | void;
const stoppers: Stopper[] = [];

/** Called by server.mjs before it listens: checks the environment, migrates, seeds the demo. */
export async function startApp() {
  const config = env();
  wireDomains();
  const { db, path } = database();
  const migrated = await migrateToLatest(db);
  for (const r of migrated.results ?? []) log.info(`migration ${r.migrationName}: ${r.status}`);
  if (config.SEED_DEMO && (await isEmpty(db))) {
    const counts = await seedDemo(db);
    log.info(`seeded demo data: ${JSON.stringify(counts)}`);
  }
  if ((await administratorCount(db)) === 0) {
    log.warn('No administrator yet. Make the first one with: npm run office:admin -- someone@city.example (same DATABASE_PATH), then sign in at ' + `${config.PUBLIC_URL}/login`);
  }
  const mail = startMail();
  onStop(() => mail.stop());
  const retention = startRetentionJob();
  onStop(() => retention.stop());
  const backups = startBackupJob();
  onStop(() => backups.stop());
  const reminders = startPaymentReminders();
  onStop(() => reminders.stop());
  const volunteerReminders = startVolunteerReminders();
  onStop(() => volunteerReminders.stop());
  return { port: config.PORT, host: config.HOST, databasePath: path, publicUrl: config.PUBLIC_URL };
}

/** Registers something to stop on shutdown (the mail worker, timers). */
export function onStop(stopper: Stopper) {
  stoppers.push(stopper);
}

export async function stopApp() {
  for (const stop of stoppers.splice(0).reverse()) await stop();
  await closeDatabase();
}
