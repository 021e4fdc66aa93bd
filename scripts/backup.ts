// npm run db:backup [target]: an online backup of the live database (better-sqlite3's
// backup API copies page by page while the server keeps reading and writing).
import path from 'node:path';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { loadEnv } from '../app/server/env.server';
import { backupTo } from '../db/backup';

const env = loadEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? path.join(path.dirname(env.DATABASE_PATH), 'backups', `festplatz-${stamp}.sqlite`);
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

const source = new SQLite(env.DATABASE_PATH, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
try {
  const { integrity, ms } = await backupTo(source, target);
  console.log(`Backup of ${env.DATABASE_PATH} written to ${target} in ${ms} ms (integrity_check: ${integrity})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  source.close();
}
