import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../db/connection';
import { seedDemo } from '../../db/demo';
import { wireDomains } from '../../app/domain/wiring.server';

/** The day the demo data of the tests is computed from: fixed, so dates are exact. */
export const TEST_TODAY = '2026-11-25';

export interface TestDatabase extends OpenDatabase {
  dir: string;
  close: () => Promise<void>;
}

/** A real SQLite file in a fresh temporary folder, migrated (and seeded, if asked). */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  // the hooks between domain folders, as the server sets them at start
  wireDomains();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'festplatz-test-'));
  const open = openDatabase(path.join(dir, 'test.sqlite'));
  await migrateToLatest(open.db);
  if (options.seed) await seedDemo(open.db, { today: TEST_TODAY });
  return {
    ...open,
    dir,
    close: async () => {
      await open.db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Read-only SQL on a running server's database file (the test looks; only the app writes). */
export function readOnlySql(databasePath: () => string) {
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const d = new SQLite(databasePath(), { readonly: true });
    try {
      return d.prepare(sql).all(...params) as T[];
    } finally {
      d.close();
    }
  };
  const one = <T>(sql: string, ...params: unknown[]): T => query<T>(sql, ...params)[0]!;
  return { query, one };
}
