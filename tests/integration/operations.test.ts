import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('operations', () => {
  it('takes an online backup while writes go on, and the backup restores', async () => {
    const server = await startServer({ RATE_LIMITS: 'off' });
    try {
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          const r = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: `b${written}@example.org` }) });
          expect(r.status).toBe(200);
          written++;
        }
      })();
      await new Promise((r) => setTimeout(r, 200));
      const target = path.join(server.dir, 'backup.sqlite');
      const { stdout } = await run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/backup.ts', target], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: server.databasePath, NODE_ENV: 'test' },
      });
      await new Promise((r) => setTimeout(r, 200));
      writing = false;
      await writer;
      expect(stdout).toContain('integrity_check: ok');
      expect(written).toBeGreaterThan(5);

      const copy = new SQLite(target, { readonly: true });
      const tokens = (copy.prepare('select count(*) n from sign_in_tokens').get() as { n: number }).n;
      const outbox = (copy.prepare('select count(*) n from outbox').get() as { n: number }).n;
      copy.close();
      // a consistent snapshot: every token has its mail, and some writes came after the copy
      expect(outbox).toBe(tokens);
      expect(tokens).toBeLessThanOrEqual(written);

      // Restore = start a server on the copy (as the README describes)
      const restored = await startServer({ DATABASE_PATH: target });
      try {
        expect((await fetch(`${restored.url}/healthz`)).status).toBe(200);
        expect(await (await fetch(`${restored.url}/organisations`)).text()).toContain('Train of Hope e.V.');
      } finally {
        await restored.stop();
      }
    } finally {
      await server.stop();
    }
  });

  it('finishes open requests on SIGTERM, then stops cleanly', async () => {
    const server = await startServer();
    const inFlight = Array.from({ length: 20 }, () => fetch(`${server.url}/editions/djelem-djelem-2027`).then((r) => r.status).catch(() => 0));
    await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    expect(await exited).toBe(0);
    // every request that reached the server before the signal was answered in full
    expect(statuses.filter((s) => s !== 200 && s !== 0)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(server.output()).toContain('SIGTERM: finishing open requests, then stopping');
    await server.stop();
  });
});
