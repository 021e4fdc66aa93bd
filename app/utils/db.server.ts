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
