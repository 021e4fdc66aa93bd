/**
 * The audit log: every organiser action leaves one row, written inside the same
 * transaction as the action, so there is no action without its entry and no entry for an
 * action that rolled back. Details never hold email addresses (they name ids and counts).
 */
import type { DB } from '../../../db/connection';

export interface AuditInput {
  /** the person acting; null for the system (the retention job) */
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  details?: Record<string, unknown>;
  at?: Date;
}

/** Call with the transaction of the action itself. */
export async function recordAudit(trx: DB, entry: AuditInput): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_person_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
      details: JSON.stringify(entry.details ?? {}),
      ...(entry.at ? { created_at: entry.at.toISOString() } : {}),
    })
    .execute();
}

export interface AuditFilter {
  actorId?: number;
  action?: string;
  /** UTC instants, inclusive from, exclusive to */
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: DB, filter: AuditFilter) {
  const page = Math.max(1, filter.page ?? 1);
  let query = db.selectFrom('audit_log').leftJoin('people', 'people.id', 'audit_log.actor_person_id');
  if (filter.actorId) query = query.where('audit_log.actor_person_id', '=', filter.actorId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from) query = query.where('audit_log.created_at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.created_at', '<', filter.to);
  const [rows, total] = await Promise.all([
    query
      .select([
        'audit_log.id',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.details',
        'audit_log.created_at',
        'audit_log.actor_person_id',
        'people.email as actor_email',
        'people.name as actor_name',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pages: Math.max(1, Math.ceil(Number(total.n) / AUDIT_PAGE_SIZE)) };
}

/** The choices of the filter form: people who acted, and every action name used. */
export async function auditFilterChoices(db: DB) {
  const [actors, actions] = await Promise.all([
    db
      .selectFrom('audit_log')
      .innerJoin('people', 'people.id', 'audit_log.actor_person_id')
      .select(['people.id', 'people.email', 'people.name'])
      .distinct()
      .orderBy('people.email')
      .execute(),
    db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
  ]);
  return { actors, actions: actions.map((a) => a.action) };
}
