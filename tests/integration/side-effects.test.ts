import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { enqueueMail, onMailQueued } from '../../app/domain/mail/outbox.server';
import { feedCacheStats } from '../../app/domain/feeds/feed-cache.server';
import { publishSchedule } from '../../app/domain/schedule/publish.server';

/**
 * Issue 16: the use case that writes the outbox row or publishes a release schedules the
 * mail worker's wake-up and the feed invalidation itself, after its commit, so no route
 * can forget it.
 */
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  onMailQueued(null);
  await test.close();
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('side effects where the use case is', () => {
  it('signals the mail worker once per use case, after the row is committed and readable', async () => {
    const seen: number[] = [];
    onMailQueued(() => {
      // what the worker would find when it wakes: the rows are there
      seen.push(Number((test.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE to_address LIKE 'wake-%'").get() as { n: number }).n));
    });
    await test.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) {
        await enqueueMail(trx, { to: `wake-${i}@verein.example`, locale: 'de', template: 'campaign', payload: { subject: 'S', body: 'B' } });
      }
    });
    await nextTurn();
    await nextTurn();
    expect(seen).toEqual([3]);
  });

  it('drops the cached feeds when a release is published, without the route doing it', async () => {
    const draft = await test.db
      .selectFrom('program_item_drafts')
      .innerJoin('editions', 'editions.id', 'program_item_drafts.edition_id')
      .select(['program_item_drafts.id', 'program_item_drafts.edition_id'])
      .where('editions.status', '=', 'published')
      .where('program_item_drafts.status', '=', 'scheduled')
      .orderBy('program_item_drafts.id')
      .executeTakeFirstOrThrow();
    await test.db.updateTable('program_item_drafts').set({ title: JSON.stringify({ de: 'Neu', en: 'New' }) }).where('id', '=', draft.id).execute();
    const before = feedCacheStats().generation;
    const release = await publishSchedule(test.db, draft.edition_id, null, { publicUrl: 'http://festplatz.test' });
    expect(release.version).toBeGreaterThan(0);
    expect(feedCacheStats().generation).toBe(before + 1);
  });
});
