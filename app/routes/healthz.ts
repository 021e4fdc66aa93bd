import { databaseAnswers } from '~/server/db.server';

/** 200 when the database answers, 503 when it does not. For load balancers and monitors. */
export function loader() {
  const ok = databaseAnswers();
  return new Response(ok ? 'ok\n' : 'database unavailable\n', {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
