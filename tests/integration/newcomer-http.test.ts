/** Issue 14, point 8: the program page says when texts fall back to German, and lists coming days first. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinToday } from '~/lib/time';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe('the program page in a language the organisers did not write in', () => {
  it('shows the fallback notice where German titles appear, and the coming days before the past ones', async () => {
    const html = await (await fetch(`${server.url}/program?lang=ar`)).text();
    expect(html).toContain('بعض النصوص في هذه الصفحة متوفرة باللغة');
    const days = [...html.matchAll(/name="day" value="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
    expect(days.length).toBeGreaterThan(2);
    const today = berlinToday();
    const firstPast = days.findIndex((d) => d < today);
    const coming = firstPast === -1 ? days : days.slice(0, firstPast);
    const past = firstPast === -1 ? [] : days.slice(firstPast);
    expect(coming.length).toBeGreaterThan(0);
    expect(coming.every((d) => d >= today)).toBe(true);
    expect(past.every((d) => d < today)).toBe(true);
    expect(coming).toEqual([...coming].sort());
    expect(past).toEqual([...past].sort().reverse());
  });
});
