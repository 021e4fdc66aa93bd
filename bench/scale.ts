/**
 * At a real city's size: the same measurements at N = 100 registrations / M = 200 program
 * items and at N = 5,000 / M = 2,000, so the growth shows. Office work is timed in this
 * process on the domain functions the routes call (server time without the network);
 * public pages are fetched from the real server, rendered afresh (the page cache bypassed).
 */
import fs from 'node:fs';
import { sql, type KyselyPlugin } from 'kysely';
import { openDatabase } from '../db/connection';
import { findConflicts } from '../app/domain/schedule/conflicts';
import { getScheduleBoard, scheduleConflicts } from '../app/domain/schedule/editor.server';
import { publishSchedule } from '../app/domain/schedule/publish.server';
import { editionDashboard } from '../app/domain/office/dashboard.server';
import { exportEdition } from '../app/domain/office/exports.server';
import { editionPayments } from '../app/domain/payments/overview.server';
import { enqueueMail } from '../app/domain/mail/outbox.server';
import { deliverDueMail } from '../app/domain/mail/worker.server';
import { parseMarkdownLite } from '../app/lib/markdown-lite';
import { scaleDatabase } from './scale-fixture';
import { BENCH_SESSION_SECRET, startAppServer, type AppServer } from './http';
import { mintSessionCookies } from '../tests/helpers/sessions';

const E = '/office/editions/bench-2027';
/** Every office page of an edition (and the office's own lists), by the key its figures are written under. */
export const OFFICE_PAGES = [
  ['officeHome', '/office'],
  ['officeDashboard', E],
  ['officeRegistrations', `${E}/registrations`],
  ['officeSchedule', `${E}/schedule`],
  ['officePayments', `${E}/payments`],
  ['officeLogistics', `${E}/logistics`],
  ['officeCheckIn', `${E}/check-in`],
  ['officeSitePlan', `${E}/site-plan`],
  ['officePitches', `${E}/pitches`],
  ['officeVenues', `${E}/venues`],
  ['officeStandTypes', `${E}/stand-types`],
  ['officeVolunteers', `${E}/volunteers`],
  ['officeMailEdition', `${E}/mail`],
  ['officeExport', `${E}/export`],
  ['officeSettings', `${E}/settings`],
  ['officePeople', '/office/people'],
  ['officeMail', '/office/mail'],
  ['officeAudit', '/office/audit'],
] as const;

export const SIZES = [
  { n: 100, m: 200 },
  { n: 5_000, m: 2_000 },
] as const;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.floor(s.length / 2)]!.toFixed(1));
}

async function timed(runs: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  await fn(-1); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Counts the statements a piece of domain work sends (a Kysely plugin on a second handle). */
function counting() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { plugin, reset: () => (count = 0), get: () => count };
}

export interface ScaleFigures {
  n: number;
  m: number;
  [key: string]: number | string | boolean;
}

