import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type DB = Kysely<Database>;

export interface OpenDatabase {
  db: DB;
  sqlite: SQLite.Database;
  path: string;
}

/**
 * Opens the single SQLite file with the settings every process needs: WAL so readers
 * never wait for the writer, foreign keys enforced, and a busy timeout so a second
 * process (a migration, a backup) waits instead of failing at once.
 */
export function openDatabase(file: string): OpenDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: an acknowledged write survives a power loss, not only a process crash (docs/decisions/093).
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, path: file };
}

// the migrator runs over any schema: each migration is frozen in time (Kysely's convention)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  // Branches developed side by side get name prefixes handed out in advance, so a database
  // migrated from main may already hold a later name than a branch's migration merged after
  // it. Each migration is independent; run the missing ones instead of refusing to start.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

/**
 * Rows from `jsonArrayFrom` arrive as JSON text from SQLite. The ParseJSONResultsPlugin
 * would also parse our own JSON text columns (and any free text that happens to look
 * like JSON), so nested arrays are parsed here, explicitly.
 */
export function nestedRows<T>(value: T[] | string): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}
