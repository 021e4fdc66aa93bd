/** Issue 12: what organisers say about a venue's accessibility reaches the edition page, in the reader's language. */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { shownHtml } from '../helpers/html';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe('a venue’s accessibility on the edition page', () => {
  it('lists the facts in the reader’s language and the organisers’ note with its fallback', async () => {
    const db = new SQLite(server.databasePath);
    const { slug, id } = db
      .prepare(`select e.slug, v.id from venues v join editions e on e.id = v.edition_id where e.slug like 'djelem-djelem-%' and e.status = 'published' order by e.starts_on desc limit 1`)
      .get() as { slug: string; id: number };
    db.prepare(`update venues set accessibility = ?, accessibility_note = ? where id = ?`).run(
      JSON.stringify(['step_free', 'induction_loop']),
      JSON.stringify({ de: 'Eingang über den Hof, Rampe links.' }),
      id,
    );
    db.close();
    const visible = async (lang: string) => shownHtml(await (await fetch(`${server.url}/editions/${slug}?lang=${lang}`)).text());
    const de = await visible('de');
    expect(de).toContain('<li>Stufenlos erreichbar</li>');
    expect(de).toContain('<li>Induktionsschleife</li>');
    expect(de).toContain('Eingang über den Hof, Rampe links.');
    const tr = await visible('tr');
    expect(tr).not.toContain('<li>Stufenlos erreichbar</li>');
    expect(tr).toMatch(/<p lang="de"[^>]*>Eingang über den Hof, Rampe links\.<\/p>/);
  });
});
