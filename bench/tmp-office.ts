import fs from 'node:fs';
import { scaleDatabase } from './scale-fixture';
import { startAppServer } from './http';
import { mintSessionCookies } from '../tests/helpers/sessions';
const [n, m] = [Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 2000)];
const fx = await scaleDatabase(n, m);
const [cookie] = await mintSessionCookies(fx.file, 'bench-secret-bench-secret-bench-secret-0123', [{ personId: fx.organiserId, secondFactorAt: new Date().toISOString() }]);
const app = await startAppServer(fx.file);
const e = '/office/editions/bench-2027';
for (const p of ['/office', e, `${e}/registrations`, `${e}/schedule`, `${e}/logistics`, `${e}/check-in`, `${e}/site-plan`, `${e}/pitches`, `${e}/payments`, `${e}/export`, `${e}/mail`, `${e}/volunteers`, `${e}/settings`, `${e}/venues`, `${e}/stand-types`, '/office/people', '/office/mail', '/office/audit', '/office/pages']) {
  const times: number[] = []; let status = 0; let bytes = 0;
  for (let i = 0; i < 4; i++) { const t = performance.now(); const r = await fetch(app.url + p, { headers: { cookie: cookie! }, redirect: 'manual' }); const b = await r.text(); times.push(performance.now() - t); status = r.status; bytes = b.length; }
  times.shift(); times.sort((a, b) => a - b);
  console.log(p.padEnd(45), status, Math.round(times[1]!), 'ms', Math.round(bytes / 1024), 'KiB');
}
await app.stop(); fs.rmSync(fx.dir, { recursive: true, force: true });
