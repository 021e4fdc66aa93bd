import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCookies } from '../helpers/applicants';
import { startServer, type RunningServer } from '../helpers/server';

const OLD = 'old-secret-old-secret-old-secret-old-secret-0';
const NEW = 'new-secret-new-secret-new-secret-new-secret-1';

describe('rotating SESSION_SECRET', () => {
  let server: RunningServer;
  let personId: number;
  beforeAll(async () => {
    server = await startServer({ SESSION_SECRET: `${NEW},${OLD}` });
    const db = new SQLite(server.databasePath, { readonly: true });
    personId = (db.prepare("select id from people where email = 'kontakt@vmdo.example'").get() as { id: number }).id;
    db.close();
  });
  afterAll(() => server.stop());

  it('keeps sessions signed with the previous secret, and drops those signed with neither', async () => {
    const [signedWithOld] = await mintCookies(server.databasePath, [personId], OLD);
    const page = await fetch(`${server.url}/account`, { headers: { Cookie: signedWithOld!, 'Accept-Language': 'en' }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in as kontakt@vmdo.example');

    // the same session with its signature altered
    const [name, value] = signedWithOld!.split(/=(.*)/s) as [string, string];
    const decoded = decodeURIComponent(value);
    const dot = decoded.lastIndexOf('.');
    const signature = decoded.slice(dot + 1);
    const altered = signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const forged = `${name}=${encodeURIComponent(`${decoded.slice(0, dot)}.${altered}`)}`;
    const refused = await fetch(`${server.url}/account`, { headers: { Cookie: forged! }, redirect: 'manual' });
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/login?redirectTo=%2Faccount');
  });
});