export async function measureOffice(n: number, m: number): Promise<ScaleFigures> {
  const fixture = await scaleDatabase(n, m);
  const { db } = openDatabase(fixture.file);
  const out: ScaleFigures = { n, m };
  try {
    const actor = await db.selectFrom('people').select(['id', 'role']).where('id', '=', fixture.organiserId).executeTakeFirstOrThrow();
    const edition = await db.selectFrom('editions').selectAll().where('slug', '=', 'bench-2027').executeTakeFirstOrThrow();
    const drafts = await db.selectFrom('program_item_drafts').selectAll().where('edition_id', '=', edition.id).execute();
    const stages = await db.selectFrom('stages').select(['id', 'changeover_minutes']).where('edition_id', '=', edition.id).execute();
    const registrations = await db.selectFrom('registrations').select(['id', 'state']).where('edition_id', '=', edition.id).execute();
    out.findConflictsMs = await timed(7, () => findConflicts({ edition, stages, openingHours: [], registrations, items: drafts }));
    out.conflictCheckMs = await timed(7, () => scheduleConflicts(db, edition.id));
    out.scheduleBoardMs = await timed(5, () => getScheduleBoard(db, 'bench-2027'));
    out.dashboardMs = await timed(5, () => editionDashboard(db, actor, 'bench-2027'));
    out.paymentsOverviewMs = await timed(5, () => editionPayments(db, 'bench-2027'));
    out.exportApplicationsMs = await timed(5, () => exportEdition(db, actor, edition.id, 'applications', 'de'));
    out.exportContactsMs = await timed(5, () => exportEdition(db, actor, edition.id, 'contacts', 'de'));

    // Publish of 10 changes: ten drafts moved by a minute, then one release.
    const counter = counting();
    const countedDb = db.withPlugin(counter.plugin);
    const statements: number[] = [];
    out.publish10Ms = await timed(5, async (run) => {
      const shift = (run + 2) * 60_000;
      await db.transaction().execute(async (trx) => {
        for (const d of drafts.filter((x) => x.status === 'scheduled').slice(0, 10)) {
          await trx
            .updateTable('program_item_drafts')
            .set({ title: JSON.stringify({ de: `Geändert ${run} ${d.uid}` }), starts_at: d.starts_at, ends_at: new Date(Date.parse(d.ends_at) - shift).toISOString() })
            .where('id', '=', d.id)
            .execute();
        }
      });
      counter.reset();
      await publishSchedule(countedDb, edition.id, actor.id);
      statements.push(counter.get());
    });
    out.publish10Statements = statements.at(-1)!;

    // The mail worker: N messages due, a transport that only takes them (no SMTP).
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) await enqueueMail(trx, { to: `p${i}@verein.example`, locale: 'de', template: 'campaign', payload: { subject: 'Aufbau', body: `Hallo ${i}` } });
    });
    // the claim's inner query as claimDueMessages sends it
    const claim = db.selectFrom('outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', new Date().toISOString()).orderBy('next_attempt_at').orderBy('id').limit(20).compile();
    const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(claim.sql)}`.execute(db).catch(async () => ({ rows: (await db.executeQuery({ ...claim, sql: `explain query plan ${claim.sql}` })).rows as { detail: string }[] }));
    out.mailClaimUsesTempBtree = plan.rows.some((r) => /TEMP B-TREE/.test(r.detail));
    let sent = 0;
    const t = performance.now();
    const report = await deliverDueMail(db, { kind: 'files', send: async () => void sent++, close: () => {} }, 'fest@stadt.example', new Date(Date.now() + 1000));
    out.mailWorkerMs = Number((performance.now() - t).toFixed(1));
    out.mailWorkerSent = report.sent;
  } finally {
    await db.destroy();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
  return out;
}

/** Public pages from the real server, rendered afresh each time (a session cookie skips the page cache). */
export async function measurePublic(n: number, m: number, track: (app: AppServer) => void): Promise<ScaleFigures> {
  const fixture = await scaleDatabase(n, m);
  const app = await startAppServer(fixture.file);
  const out: ScaleFigures = { n, m };
  try {
    const fresh = { cookie: '__session=bench-not-a-session' };
    const page = async (path: string) => {
      let bytes = 0;
      let loaderBytes = 0;
      const ms = await timed(5, async () => {
        const r = await fetch(`${app.url}${path}`, { headers: fresh });
        const html = await r.text();
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        bytes = Buffer.byteLength(html);
        const context = /window\.__remixContext = ([\s\S]*?);<\/script>/.exec(html);
        loaderBytes = context ? Buffer.byteLength(context[1]!) : 0;
      });
      return { ms, bytes, loaderBytes };
    };
    for (const [key, path] of [
      ['programEdition', '/program?edition=bench-2027'],
      ['programCity', '/program'],
      ['editionPage', '/editions/bench-2027'],
      ['exhibitors', '/editions/bench-2027/exhibitors'],
      ['organisations', '/organisations'],
    ] as const) {
      const r = await page(path);
      out[`${key}Ms`] = r.ms;
      out[`${key}KiB`] = Math.round(r.bytes / 1024);
      out[`${key}LoaderKiB`] = Math.round(r.loaderBytes / 1024);
    }

    // Every office page an organiser opens for the edition, through the real server as they see it
    // (signed in with the second factor, so the loader, the render and the guards all count).
    const [office] = await mintSessionCookies(fixture.file, BENCH_SESSION_SECRET, [{ personId: fixture.organiserId, secondFactorAt: new Date().toISOString() }]);
    for (const [key, path] of OFFICE_PAGES) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = -1; i < 5; i++) {
        const t = performance.now();
        const r = await fetch(`${app.url}${path}`, { headers: { cookie: office! }, redirect: 'manual' });
        const html = await r.text();
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        if (i >= 0) times.push(performance.now() - t);
        bytes = Buffer.byteLength(html);
      }
      out[`${key}Ms`] = median(times);
      out[`${key}KiB`] = Math.round(bytes / 1024);
    }

    // The page cache across a write that changes nothing public (a message marked sent).
    const url = `${app.url}/program?edition=bench-2027`;
    await fetch(url).then((r) => r.arrayBuffer());
    const before = (await fetch(url)).headers.get('x-page-cache');
    const { db } = openDatabase(fixture.file);
    await db.updateTable('outbox').set({ sent_at: new Date().toISOString() }).where('id', '=', 1).execute();
    await db.destroy();
    const after = (await fetch(url)).headers.get('x-page-cache');
    out.pageCacheSurvivesMailWrite = before === 'hit' && after === 'hit';
    track(app);
  } finally {
    await app.stop();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
  return out;
}

/** Markdown-lite on adversarial input (3.6 kB and 6 kB of "["), beside a normal Impressum. */
export function measureMarkdown() {
  const normal = `## Anbieter\nStadt Dortmund\nFriedensplatz 1\n\n- **E-Mail:** [fest@stadt.example](mailto:fest@stadt.example)\n- Telefon 0231 500\n\n`.repeat(30);
  const time = (text: string) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      parseMarkdownLite(text);
      times.push(performance.now() - t);
    }
    return median(times);
  };
  return { normalBytes: normal.length, normalMs: time(normal), brackets3600Ms: time('['.repeat(3_600)), brackets6000Ms: time('['.repeat(6_000)), mixed6000Ms: time('[a](b'.repeat(1_200)) };
}
