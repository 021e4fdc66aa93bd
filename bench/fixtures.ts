/**
 * Bench data: the demo seed plus a synthetic published edition with N program items over
 * four days and four stages, written straight into a fresh SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../db/connection';
import { seedDemo } from '../db/demo';

export async function createBenchDatabase(items: number, slug = 'bench-2027'): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'festplatz-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const { db } = openDatabase(file);
  await migrateToLatest(db);
  await seedDemo(db, { today: '2026-11-25' });
  await addBenchEdition(db, slug, items);
  await db.destroy();
  return { file, dir };
}

export async function addBenchEdition(db: ReturnType<typeof openDatabase>['db'], slug: string, items: number) {
  const series = await db.selectFrom('series').select('id').where('slug', '=', 'djelem-djelem').executeTakeFirstOrThrow();
  const org = await db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const edition = await trx
      .insertInto('editions')
      .values({
        series_id: series.id,
        slug,
        year: 2027,
        title: JSON.stringify({ de: `Bench ${slug}`, en: `Bench ${slug}` }),
        starts_on: '2027-10-28',
        ends_on: '2027-10-31',
        status: 'published',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const venue = await trx
      .insertInto('venues')
      .values({ edition_id: edition.id, name: JSON.stringify({ de: 'Halle' }), address: 'Leopoldstraße 50, 44147 Dortmund', lat: 51.52, lng: 7.46 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stages: number[] = [];
    for (let s = 0; s < 4; s++) {
      const row = await trx
        .insertInto('stages')
        .values({ edition_id: edition.id, venue_id: venue.id, slug: `stage-${s}`, name: JSON.stringify({ de: `Bühne ${s + 1}`, en: `Stage ${s + 1}` }), sort_order: s })
        .returning('id')
        .executeTakeFirstOrThrow();
      stages.push(row.id);
    }
    const base = Date.parse('2027-10-28T08:00:00.000Z');
    const rows = Array.from({ length: items }, (_, i) => {
      const start = base + Math.floor(i / 4) * 20 * 60_000 + (i % 4) * 60_000;
      return {
        edition_id: edition.id,
        stage_id: stages[i % 4]!,
        uid: `${slug}-${i}`,
        sequence: i % 7 === 0 ? 2 : 0,
        title: JSON.stringify({ de: `Programmpunkt ${i}: Musik, Tanz; Gespräch`, en: `Item ${i}: music, dance; talk`, ar: `فقرة ${i}` }),
        description: JSON.stringify({ de: `Beschreibung ${i} mit Komma, Semikolon; und\nZeilenumbruch 🎶`, en: `Description ${i}` }),
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + 45 * 60_000).toISOString(),
        category: ['music', 'dance', 'talk', 'film'][i % 4]!,
        languages: JSON.stringify(['de', 'rom']),
        accessibility: JSON.stringify(['wheelchair']),
        host_organisation_id: org.id,
        status: (i % 50 === 0 ? 'cancelled' : 'scheduled') as 'cancelled' | 'scheduled',
        updated_at: '2026-11-20T10:00:00.000Z',
      };
    });
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('program_items').values(rows.slice(i, i + 500)).execute();
    await trx
      .insertInto('schedule_releases')
      .values({ edition_id: edition.id, version: 1, published_at: '2026-11-20T10:00:00.000Z', changes: '[]' })
      .execute();
  });
}
