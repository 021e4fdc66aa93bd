/** UI shared by the schedule editor, the site plan and the public edition page. */
import { NavLink } from '@remix-run/react';
import type { Conflict } from '~/domain/schedule/conflicts';
import { pickText } from '~/lib/i18n-text';
import { useI18n } from './i18n';

export function OfficeEditionNav({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('schedule:nav.label')} className="office-nav">
      <ul>
        <li>
          <NavLink to="/office" end>
            {t('schedule:nav.office')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`/office/editions/${slug}/schedule`}>{t('schedule:nav.schedule')}</NavLink>
        </li>
        <li>
          <NavLink to={`/office/editions/${slug}/site-plan`}>{t('schedule:nav.sitePlan')}</NavLink>
        </li>
        <li>
          <NavLink to={`/office/editions/${slug}/logistics`}>{t('schedule:nav.logistics')}</NavLink>
        </li>
        <li>
          <NavLink to={`/office/editions/${slug}/volunteers`}>{t('volunteers:office.board')}</NavLink>
          <NavLink to={`/office/editions/${slug}/check-in`}>{t('festival-day:checkIn.heading')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export interface ConflictContext {
  /** title (JSON by locale) and host of every item a conflict may name */
  items: Record<string, { title: string; host_name: string | null }>;
  /** stage names (JSON by locale) by id */
  stages: Record<number, string>;
}

/** One conflict in words, naming the items by title. */
export function useConflictText() {
  const { t, locale } = useI18n();
  return (conflict: Conflict, context: ConflictContext) => {
    const title = (uid: string | undefined) => (uid ? pickText(context.items[uid]?.title, locale).text || uid : '');
    const [a, b] = conflict.uids;
    return t(`schedule:conflicts.${conflict.kind}`, {
      a: title(a),
      b: title(b),
      stage: conflict.stageId ? pickText(context.stages[conflict.stageId], locale).text : '',
      minutes: conflict.changeoverMinutes ?? 0,
      host: (a && context.items[a]?.host_name) ?? '',
      state: conflict.registrationState ? t(`registration:states.${conflict.registrationState}`) : '',
    });
  };
}

export function ConflictList({ conflicts, context, id }: { conflicts: Conflict[]; context: ConflictContext; id?: string }) {
  const { t } = useI18n();
  const text = useConflictText();
  if (conflicts.length === 0) return null;
  return (
    <ul className="conflicts" id={id}>
      {conflicts.map((c) => (
        <li key={`${c.kind}-${c.uids.join('-')}`} className={`conflict conflict--${c.severity}`}>
          <strong>{t(`schedule:conflicts.${c.severity}`)}:</strong> {text(c, context)}
        </li>
      ))}
    </ul>
  );
}

// The site plan drawing lives in its own module so the public edition page loads it without the
// office's schedule UI (docs/decisions/103); re-exported for the office pages.
export { SitePlanSvg, type PlanBackground, type PlanPitch } from './site-plan-svg';
