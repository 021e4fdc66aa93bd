/**
 * Crash safety: the server is killed with SIGKILL at random moments during a registration
 * burst, 20 times, on one SQLite file. Afterwards the file passes PRAGMA integrity_check and
 * every application that was answered with success is in the database.
 */
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBenchDatabase } from '../../bench/fixtures';
import { applicationForm, BURST_SECRET, mintCookies, prepareApplicants } from '../helpers/applicants';
import { startServer } from '../helpers/server';

const KILLS = 20;
let file: string;
let dir: string;
let standTypeId: number;
let applicants: { personId: number; organisationId: number; cookie: string }[];

beforeAll(async () => {
  ({ file, dir } = await createBenchDatabase(10));
  const prepared = await prepareApplicants(file, 400, 'bench-2027');
  standTypeId = prepared.standTypeId;
  const cookies = await mintCookies(file, prepared.applicants.map((a) => a.personId));
  applicants = prepared.applicants.map((a, i) => ({ ...a, cookie: cookies[i]! }));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SIGKILL during a registration burst', () => {
  it(`keeps the database intact and every answered application, across ${KILLS} kills`, async () => {
    const answered = new Set<number>(); // organisation ids whose application got a success answer
    let next = 0;
    for (let round = 0; round < KILLS; round++) {
      const server = await startServer({ DATABASE_PATH: file, SESSION_SECRET: BURST_SECRET, RATE_LIMITS: 'off', SEED_DEMO: 'false' });
      let killed = false;
      let answeredThisRound = 0;
      const worker = async () => {
        while (!killed && next < applicants.length) {
          const i = next++;
          const a = applicants[i]!;
          try {
            const response = await fetch(`${server.url}/editions/bench-2027/apply`, {
              method: 'POST',
              body: applicationForm(a.organisationId, standTypeId, i),
              headers: { Cookie: a.cookie },
              redirect: 'manual',
            });
            if (response.status === 302 && /^\/account\/applications\/\d+$/.test(response.headers.get('location') ?? '')) {
              answered.add(a.organisationId);
              answeredThisRound++;
            } else if (response.status !== 409) throw new Error(`unexpected ${response.status}`);
          } catch (error) {
            if (!killed) throw error;
            next = Math.min(next, i); // not answered: try again next round (it may have been saved: then 409)
          }
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      // kill at a random moment once the burst is under way (on a loaded machine the first answers take a while)
      const started = Date.now();
      while (answeredThisRound === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      killed = true;
      server.process.kill('SIGKILL');
      await Promise.allSettled(workers);
      await server.stop();
    }
    expect(answered.size).toBeGreaterThan(KILLS);

    const db = new SQLite(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const saved = new Set(
        (db.prepare("select organisation_id from registrations where stand_type_id = ? and state = 'submitted'").all(standTypeId) as { organisation_id: number }[]).map((r) => r.organisation_id),
      );
      const lost = [...answered].filter((id) => !saved.has(id));
      expect(lost).toEqual([]);
    } finally {
      db.close();
    }
  }, 180_000);
});
