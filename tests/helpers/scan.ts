import type SQLite from 'better-sqlite3';

/**
 * Every cell of every text column of every table (read from sqlite_master) that contains
 * `needle`, case-insensitively: "table.column" per hit. Used to prove an erased address is gone.
 */
export function findEverywhere(sqlite: SQLite.Database, needle: string): string[] {
  const hits: string[] = [];
  const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[];
  for (const { name } of tables) {
    const columns = sqlite.prepare(`select name, type from pragma_table_info(?)`).all(name) as { name: string; type: string }[];
    for (const column of columns) {
      const rows = sqlite
        .prepare(`select count(*) as n from "${name}" where instr(lower(cast("${column.name}" as text)), ?) > 0`)
        .get(needle.toLowerCase()) as { n: number };
      if (rows.n > 0) hits.push(`${name}.${column.name}`);
    }
  }
  return hits;
}

/** How many tables the scan covers (so a test can say it looked at all of them). */
export function tableCount(sqlite: SQLite.Database): number {
  return (sqlite.prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`).get() as { n: number }).n;
}
