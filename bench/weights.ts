/**
 * Page weights (issue 13, "a light page"): for the home page, an edition page with 500
 * program items, /program and an item page, the HTML and the JavaScript a visitor's browser
 * loads, both gzip. Each page is opened in Debian's Chromium (a fresh profile per page) on the
 * real server; every script response counts (route modules, shared chunks, anything imported
 * on load, the service worker's /sw.js). Sizes are what the server sends with
 * `Accept-Encoding: gzip` (bodies it sends uncompressed are gzipped here at level 6, the
 * compression middleware's default).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser';

export const WEIGHT_GOALS = { javascriptKb: 100, htmlKb: 60 } as const;

export interface PageWeight {
  page: string;
  path: string;
  htmlBytes: number;
  javascriptBytes: number;
  scripts: { path: string; bytes: number }[];
  met: boolean;
}

/** Bytes on the wire for a GET with Accept-Encoding: gzip (gzipped here when the server does not). */
export function gzipBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
          resolve(res.headers['content-encoding'] === 'gzip' ? body.length : zlib.gzipSync(body, { level: 6 }).length);
        });
      })
      .on('error', reject);
  });
}

async function weighPage(browser: Browser, base: string, page: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ locale: 'de-DE', serviceWorkers: 'allow' });
  const scripts = new Set<string>(['/sw.js']);
  const note = (url: string, type: string) => {
    const u = new URL(url);
    if (u.origin === new URL(base).origin && (type === 'script' || u.pathname.endsWith('.js'))) scripts.add(u.pathname);
  };
  context.on('request', (r) => note(r.url(), r.resourceType()));
  try {
    const tab = await context.newPage();
    const response = await tab.goto(`${base}${path}`, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${path}: ${response?.status()}`);
    // hydrated, the worker registered, and whatever loads on idle has loaded
    await tab.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await tab.waitForLoadState('networkidle');
    for (const s of await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))) note(s, '');
  } finally {
    await context.close();
  }
  const htmlBytes = await gzipBytes(`${base}${path}`);
  const sized = await Promise.all([...scripts].sort().map(async (p) => ({ path: p, bytes: await gzipBytes(`${base}${p}`) })));
  const javascriptBytes = sized.reduce((n, s) => n + s.bytes, 0);
  return { page, path, htmlBytes, javascriptBytes, scripts: sized, met: javascriptBytes <= WEIGHT_GOALS.javascriptKb * 1024 && htmlBytes <= WEIGHT_GOALS.htmlKb * 1024 };
}

export async function measureWeights(base: string, pages: [string, string][]): Promise<PageWeight[]> {
  const browser = await launchBrowser();
  try {
    const out: PageWeight[] = [];
    for (const [name, path] of pages) out.push(await weighPage(browser, base, name, path));
    return out;
  } finally {
    await browser.close();
  }
}
