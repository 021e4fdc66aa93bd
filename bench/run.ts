/**
 * npm run bench: figures, each beside a reference measured in the same run on this
 * machine, so ratios hold when the machine is noisy. Writes bench/results/latest.json
 * (the previous run is kept as previous.json) and prints a table.
 * Load comes from a second process (autocannon) on 127.0.0.1 only, in bounded runs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchDatabase } from './fixtures';
import { load, startAppServer, type AppServer, type LoadResult } from './http';
import { benchFeedBuild } from './feed-build';
import { measureWeights, WEIGHT_GOALS } from './weights';
import { measureMarkdown, measureOffice, measurePublic, OFFICE_PAGES, SIZES, type ScaleFigures } from './scale';
import { applicationForm, BURST_SECRET, mintCookies, prepareApplicants } from '../tests/helpers/applicants';

const root = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, seconds: SECONDS };

async function startPlain(file: string, type: string) {
  const child = spawn(process.execPath, [path.join(root, 'bench/plain-server.mjs'), file, type], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
  const [, port, etag] = line.trim().split(' ');
  return { url: `http://127.0.0.1:${port}`, etag: etag!, stop: () => child.kill('SIGTERM') };
}

let peakOfServers = 0;
/** Every app server's peak RSS counts towards the bench's figure. */
function track(app: AppServer) {
  peakOfServers = Math.max(peakOfServers, app.peakRssMb());
}

/** Throughput against the plain server in the same run; p99 within 50 ms or twice the plain server's (big bodies on 2 cores). */
function row(name: string, app: LoadResult, ref: LoadResult, goal: number, expectedStatus = 200) {
  const ratio = app.requestsPerSecond / Math.max(1, ref.requestsPerSecond);
  const p99Goal = Math.max(50, 2 * ref.p99Ms);
  const unexpected = expectedStatus === 200 ? app.non2xx : app.total - app.non2xx;
  console.log(
    `${name.padEnd(34)} app ${String(app.requestsPerSecond).padStart(6)} req/s p99 ${String(app.p99Ms).padStart(4)} ms | plain ${String(ref.requestsPerSecond).padStart(6)} req/s p99 ${String(ref.p99Ms).padStart(4)} ms | ratio ${ratio.toFixed(2)} (goal ≥ ${goal}, p99 ≤ ${p99Goal} ms) ${ratio >= goal && app.p99Ms <= p99Goal ? 'met' : 'NOT met'}${unexpected ? ` unexpected status=${unexpected}` : ''}`,
  );
  return { app, plain: ref, ratio: Number(ratio.toFixed(3)), goal, p99GoalMs: p99Goal, met: ratio >= goal && app.p99Ms <= p99Goal };
}

