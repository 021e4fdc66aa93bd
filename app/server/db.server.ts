import { openDatabase, type DB, type OpenDatabase } from '../../db/connection';
import { env } from './env.server';

let open: OpenDatabase | undefined;

/** The process's one connection to the SQLite file at DATABASE_PATH. */
export function database(): OpenDatabase {
  open ??= openDatabase(env().DATABASE_PATH);
  return open;
}

export function db(): DB {
  return database().db;
}

export async function closeDatabase(): Promise<void> {
  if (!open) return;
  const current = open;
  open = undefined;
  await current.db.destroy();
}

/**
 * True when the database answers and can take a write: a BEGIN IMMEDIATE that is rolled
 * back at once, with a short busy timeout so a health check never hangs for long.
 */
export function databaseAnswers(): boolean {
  const { sqlite } = database();
  if (sqlite.inTransaction) return true; // busy with our own work, so it answers
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 1000');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

/** The process's open connection, if this `db` is it (never opens one). */
export function openAppDatabase(candidate: DB): OpenDatabase | undefined {
  return open && open.db === candidate ? open : undefined;
}

const stamps = new WeakMap<object, { changes: { get(): unknown }; version: { get(): unknown } }>();
/**
 * Changes whenever anything is written: by this process's connection (total_changes) or by
 * another process (data_version). Two prepared statements, microseconds: hot paths use it
 * to know that what they built from the database is still current.
 */
export function changeStampOf(open: OpenDatabase): string {
  let s = stamps.get(open.sqlite);
  if (!s) {
    s = { changes: open.sqlite.prepare('select total_changes() as c'), version: open.sqlite.prepare('pragma data_version') };
    stamps.set(open.sqlite, s);
  }
  const changes = (s.changes.get() as { c: number }).c;
  const version = (s.version.get() as { data_version: number }).data_version;
  return `${changes}:${version}`;
}

const publicStatements = new WeakMap<object, { get(): unknown }>();
/**
 * The version of what public pages and feeds show: a counter that triggers on the public
 * tables move (migration 2026-12-02T0200, docs/decisions/101). Writes elsewhere (outbox,
 * sessions, audit) leave it alone. One prepared statement, about a microsecond.
 */
export function publicDataVersionOf(open: OpenDatabase): number {
  let s = publicStatements.get(open.sqlite);
  if (!s) {
    s = open.sqlite.prepare('select version from public_data_version where id = 1').pluck();
    publicStatements.set(open.sqlite, s);
  }
  return Number(s.get() ?? 0);
}
