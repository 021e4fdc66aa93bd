/**
 * Online backups of the SQLite file (better-sqlite3's backup API copies page by page while
 * the server keeps reading and writing) and the rotation of the automatic daily ones:
 * keep the 7 newest days and the newest of each of the 4 newest weeks (docs/decisions/094).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/** Copies the open database to `target` (via a temporary file, renamed once checked). */
export async function backupTo(source: SQLite.Database, target: string): Promise<{ integrity: string; ms: number }> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  await source.backup(partial, {
    progress: () => 200,
  });
  const copy = new SQLite(partial);
  let integrity: string;
  try {
    integrity = String(copy.pragma('integrity_check', { simple: true }));
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new Error(`backup failed its integrity check: ${integrity}`);
  }
  fs.renameSync(partial, target);
  return { integrity, ms: Date.now() - started };
}

const DAILY = /^festplatz-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export const dailyBackupName = (day: string) => `festplatz-${day}.sqlite`;

/** The ISO week of a UTC day (`2026-W49`): weekly backups are the newest of each. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Which daily backup files to keep: the `daily` newest, and the newest of each of the `weekly` newest weeks. */
export function backupsToKeep(names: string[], keep: { daily: number; weekly: number } = { daily: 7, weekly: 4 }): Set<string> {
  const days = names
    .map((n) => DAILY.exec(n)?.[1])
    .filter((d): d is string => Boolean(d))
    .sort()
    .reverse();
  const kept = new Set(days.slice(0, keep.daily));
  const weeks = new Map<string, string>();
  for (const day of days) if (!weeks.has(isoWeek(day))) weeks.set(isoWeek(day), day);
  for (const day of [...weeks.values()].slice(0, keep.weekly)) kept.add(day);
  return new Set([...kept].map(dailyBackupName));
}

/** Deletes the daily backups the rotation does not keep; answers what it deleted. */
export function rotateBackups(dir: string, keep?: { daily: number; weekly: number }): string[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir).filter((n) => DAILY.test(n));
  const kept = backupsToKeep(names, keep);
  const deleted = names.filter((n) => !kept.has(n));
  for (const n of deleted) fs.rmSync(path.join(dir, n), { force: true });
  return deleted;
}
