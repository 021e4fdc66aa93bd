import { sql } from 'kysely';
import { db } from '~/utils/db.server';

/** 200 when the database answers, 503 when it does not. For load balancers and monitors. */
export async function loader() {
  try {
    await sql`select 1`.execute(db());
    return new Response('ok\n', { status: 200, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
  } catch (error) {
    return new Response(`database unavailable\n`, { status: 503, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
  }
}
