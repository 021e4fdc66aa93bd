// The production server: Express in front of the Remix build. `npm start` builds first.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import compression from 'compression';
import { createRequestHandler } from '@remix-run/express';

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
app.use(compression());
app.use('/build', express.static(path.join(here, 'public/build'), { immutable: true, maxAge: '1y' }));
app.use(express.static(path.join(here, 'public'), { maxAge: '1h' }));
app.use(sameOriginWrites);
app.use(formBodiesOnly);
app.use(privateWhenSignedIn);
app.use(publicDataVersionHeader);
// Public pages for visitors who are not signed in: rendered once per database change.
app.use(createPageCache(build));
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
