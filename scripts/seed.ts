// npm run db:seed: migrates, then fills an empty database with the demo data.
import { loadEnv } from '../app/server/env.server';
import { migrateToLatest, openDatabase } from '../db/connection';
import { isEmpty, seedDemo } from '../db/demo';

const env = loadEnv();
const { db, path } = openDatabase(env.DATABASE_PATH);
await migrateToLatest(db);
if (!(await isEmpty(db))) {
  console.error(`${path} already holds data; db:seed only fills an empty database. Remove the file to start over.`);
  process.exitCode = 1;
} else {
  console.log(`Seeded ${path}: ${JSON.stringify(await seedDemo(db))}`);
}
await db.destroy();
