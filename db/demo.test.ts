import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../tests/helpers/db';
import { berlinDay, formatTime } from '../app/lib/time';
import { listSeriesWithEditions } from '../app/domain/editions/editions.server';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(() => t.close());

describe('demo data', () => {
  it('has both festivals, each with last year and the coming edition', async () => {
    const series = await listSeriesWithEditions(t.db, '2026-11-25');
    expect(series.map((s) => JSON.parse(s.name).de)).toEqual(['Dortbund! Eine Stadt. Viele Gesichter', 'Djelem Djelem']);
    for (const s of series) {
      expect(s.upcoming.map((e) => e.year)).toEqual([2027]);
      expect(s.past.map((e) => e.year)).toEqual([2026]);
    }
  });

  it('has enough program, stages and organisations, with a cancelled item', async () => {
    const items = await t.db.selectFrom('program_items').selectAll().execute();
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items.filter((i) => i.status === 'cancelled').length).toBeGreaterThanOrEqual(1);
    for (const cancelled of items.filter((i) => i.status === 'cancelled')) expect(cancelled.sequence).toBeGreaterThan(0);
    const stages = await t.db.selectFrom('stages').select('edition_id').execute();
    expect(new Set(stages.map((s) => s.edition_id)).size).toBe(4);
    expect(stages.length).toBeGreaterThanOrEqual(4);
    const orgs = await t.db.selectFrom('organisations').select('name').execute();
    expect(orgs.length).toBeGreaterThanOrEqual(10);
    expect(orgs.map((o) => o.name)).toContain('Train of Hope e.V.');
    for (const item of items) {
      expect(JSON.parse(item.title)).toHaveProperty('de');
      expect(JSON.parse(item.title)).toHaveProperty('en');
    }
  });

  it('has registrations in every state, each with its history', async () => {
    const regs = await t.db.selectFrom('registrations').select(['id', 'state']).execute();
    expect(new Set(regs.map((r) => r.state))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'confirmed', 'withdrawn', 'cancelled']),
    );
    const events = await t.db.selectFrom('registration_events').select(['registration_id', 'to_state']).orderBy('id').execute();
    for (const reg of regs) {
      const history = events.filter((e) => e.registration_id === reg.id);
      expect(history.at(-1)?.to_state).toBe(reg.state);
    }
  });

  it('runs Djelem Djelem 2027 across the October switch with correct instants', async () => {
    const edition = await t.db.selectFrom('editions').selectAll().where('slug', '=', 'djelem-djelem-2027').executeTakeFirstOrThrow();
    expect([edition.starts_on, edition.ends_on]).toEqual(['2027-10-28', '2027-10-31']);
    const items = await t.db.selectFrom('program_items').selectAll().where('edition_id', '=', edition.id).execute();
    const saturdayConcert = items.find((i) => JSON.parse(i.title).en === 'Concert: Djelem Djelem Ensemble')!;
    expect(saturdayConcert.starts_at).toBe('2027-10-30T17:00:00.000Z'); // 19:00 CEST
    const sundayClosing = items.find((i) => JSON.parse(i.title).en === 'Closing concert')!;
    expect(sundayClosing.starts_at).toBe('2027-10-31T16:00:00.000Z'); // 17:00 CET
    const night = items.find((i) => JSON.parse(i.title).en.startsWith('Balkan night'))!;
    expect(night.starts_at).toBe('2027-10-30T20:00:00.000Z');
    expect(night.ends_at).toBe('2027-10-31T01:00:00.000Z'); // five real hours: 02:00 CET
    expect(formatTime(night.ends_at, 'de')).toBe('02:00');
    expect(berlinDay(night.ends_at)).toBe('2027-10-31');
  });
});