async function benchPage() {
  const { file, dir } = await createBenchDatabase(500);
  const app = await startAppServer(file);
  try {
    const pageUrl = `${app.url}/editions/bench-2027`;
    const html = await (await fetch(pageUrl)).text();
    const htmlFile = path.join(dir, 'page.html');
    fs.writeFileSync(htmlFile, html);
    const plain = await startPlain(htmlFile, 'text/html; charset=utf-8');
    try {
      const headers = { 'accept-encoding': 'gzip' };
      await load(pageUrl, { seconds: 1, headers }); // warm up
      const appResult = await load(pageUrl, { seconds: SECONDS, headers });
      const refResult = await load(`${plain.url}/`, { seconds: SECONDS, headers });
      results.programPage500 = { ...row('program page, 500 items (gzip)', appResult, refResult, 0.25), bytes: html.length };
    } finally {
      plain.stop();
    }
    results.peakRssMbPage = app.peakRssMb();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchFeeds() {
  results.feedBuild = [];
  for (const n of [200, 2_000, 20_000]) (results.feedBuild as unknown[]).push(await benchFeedBuild(n));

  const { file, dir } = await createBenchDatabase(2_000);
  const app = await startAppServer(file);
  try {
    const feedUrl = `${app.url}/calendar.ics?edition=bench-2027`;
    const first = await fetch(feedUrl);
    const ics = await first.text();
    const etag = first.headers.get('etag')!;
    const icsFile = path.join(dir, 'feed.ics');
    fs.writeFileSync(icsFile, ics);
    const plain = await startPlain(icsFile, 'text/calendar; charset=utf-8');
    try {
      const gzip = { 'accept-encoding': 'gzip' };
      await load(feedUrl, { seconds: 1, headers: gzip });
      const full = await load(feedUrl, { seconds: SECONDS, headers: gzip });
      const fullRef = await load(`${plain.url}/`, { seconds: SECONDS, headers: gzip });
      results.feedFull2000 = { ...row('calendar.ics, 2,000 items (gzip)', full, fullRef, 0.8), bytes: ics.length };
      const cond = await load(feedUrl, { seconds: SECONDS, headers: { ...gzip, 'if-none-match': etag } });
      const condRef = await load(`${plain.url}/`, { seconds: SECONDS, headers: { ...gzip, 'if-none-match': plain.etag } });
      results.feedConditional2000 = row('calendar.ics, 2,000 items (304)', cond, condRef, 0.5, 304);
    } finally {
      plain.stop();
    }
    results.peakRssMbFeeds = app.peakRssMb();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Page weights: HTML and JavaScript (gzip, everything the page loads) of four public pages, in Chromium. */
async function benchWeights() {
  const { file, dir } = await createBenchDatabase(500);
  const app = await startAppServer(file);
  try {
    const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
    const pages = await measureWeights(app.url, [
      ['home page', '/'],
      ['edition page, 500 items', '/editions/bench-2027'],
      ['/program', '/program'],
      ['item page', '/program/bench-2027-1'],
    ]);
    for (const w of pages) {
      const js = w.javascriptBytes <= WEIGHT_GOALS.javascriptKb * 1024;
      const html = w.htmlBytes <= WEIGHT_GOALS.htmlKb * 1024;
      console.log(
        `weight ${w.page.padEnd(27)} JavaScript ${kb(w.javascriptBytes)} KB in ${String(w.scripts.length).padStart(2)} files (goal ≤ ${WEIGHT_GOALS.javascriptKb} KB) ${js ? 'met' : 'NOT met'} | HTML ${kb(w.htmlBytes)} KB (goal ≤ ${WEIGHT_GOALS.htmlKb} KB) ${html ? 'met' : 'NOT met'}`,
      );
    }
    results.weights = { goalsKb: WEIGHT_GOALS, pages };
    results.peakRssMbWeights = app.peakRssMb();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 500 applications from 500 organisations, sent by 50 concurrent clients: all saved, no 5xx, latency. */
async function benchBurst() {
  const { file, dir } = await createBenchDatabase(10);
  const { standTypeId, applicants } = await prepareApplicants(file, 500, 'bench-2027');
  const cookies = await mintCookies(file, applicants.map((a) => a.personId));
  const app = await startAppServer(file, { SESSION_SECRET: BURST_SECRET });
  try {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (next < applicants.length) {
        const i = next++;
        const t0 = performance.now();
        const r = await fetch(`${app.url}/editions/bench-2027/apply`, {
          method: 'POST',
          body: applicationForm(applicants[i]!.organisationId, standTypeId, i),
          headers: { Cookie: cookies[i]! },
          redirect: 'manual',
        });
        await r.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 50 }, client));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1));
    const { openDatabase } = await import('../db/connection');
    const { db } = openDatabase(file);
    const saved = await db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('stand_type_id', '=', standTypeId).where('state', '=', 'submitted').executeTakeFirstOrThrow();
    await db.destroy();
    const fiveXx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    results.registrationBurst = { applications: applicants.length, seconds: Number(seconds.toFixed(2)), saved: Number(saved.n), statuses: Object.fromEntries(statuses), fiveXx, p50Ms: p(0.5), p99Ms: p(0.99) };
    console.log(
      `registration burst, 500 applications  ${seconds.toFixed(1)} s (goal ≤ 10 s), saved ${saved.n}/500, 5xx ${fiveXx}, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms ${Number(saved.n) === 500 && fiveXx === 0 && seconds <= 10 ? 'met' : 'NOT met'}`,
    );
    results.peakRssMbBurst = app.peakRssMb();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per figure: small size, big size, growth, the goal and whether it is met. */
function scaleRow(label: string, small: ScaleFigures, big: ScaleFigures, key: string, goal: { max?: number; unit?: string; note?: string }) {
  const a = Number(small[key]);
  const b = Number(big[key]);
  const unit = goal.unit ?? 'ms';
  const met = goal.max === undefined ? null : b <= goal.max;
  const growth = a > 0 ? b / a : 0;
  console.log(
    `${label.padEnd(40)} N=${small.n}/M=${small.m} ${String(a).padStart(7)} ${unit} | N=${big.n}/M=${big.m} ${String(b).padStart(7)} ${unit} | ×${growth.toFixed(1)}${goal.max === undefined ? '' : ` (goal ≤ ${goal.max} ${unit}) ${met ? 'met' : 'NOT met'}`}${goal.note ? ` ${goal.note}` : ''}`,
  );
  return { small: a, big: b, growth: Number(growth.toFixed(2)), goal: goal.max ?? null, unit, met };
}

async function benchScale() {
  const [small, big] = [SIZES[0], SIZES[1]];
  console.log(`scale: N registrations (through saveApplication, 3 in 5 approved), M program items; growth ×N/M is ×${big.n / small.n}/×${big.m / small.m}`);
  const office = [await measureOffice(small.n, small.m), await measureOffice(big.n, big.m)] as const;
  const pub = [await measurePublic(small.n, small.m, track), await measurePublic(big.n, big.m, track)] as const;
  const scale: Record<string, unknown> = {};
  const o = (label: string, key: string, goal: Parameters<typeof scaleRow>[4]) => (scale[key] = scaleRow(label, office[0], office[1], key, goal));
  const p = (label: string, key: string, goal: Parameters<typeof scaleRow>[4]) => (scale[key] = scaleRow(label, pub[0], pub[1], key, goal));
  p('/program, one edition, afresh', 'programEditionMs', { max: 300 });
  p('/program, one edition, page size', 'programEditionKiB', { unit: 'KiB' });
  p('/program, one edition, loader JSON', 'programEditionLoaderKiB', { unit: 'KiB' });
  p('/program, whole city, afresh', 'programCityMs', { max: 300 });
  p('/program, whole city, page size', 'programCityKiB', { unit: 'KiB' });
  p('/program, whole city, loader JSON', 'programCityLoaderKiB', { unit: 'KiB' });
  p('edition page, afresh', 'editionPageMs', { max: 300 });
  p('exhibitors page, afresh', 'exhibitorsMs', { max: 300 });
  p('organisations page, afresh', 'organisationsMs', { max: 300 });
  for (const [key, path] of OFFICE_PAGES) {
    p(`office ${path === '/office/editions/bench-2027' ? '… (dashboard)' : path.replace('/office/editions/bench-2027', '…')}`.slice(0, 40), `${key}Ms`, { max: 300 });
  }
  p('office review queue, page size', 'officeRegistrationsKiB', { unit: 'KiB' });
  p('office schedule board, page size', 'officeScheduleKiB', { unit: 'KiB' });
  o('findConflicts alone', 'findConflictsMs', { max: 50 });
  o('conflict check (load + findConflicts)', 'conflictCheckMs', { max: 50 });
  o('schedule board (office)', 'scheduleBoardMs', { max: 300 });
  o('edition dashboard (office)', 'dashboardMs', { max: 300 });
  o('payments overview (office)', 'paymentsOverviewMs', { max: 300 });
  o('export of applications (CSV)', 'exportApplicationsMs', { max: 300 });
  o('export of contacts (CSV)', 'exportContactsMs', { max: 300 });
  o('publish of 10 changes', 'publish10Ms', { max: 50 });
  o('publish of 10 changes, statements', 'publish10Statements', { unit: 'stmts', note: '(only changed items written)' });
  o('mail worker, N messages, no SMTP', 'mailWorkerMs', { note: `(claim sorts in a temp B-tree: ${office[1].mailClaimUsesTempBtree ? 'yes' : 'no'})` });
  scale.mailClaimUsesTempBtree = office[1].mailClaimUsesTempBtree;
  const cacheKept = pub[0].pageCacheSurvivesMailWrite && pub[1].pageCacheSurvivesMailWrite;
  console.log(`page cache after a write that changes nothing public (a message marked sent): ${cacheKept ? 'kept' : 'dropped'} (goal: kept) ${cacheKept ? 'met' : 'NOT met'}`);
  scale.pageCacheSurvivesMailWrite = cacheKept;
  results.scale = { sizes: SIZES, office, public: pub, rows: scale };

  const md = measureMarkdown();
  const mdMet = Math.max(md.brackets3600Ms, md.brackets6000Ms, md.mixed6000Ms) <= Math.max(10, 5 * md.normalMs);
  console.log(
    `markdown-lite: normal Impressum ${md.normalBytes} B ${md.normalMs} ms (reference) | 3.6 kB of "[" ${md.brackets3600Ms} ms | 6 kB of "[" ${md.brackets6000Ms} ms | 6 kB of "[a](b" ${md.mixed6000Ms} ms (goal: adversarial ≤ max(10 ms, 5× normal)) ${mdMet ? 'met' : 'NOT met'}`,
  );
  results.markdownLite = { ...md, met: mdMet };
}

const benches: [string, () => Promise<void>][] = [
  ['scale', benchScale],
  ['burst', benchBurst],
  ['feeds', benchFeeds],
  ['page', benchPage],
  ['weights', benchWeights],
];
const only = process.argv[2];
for (const [name, fn] of benches) if (!only || only === name) await fn();

const peak = Math.max(
  peakOfServers,
  ...Object.entries(results)
    .filter(([k]) => k.startsWith('peakRssMb'))
    .map(([, v]) => Number(v)),
);
results.peakRssMb = peak;
results.peakRssGoalMb = 200;
console.log(`peak RSS of the app server over the whole bench: ${peak} MB (goal ≤ 200 MB) ${peak <= 200 ? 'met' : 'NOT met'}; of this bench process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);

const outDir = path.join(root, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
const latest = path.join(outDir, 'latest.json');
if (fs.existsSync(latest)) fs.renameSync(latest, path.join(outDir, 'previous.json'));
fs.writeFileSync(latest, JSON.stringify(results, null, 2));
console.log(`figures written to ${path.relative(root, latest)}`);
