// npm run db:migrate: brings the database at DATABASE_PATH to the latest schema.
import { loadEnv } from '../app/server/env.server';
import { migrateToLatest, openDatabase } from '../db/connection';

const env = loadEnv();
const { db, path } = openDatabase(env.DATABASE_PATH);
const result = await migrateToLatest(db);
const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
console.log(applied.length ? `Applied ${applied.join(', ')} to ${path}` : `${path} is up to date`);
await db.destroy();
