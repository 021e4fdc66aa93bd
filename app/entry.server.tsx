import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceProvider } from './components/nonce';
import './load-context';

// The server (server.mjs) starts and stops the app through these.
export { startApp, stopApp } from './server/boot.server';
export { securityHeaders, sameOriginWrites, formBodiesOnly, privateWhenSignedIn } from './http/security.server';
export { createPageCache, publicDataVersionHeader } from './http/page-cache.server';
// Calendar feeds are answered before Remix (see server.mjs and app/http/calendar-feeds.server.ts).
export { handleCalendarRequest } from './http/calendar-feeds.server';
export { handleScheduleFileRequest, isScheduleFileUrl } from './http/schedule-files.server';
export { invalidateFeeds } from './domain/feeds/feed-cache.server';

const ABORT_DELAY = 5_000;


export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  const nonce = loadContext.cspNonce ?? '';
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // The render is given up after ABORT_DELAY; once it is done the timer goes, or it would keep the
    // whole render (loader data, the serialised context: megabytes for a long list) alive for those
    // seconds after the answer left (docs/decisions/105).
    const abortTimer: { id?: ReturnType<typeof setTimeout> } = {};
    const done = () => clearTimeout(abortTimer.id);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          body.on('end', done).on('close', done).on('error', done);
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          done();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    abortTimer.id = setTimeout(abort, ABORT_DELAY);
  });
}
