// The production server: Express in front of the Remix build. `npm start` builds first.
import fs from 'node:fs';
import v8 from 'node:v8';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import compression from 'compression';
import { createRequestHandler } from '@remix-run/express';

// The heap grows by at most 30 % over what the last full collection kept, not by V8's default of up to
// four times: requests in flight at each minor collection are promoted, and under load the default let a
// server with 40 MB of live objects reach 260 MB (docs/decisions/105). Set before the app allocates.
v8.setFlagsFromString(`--heap-growing-percent=${Number(process.env.HEAP_GROWING_PERCENT ?? 30)}`);

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(here, 'build/index.js'));
const {
  startApp,
  stopApp,
  securityHeaders,
  sameOriginWrites,
  formBodiesOnly,
  privateWhenSignedIn,
  createPageCache,
  publicDataVersionHeader,
  handleCalendarRequest,
  handleScheduleFileRequest,
  isScheduleFileUrl,
} = build.entry.module;

let info;
try {
  info = await startApp();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', 'loopback');
app.use(securityHeaders);
// Which public data an answer was made from (the service worker refreshes its kept pages when it moves).
app.use(publicDataVersionHeader);
// Public pages for visitors who are not signed in: rendered once per change of the public data and
// kept gzip-compressed, so they come before compression and the static files (GET without a session only).
app.use(createPageCache(build));
app.use(compression());
app.use('/build', express.static(path.join(here, 'public/build'), { immutable: true, maxAge: '1y' }));
// The top of public/ is a handful of files known at start: only their paths touch the disk, so a page
// request costs no failed stat (a third of a cached page's time, and most of its garbage, before).
const publicDir = path.join(here, 'public');
const publicFiles = new Set(fs.readdirSync(publicDir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => `/${f.name}`));
const publicStatic = express.static(publicDir, { maxAge: '1h' });
app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
app.use(sameOriginWrites);
app.use(formBodiesOnly);
app.use(privateWhenSignedIn);
app.all(
  '*',
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? 'production',
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? '' }),
  }),
);

// Calendar feeds and schedule files are answered before Express: they carry their own precompressed bytes,
// ETag and caching, and are the hottest path (every subscribed calendar polls them).
const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  const feed = url === '/calendar.ics' || url.startsWith('/calendar.ics?') || url.startsWith('/calendar/');
  if (feed || isScheduleFileUrl(url)) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    (feed ? handleCalendarRequest(req, res) : handleScheduleFileRequest(req, res)).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Server error\n');
    });
    return;
  }
  app(req, res);
});
server.listen(info.port, info.host, () => {
  const { port } = server.address();
  console.log(`Festplatz listening on http://localhost:${port} (database: ${path.resolve(info.databasePath)})`);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing open requests, then stopping`);
  server.close(async () => {
    await stopApp();
    process.exit(0);
  });
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
