/** Feed build for N items: the app's builder (ical-generator) against the hand-written reference, same rows. */
import { openDatabase } from '../db/connection';
import { buildCalendarFeed } from '../app/domain/feeds/calendar-feed.server';
import { findPublicProgramItems } from '../app/domain/program/public-program.server';
import { emptyFilter } from '../app/domain/program/program-filter';
import { createBenchDatabase } from './fixtures';
import { referenceIcs } from './reference-ics';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchFeedBuild(items: number) {
  const { file } = await createBenchDatabase(items);
  const { db } = openDatabase(file);
  const filter = { ...emptyFilter(), edition: ['bench-2027'] };
  const runs = items >= 20_000 ? 3 : 7;
  const app: number[] = [];
  const ref: number[] = [];
  let appBytes = 0;
  let refBytes = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const built = await buildCalendarFeed(db, { kind: 'filter', filter }, 'de', { publicUrl: 'https://feste.example', today: '2026-11-25' });
    app.push(performance.now() - t);
    appBytes = built.ics.length;
    t = performance.now();
    const rows = await findPublicProgramItems(db, filter, { dropCancelledEndedBefore: '2026-11-25' });
    const ics = referenceIcs(rows, 'de', 'https://feste.example');
    ref.push(performance.now() - t);
    refBytes = ics.length;
  }
  await db.destroy();
  const a = median(app);
  const r = median(ref);
  console.log(
    `feed build, ${String(items).padStart(6)} items          app ${a.toFixed(0).padStart(6)} ms (${(appBytes / 1024).toFixed(0)} KiB) | reference ${r.toFixed(0).padStart(5)} ms (${(refBytes / 1024).toFixed(0)} KiB) | ratio ${(a / r).toFixed(2)}× slower; built once per release, never per request`,
  );
  return { items, appMs: Number(a.toFixed(1)), referenceMs: Number(r.toFixed(1)), ratio: Number((a / r).toFixed(2)), appBytes, referenceBytes: refBytes };
}
