// npm run db:backup [target]: an online backup of the live database (better-sqlite3's
// backup API copies page by page while the server keeps reading and writing).
import path from 'node:path';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { loadEnv } from '../app/server/env.server';

const env = loadEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? path.join(path.dirname(env.DATABASE_PATH), 'backups', `festplatz-${stamp}.sqlite`);
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

const source = new SQLite(env.DATABASE_PATH, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
const started = Date.now();
await source.backup(target, {
  progress: ({ totalPages, remainingPages }) => {
    if (totalPages > 10_000) process.stdout.write(`\r${totalPages - remainingPages}/${totalPages} pages`);
    return 200;
  },
});
source.close();
const copy = new SQLite(target);
const check = copy.pragma('integrity_check', { simple: true });
copy.close();
console.log(`Backup of ${env.DATABASE_PATH} written to ${target} in ${Date.now() - started} ms (integrity_check: ${check})`);
if (check !== 'ok') process.exitCode = 1;
