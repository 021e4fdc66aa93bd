import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/journey';

const app = journey();

/**
 * A route whose module evaluates a `.server` import at load time (e.g.
 * `export const action = helper(...)`) throws in the browser, where that import is empty:
 * the page reloads and the work of the click is lost (an organiser's sign-in link was spent
 * that way). This loads every route's client module in Chromium, as the router would.
 */
describe('client modules', () => {
  it('every route module of the client build loads in the browser without an error', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(app.server.url);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    // the whole client build's manifest (with lazy route discovery the page holds only its own routes)
    const file = readdirSync('public/build').find((name) => /^manifest-.*\.js$/.test(name));
    if (!file) throw new Error('no client build: run remix build');
    const manifest = JSON.parse(readFileSync(`public/build/${file}`, 'utf8').replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')) as {
      routes: Record<string, { module: string }>;
    };
    const modules = Object.entries(manifest.routes).map(([id, route]) => ({ id, module: route.module }));
    // a string, so that the test runner does not rewrite the dynamic import() for Node
    const results = (await page.evaluate(`(async (list) => {
      const out = [];
      for (const { id, module } of list) {
        try {
          await import(module);
          out.push({ id });
        } catch (error) {
          out.push({ id, error: String(error) });
        }
      }
      return out;
    })(${JSON.stringify(modules)})`)) as { id: string; error?: string }[];
    expect(results.length).toBe(modules.length);
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
