import { serviceWorkerSource } from '~/http/service-worker.server';

/** The service worker (public pages offline, docs/decisions/099), always checked for a newer version. */
export async function loader() {
  return new Response(serviceWorkerSource(), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Service-Worker-Allowed': '/',
    },
  });
}
