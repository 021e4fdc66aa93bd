import { it, expect } from 'vitest';
import { Migrator } from 'kysely';
import { migrations } from '../../db/migrations/index';
import { createTestDatabase } from '../helpers/db';
it('the schedule and pitches migration goes down and up again, copying the published program into drafts', async () => {
  const t = await createTestDatabase({ seed: true });
  const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
  // down to the migration before it (the later ones go down first), then up again
  const down = await migrator.migrateTo('2026-11-25T1901_series_subscriptions');
  expect(down.error).toBeUndefined();
  expect(down.results?.map((r) => [r.migrationName, r.direction, r.status])).toContainEqual(['2026-11-25T1930_schedule_and_pitches', 'Down', 'Success']);
  const up = await migrator.migrateToLatest();
  expect(up.error).toBeUndefined();
  const n = await t.db.selectFrom('program_item_drafts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(56);
  await t.close();
});
