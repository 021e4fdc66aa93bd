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

export interface PlanPitch {
  id: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** what to write in the pitch: a stand's name, or nothing */
  name: string | null;
  taken?: boolean;
}

/** A picture of the grounds under the plan: where it is served, and how many metres it spans. */
export interface PlanBackground {
  href: string;
  /** metres */
  width: number;
  height: number;
}

/**
 * An area's plan drawn to scale (metres); the list next to it carries the same for screen
 * readers. With `onPitchPointerDown` (the office's pitches page, JavaScript on) the pitches
 * can be picked up and dragged; the picture of the grounds, if any, lies under them.
 */
export function SitePlanSvg({
  pitches,
  label,
  background,
  svgRef,
  onPitchPointerDown,
}: {
  pitches: PlanPitch[];
  label: string;
  background?: PlanBackground | null;
  svgRef?: React.Ref<SVGSVGElement>;
  onPitchPointerDown?: (event: React.PointerEvent<SVGGElement>, pitchId: number) => void;
}) {
  const width = Math.max(10, ...pitches.map((p) => p.x + p.width), background?.width ?? 0) + 1;
  const height = Math.max(5, ...pitches.map((p) => p.y + p.height), background?.height ?? 0) + 1;
  return (
    <svg ref={svgRef} className="site-plan" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
      <rect x={0} y={0} width={width} height={height} className="site-plan__ground" />
      {background ? <image href={background.href} x={0} y={0} width={background.width} height={background.height} preserveAspectRatio="none" className="site-plan__picture" /> : null}
      {pitches.map((p) => (
        <g
          key={p.id}
          className={`${p.name || p.taken ? 'site-plan__pitch site-plan__pitch--taken' : 'site-plan__pitch'}${onPitchPointerDown ? ' site-plan__pitch--movable' : ''}`}
          data-pitch={p.label}
          onPointerDown={onPitchPointerDown ? (event) => onPitchPointerDown(event, p.id) : undefined}
        >
          <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={0.15} />
          <text x={p.x + 0.25} y={p.y + 0.8} className="site-plan__number">
            {p.label}
          </text>
          {p.name ? (
            <text x={p.x + 0.25} y={p.y + 1.5} className="site-plan__name">
              {p.name.length > Math.floor(p.width * 2.6) ? `${p.name.slice(0, Math.max(3, Math.floor(p.width * 2.6) - 1))}…` : p.name}
              <title>{p.name}</title>
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
