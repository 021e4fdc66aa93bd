// npm run privacy:retention: erases contact data of editions that ended more than
// RETENTION_MONTHS ago, now (the server also does it daily).
import { loadEnv } from '../app/server/env.server';
import { applyRetention } from '../app/domain/privacy/retention.server';
import { migrateToLatest, openDatabase } from '../db/connection';

const env = loadEnv();
const { db, path } = openDatabase(env.DATABASE_PATH);
await migrateToLatest(db);
const report = await applyRetention(db, { months: env.RETENTION_MONTHS });
console.log(`Retention on ${path} (${env.RETENTION_MONTHS} months): ${JSON.stringify(report)}`);
await db.destroy();
