import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { saveApplication } from '../../app/domain/registrations/applications.server';
import { decideRegistration } from '../../app/domain/registrations/review.server';
import { wireDomains } from '../../app/domain/wiring.server';
import { signIn } from '../helpers/auth';
import { applicationInput, prepareApplicants } from '../helpers/applicants';
import { shownHtml } from '../helpers/html';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * The office's long lists at a size where they no longer fit one page: the review queue (100 a
 * page), the payments (50 a page per list) and the schedule board (one day at a time above 300
 * items), through the running server, read as an organiser reads them.
 */
let server: RunningServer;
let organiser: string;
let slug: string;
const APPLICATIONS = 130;

const sql = <T>(run: (sqlite: SQLite.Database) => T): T => {
  const sqlite = new SQLite(server.databasePath);
  try {
    return run(sqlite);
  } finally {
    sqlite.close();
  }
};
const page = async (url: string, lang = 'de') => {
  const res = await fetch(`${server.url}${url}`, { headers: { Cookie: organiser, 'Accept-Language': lang } });
  return { status: res.status, html: await res.text() };
};
const unescape = (html: string) => html.replace(/&amp;/g, '&');
/** The address of the "next page" link after `after` (the first one when not given). */
const nextLink = (html: string, after = '') => {
  const rest = html.slice(Math.max(0, html.indexOf(after)));
  const tag = /<a [^>]*rel="next"[^>]*>/.exec(rest)?.[0] ?? '';
  return unescape(/href="([^"]+)"/.exec(tag)?.[1] ?? '');
};

/**
 * This process writes into the running server's database while the server's mail worker writes
 * too: a deferred transaction that read before the other's commit gets SQLITE_BUSY at once (no
 * busy wait for an upgrade), so the fixture's writes are tried again.
 */
async function again<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 20 || !/locked|busy/i.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

beforeAll(async () => {
  wireDomains(); // this process approves applications too: the fee is asked for through the same hook
  server = await startServer();
  slug = sql((s) => (s.prepare(`select slug from editions where slug like 'dortbund-%' order by year desc limit 1`).get() as { slug: string }).slug);
  const { standTypeId, applicants } = await again(() => prepareApplicants(server.databasePath, APPLICATIONS, slug));
  const { db } = openDatabase(server.databasePath);
  try {
    await again(() => db.updateTable('stand_types').set({ fee_cents: 2_500 }).where('id', '=', standTypeId).execute());
    const orga = await db.selectFrom('people').select('id').where('email', '=', 'orga@festplatz.localhost').executeTakeFirstOrThrow();
    for (const [i, a] of applicants.entries()) {
      const { registrationId } = await again(() => saveApplication(db, {
        personId: a.personId,
        publicUrl: server.url,
        editionSlug: slug,
        organisationId: a.organisationId,
        submit: true,
        application: applicationInput(standTypeId, i),
      }));
      if (i < 70) await again(() => decideRegistration(db, { organiserId: orga.id, editionSlug: slug, registrationId, decision: 'approve', publicUrl: server.url }));
    }
  } finally {
    await db.destroy();
  }
  organiser = await signIn(server.url, path.join(server.dir, 'mail'), 'orga@festplatz.localhost');
}, 120_000);
afterAll(() => server?.stop());

describe('the review queue of a big edition', () => {
  it('shows 100 applications a page, counts all of them, and links to the next page with the filters kept', async () => {
    const total = sql((s) => (s.prepare(`select count(*) as n from registrations r join editions e on e.id = r.edition_id where e.slug = ? and r.state != 'draft'`).get(slug) as { n: number }).n);
    expect(total).toBeGreaterThan(APPLICATIONS);
    const first = await page(`/office/editions/${slug}/registrations`);
    expect(first.status).toBe(200);
    expect(first.html).toContain(`${total} Anmeldungen`);
    expect(first.html.match(/class="queue-item"/g)).toHaveLength(100);
    expect(first.html).toContain('aria-label="Seiten: Anmeldungen prüfen"');
    expect(first.html).toContain(`Seite 1 von 2: Einträge 1 bis 100`);
    const submitted = await page(`/office/editions/${slug}/registrations?standType=burst-table`, 'en');
    const next = nextLink(submitted.html);
    expect(next).toBe(`/office/editions/${slug}/registrations?standType=burst-table&page=2`);
    const second = await page(next, 'en');
    expect(second.html).toContain('Page 2 of 2: entries 101 to');
    expect(shownHtml(second.html)).not.toContain('Next page');
  });

  it('finds an association by part of its name, and reads a broken page number as the first page', async () => {
    const found = await page(`/office/editions/${slug}/registrations?q=verein+12+e.V`);
    expect(found.html.match(/class="queue-item"/g)).toHaveLength(1);
    expect(found.html).toContain('Burst-Verein 12 e.V.');
    expect(found.html).toContain('1 Anmeldung');
    const broken = await page(`/office/editions/${slug}/registrations?page=zwei`);
    expect(broken.status).toBe(200);
    expect(broken.html).toContain('Seite 1 von 2');
  });
});

describe('the payments of a big edition', () => {
  it('pages each list on its own, 50 at a time, named after the list', async () => {
    const first = await page(`/office/editions/${slug}/payments`);
    expect(first.status).toBe(200);
    expect(first.html).toContain('aria-label="Seiten: Offene Gebühren"');
    expect(nextLink(first.html, 'aria-label="Seiten: Offene Gebühren"')).toBe(`/office/editions/${slug}/payments?outstanding=2#section-outstanding`);
    const second = await page(`/office/editions/${slug}/payments?outstanding=2`);
    expect(second.html).toContain('Seite 2 von 2: Einträge 51 bis');
    // a transfer reference still finds its one stand, whatever page it is on
    const reference = /class="reference">(FP-\d{4}-\d{6}-\d)</.exec(second.html)?.[1];
    expect(reference).toBeTruthy();
    const searched = await page(`/office/editions/${slug}/payments?ref=${encodeURIComponent(reference!)}`);
    expect(searched.html.match(/class="card pay-row"/g)).toHaveLength(1);
    expect(searched.html).toContain(reference);
  });
});

describe('the schedule board of a big program', () => {
  it('shows one day at a time above 300 items, with a link to every day', async () => {
    const { edition, stage, day1, day2 } = sql((s) => {
      const e = s.prepare(`select id, starts_on, ends_on from editions where slug = ?`).get(slug) as { id: number; starts_on: string; ends_on: string };
      const st = s.prepare(`select id from stages where edition_id = ? order by sort_order limit 1`).get(e.id) as { id: number };
      return { edition: e.id, stage: st.id, day1: e.starts_on, day2: e.ends_on };
    });
    expect(day2 > day1).toBe(true);
    sql((s) => {
      const insert = s.prepare(
        `insert into program_item_drafts (edition_id, uid, stage_id, title, description, starts_at, ends_at, category, languages, accessibility, status)
         values (?, ?, ?, ?, '{}', ?, ?, 'talk', '[]', '[]', 'scheduled')`,
      );
      s.transaction(() => {
        for (let i = 0; i < 320; i++) {
          const day = i < 200 ? day1 : day2;
          const start = new Date(`${day}T09:00:00Z`).getTime() + (i % 200) * 60_000;
          insert.run(edition, `paged-board-${i}`, stage, JSON.stringify({ de: `Brettpunkt ${i}` }), new Date(start).toISOString(), new Date(start + 30 * 60_000).toISOString());
        }
      })();
    });
    const board = await page(`/office/editions/${slug}/schedule`);
    expect(board.status).toBe(200);
    expect(board.html).toContain('aria-label="Tage des Programms"');
    expect(board.html).toContain('data-uid="paged-board-0"');
    expect(board.html).not.toContain('data-uid="paged-board-250"');
    expect(board.html.match(/<caption/g)).toHaveLength(1);
    const second = await page(`/office/editions/${slug}/schedule?day=${day2}`);
    expect(second.html).toContain('data-uid="paged-board-250"');
    expect(second.html).not.toContain('data-uid="paged-board-0"');
    const nav = /<nav aria-label="Tage des Programms"[\s\S]*?<\/nav>/.exec(second.html)?.[0] ?? '';
    const current = /<a [^>]*aria-current="page"[^>]*>/.exec(nav)?.[0] ?? '';
    expect(current).toContain(`day=${day2}`);
    const onDay2 = sql((s) => (s.prepare(`select count(*) as n from program_item_drafts where edition_id = ? and substr(starts_at, 1, 10) = ?`).get(edition, day2) as { n: number }).n);
    expect(onDay2).toBeGreaterThanOrEqual(120);
    expect(nav).toContain(`(${onDay2})</a>`);
  });
});
