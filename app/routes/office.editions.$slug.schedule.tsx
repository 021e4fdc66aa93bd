import { requireEditionManager } from '~/http/office.server';
import { announcedChange, changeLabelKey } from '~/domain/schedule/changes';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent, type KeyboardEvent } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { ConflictList, OfficeEditionNav, type ConflictContext } from '~/components/schedule';
import type { Conflict } from '~/domain/schedule/conflicts';
import { getScheduleBoard, moveItem, resizeItem } from '~/domain/schedule/editor.server';
import { placeSchema, resizeSchema } from '~/domain/schedule/item.schema';
import { publishSchedule, ScheduleConflictsError } from '~/domain/schedule/publish.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { parseWithZod } from '@conform-to/zod/v4';
import { fieldErrorsOf, keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { berlinDay, berlinToday, formatDateTime, formatDay, formatTime } from '~/lib/time';
import { attempt, orRespond, respondWith } from '~/http/errors.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const full = await orRespond(() => getScheduleBoard(db(), params.slug ?? ''));
  // A big program is shown one day at a time (?day=; docs/decisions/104); a small one all at once.
  const counts = Object.fromEntries(full.days.map((d) => [d, 0]));
  for (const i of full.items) counts[i.day] = (counts[i.day] ?? 0) + 1;
  const asked = new URL(request.url).searchParams.get('day');
  const today = berlinToday();
  const firstWithItems = full.days.find((d) => (counts[d] ?? 0) > 0) ?? full.days[0] ?? null;
  const bigDefault = full.days.includes(today) ? today : firstWithItems;
  const day = asked && full.days.includes(asked) ? asked : full.items.length > BOARD_ALL_DAYS_MAX ? bigDefault : null;
  // only what the board draws (descriptions, languages and the like are on the item's own page)
  const items = (day ? full.items.filter((i) => i.day === day) : full.items).map((i) => ({
    uid: i.uid,
    stage_id: i.stage_id,
    title: i.title,
    starts_at: i.starts_at,
    ends_at: i.ends_at,
    status: i.status,
    host_name: i.host_name,
    published: i.published,
    series_size: i.series_size,
    day: i.day,
  }));
  // every item a conflict names, shown on this day or not, so the conflict list can say which
  const named = new Set(full.conflicts.flatMap((c) => c.uids));
  const conflictTitles = Object.fromEntries(full.items.filter((i) => named.has(i.uid)).map((i) => [i.uid, { title: i.title, host_name: i.host_name }]));
  const board = { ...full, items, shownDay: day, dayCounts: counts, allDaysOffered: full.items.length <= BOARD_ALL_DAYS_MAX, conflictTitles };
  return json({ title: translator(locale)('schedule:board.title', { edition: pickText(board.edition.title, locale).text }), board });
}

/** Up to this many items the board shows every day at once. */
const BOARD_ALL_DAYS_MAX = 300;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionManager(request, params.slug);
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'move') {
    // the board's drag and drop (a fetcher, no form of its own): the reasons come back as a list
    const parsed = parseWithZod(form, { schema: placeSchema, error: keyErrorMap });
    if (parsed.status !== 'success') return json({ intent, ok: false as const, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
    const place = parsed.value;
    await orRespond(() => moveItem(db(), edition.id, place.uid, place));
    return json({ intent, ok: true as const });
  }
  if (intent === 'resize') {
    const parsed = parseWithZod(form, { schema: resizeSchema, error: keyErrorMap });
    if (parsed.status !== 'success') return json({ intent, ok: false as const, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
    const { uid, end } = parsed.value;
    await orRespond(() => resizeItem(db(), edition.id, uid, end));
    return json({ intent, ok: true as const });
  }
  if (intent === 'publish') {
    const published = await attempt(() => publishSchedule(db(), edition.id, person.id, { publicUrl: env().PUBLIC_URL }));
    if (!published.ok) {
      // a release that conflicts, or has nothing new, stays on the board with the reason
      if (published.status !== 409) respondWith(published);
      const blocked = published.error instanceof ScheduleConflictsError ? published.error.conflicts : ([] as Conflict[]);
      return json({ intent, ok: false as const, blocked, message: published.formError.key }, { status: 409 });
    }
    return redirect(`/office/editions/${edition.slug}/schedule?published=${published.value.version}`);
  }
  return json({ intent, ok: false as const, errors: { form: { key: 'schedule:errors.invalid' } } }, { status: 400 });
}

type Board = ReturnType<typeof useLoaderData<typeof loader>>['board'];
type BoardItem = Board['items'][number];

const STEP = 15 * 60_000;
const hhmm = (iso: string) => formatTime(iso, 'de');
const hourOf = (iso: string) => Number(hhmm(iso).slice(0, 2));

/** True once the board runs in the browser: false on the server and in the first render, so both agree. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
const noSubscription = () => () => {};

export default function ScheduleBoard() {
  const { board } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t, locale, dir } = useI18n();
  const fetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  const { edition, stages, items, conflicts, conflictsByUid, pending, latestRelease, stageActs, conflictTitles } = board;

  const context: ConflictContext = useMemo(
    () => ({
      items: { ...conflictTitles, ...Object.fromEntries(items.map((i) => [i.uid, { title: i.title, host_name: i.host_name }])) },
      stages: Object.fromEntries(stages.map((s) => [s.id, s.name])),
    }),
    [items, stages, conflictTitles],
  );
  const hard = conflicts.filter((c) => c.severity === 'hard');
  const warnings = conflicts.filter((c) => c.severity === 'warning');
  const stageName = (id: number | null) => pickText(stages.find((s) => s.id === id)?.name, locale).text;

  // After a keyboard move the item is drawn in another cell: give focus back to it.
  useEffect(() => {
    if (fetcher.state !== 'idle' || !focusAfterMove.current) return;
    const handle = document.querySelector<HTMLButtonElement>(`[data-move-handle="${focusAfterMove.current}"]`);
    handle?.focus();
    focusAfterMove.current = null;
  }, [fetcher.state, items]);

  function submitMove(item: BoardItem, to: { stage_id: number; startsAt: number }) {
    const iso = new Date(to.startsAt).toISOString();
    focusAfterMove.current = item.uid;
    const end = new Date(to.startsAt + (Date.parse(item.ends_at) - Date.parse(item.starts_at))).toISOString();
    setAnnouncement(t('schedule:board.moved', { title: pickText(item.title, locale).text, time: `${formatTime(iso, locale)}–${formatTime(end, locale)}`, stage: stageName(to.stage_id) }));
    fetcher.submit({ intent: 'move', uid: item.uid, stage_id: String(to.stage_id), day: berlinDay(iso), start: hhmm(iso) }, { method: 'post' });
  }

  function onHandleKey(event: KeyboardEvent<HTMLButtonElement>, item: BoardItem) {
    const start = Date.parse(item.starts_at);
    const end = Date.parse(item.ends_at);
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const delta = event.key === 'ArrowUp' ? -STEP : STEP;
      if (event.shiftKey) {
        const newEnd = end + delta;
        if (newEnd - start < STEP) return;
        const iso = new Date(newEnd).toISOString();
        focusAfterMove.current = item.uid;
        setAnnouncement(t('schedule:board.moved', { title: pickText(item.title, locale).text, time: `${formatTime(item.starts_at, locale)}–${formatTime(iso, locale)}`, stage: stageName(item.stage_id) }));
        fetcher.submit({ intent: 'resize', uid: item.uid, end: hhmm(iso) }, { method: 'post' });
      } else {
        submitMove(item, { stage_id: item.stage_id ?? stages[0]!.id, startsAt: start + delta });
      }
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const forward = (event.key === 'ArrowRight') === (dir === 'ltr');
      const index = stages.findIndex((s) => s.id === item.stage_id);
      const next = stages[index + (forward ? 1 : -1)];
      if (next) submitMove(item, { stage_id: next.id, startsAt: start });
    }
  }

  function onDrop(event: DragEvent<HTMLTableCellElement>, stageId: number, day: string, hour: number) {
    event.preventDefault();
    const uid = event.dataTransfer.getData('text/plain');
    const item = items.find((i) => i.uid === uid);
    if (!item) return;
    const minutes = hhmm(item.starts_at).slice(3);
    focusAfterMove.current = item.uid;
    setAnnouncement(t('schedule:board.moved', { title: pickText(item.title, locale).text, time: `${String(hour).padStart(2, '0')}:${minutes}`, stage: stageName(stageId) }));
    fetcher.submit({ intent: 'move', uid: item.uid, stage_id: String(stageId), day, start: `${String(hour).padStart(2, '0')}:${minutes}` }, { method: 'post' });
  }

  const published = search.get('published');
  const blocked = actionData && 'blocked' in actionData ? actionData : null;
  const fetchError = fetcher.data && !fetcher.data.ok && 'errors' in fetcher.data ? fetcher.data.errors : null;

  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <h1>
        {t('schedule:nav.schedule')}: <Localized value={edition.title} />
      </h1>
      <p className="lead">{t('schedule:board.intro')}</p>
      {published ? (
        <p className="notice notice--success" role="status">
          {t('schedule:publish.done', { version: published })}{' '}
          <Link to={`/editions/${edition.slug}/changes`}>{t('schedule:publish.changelog')}</Link>
        </p>
      ) : null}
      {blocked ? (
        <div className="notice notice--warning" role="alert">
          <p>{blocked.blocked.length > 0 ? t('schedule:publish.blocked', { count: blocked.blocked.length }) : t(blocked.message)}</p>
          <ConflictList conflicts={blocked.blocked} context={context} />
        </div>
      ) : null}

      <section aria-labelledby="conflicts-title" className="schedule-conflicts">
        <h2 id="conflicts-title">{t('schedule:conflicts.title')}</h2>
        {conflicts.length === 0 ? (
          <p>{t('schedule:conflicts.none')}</p>
        ) : (
          <>
            <p>
              {hard.length > 0 ? <strong>{t('schedule:conflicts.hardCount', { count: hard.length })}</strong> : null}{' '}
              {warnings.length > 0 ? t('schedule:conflicts.warningCount', { count: warnings.length }) : null}
            </p>
            <ConflictList conflicts={conflicts} context={context} id="conflict-list" />
          </>
        )}
      </section>

      <section aria-labelledby="publish-title" className="schedule-publish">
        <h2 id="publish-title">{t('schedule:publish.title')}</h2>
        <p>
          {latestRelease
            ? t('schedule:publish.latest', { version: latestRelease.version, date: formatDateTime(latestRelease.published_at, locale) })
            : t('schedule:publish.never')}{' '}
          <Link to={`/editions/${edition.slug}/changes`}>{t('schedule:publish.changelog')}</Link>
        </p>
        {pending.length === 0 ? (
          <p>{t('schedule:publish.noPending')}</p>
        ) : (
          <>
            <p>{t('schedule:publish.pending', { count: pending.length })}</p>
            <ul className="pending-changes">
              {pending.map((c) => (
                <li key={c.uid}>
                  <strong>{t(changeLabelKey(announcedChange(c), 'schedule:changes.kinds'))}:</strong> <Localized value={c.title} />
                  {c.starts_at ? ` (${formatDateTime(c.starts_at, locale)}, ${stageName(c.stage_id ?? null)})` : null}
                </li>
              ))}
            </ul>
          </>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('schedule:publish.button')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('schedule:nav.schedule')}</h2>
        <p>
          <Link className="button" to={`/office/editions/${edition.slug}/schedule/new`}>
            {t('schedule:board.newItem')}
          </Link>
        </p>
        <p className="hint" id="keyboard-help">
          {t('schedule:board.keyboardHelp')} {hydrated ? t('schedule:board.dragHelp') : null}
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {fetchError ? (
          <p className="field-error" role="alert">
            {Object.values(fetchError).map((e) => t(e.key)).join(' ')}
          </p>
        ) : null}
        {board.days.length > 1 && (board.shownDay || !board.allDaysOffered) ? (
          <nav aria-label={t('schedule:board.daysNav')} className="board-days">
            <ul className="inline-list">
              {board.days.map((day) => (
                <li key={day}>
                  <Link to={`?day=${day}`} aria-current={board.shownDay === day ? 'page' : undefined}>
                    {t('schedule:board.dayLink', { day: formatDay(day, locale), count: board.dayCounts[day] ?? 0 })}
                  </Link>
                </li>
              ))}
              {board.allDaysOffered ? (
                <li>
                  <Link to="?">{t('schedule:board.allDays')}</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        {items.length === 0 ? <p>{t('schedule:board.noItems')}</p> : null}
        {(board.shownDay ? [board.shownDay] : board.days).map((day) => (
          <DayGrid
            key={day}
            day={day}
            board={board}
            hydrated={hydrated}
            onHandleKey={onHandleKey}
            onDrop={onDrop}
            conflictsByUid={conflictsByUid}
            context={context}
          />
        ))}
      </section>

      <section aria-labelledby="acts-title">
        <h2 id="acts-title">{t('schedule:board.stageActs')}</h2>
        {stageActs.length === 0 ? <p>{t('schedule:board.stageActsNone')}</p> : null}
        <ul className="stage-acts">
          {stageActs.map((a) => (
            <li key={a.id}>
              <strong>{a.stage_act_title}</strong> – {a.organisation_name} ({t(`registration:states.${a.state}`)}
              {a.stage_act_minutes ? `, ${t('schedule:board.minutes', { count: a.stage_act_minutes })}` : ''})
              {a.scheduled ? (
                <> · {t('schedule:board.actScheduled')}</>
              ) : (
                <>
                  {' '}
                  · <Link to={`/office/editions/${edition.slug}/schedule/new?registration=${a.id}`}>{t('schedule:board.scheduleAct')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function DayGrid({
  day,
  board,
  hydrated,
  onHandleKey,
  onDrop,
  conflictsByUid,
  context,
}: {
  day: string;
  board: Board;
  hydrated: boolean;
  onHandleKey: (e: KeyboardEvent<HTMLButtonElement>, item: BoardItem) => void;
  onDrop: (e: DragEvent<HTMLTableCellElement>, stageId: number, day: string, hour: number) => void;
  conflictsByUid: Record<string, Conflict[]>;
  context: ConflictContext;
}) {
  const { t, locale } = useI18n();
  const items = board.items.filter((i) => i.day === day);
  const byCell = new Map<string, BoardItem[]>();
  for (const i of items) {
    const key = `${i.stage_id}|${hourOf(i.starts_at)}`;
    const list = byCell.get(key);
    if (list) list.push(i);
    else byCell.set(key, [i]);
  }
  const hours = board.openingHours.filter((h) => h.day === day);
  const starts = [...hours.map((h) => h.opens_at), ...items.map((i) => i.starts_at)].map(hourOf);
  const ends = [...hours.map((h) => (berlinDay(h.closes_at) === day ? hourOf(h.closes_at) - (h.closes_at.slice(14, 16) === '00' ? 1 : 0) : 23)), ...items.map((i) => hourOf(i.starts_at))];
  const first = starts.length ? Math.min(...starts) : 10;
  const last = ends.length ? Math.max(...ends, first) : 18;
  const rows = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const captionId = `day-${day}`;
  return (
    <div className="schedule-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="schedule-grid">
        <caption id={captionId}>{formatDay(day, locale)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedule:board.time')}</th>
            {board.stages.map((s) => {
              const open = hours.find((h) => h.stage_id === s.id);
              return (
                <th scope="col" key={s.id}>
                  <Localized value={s.name} />
                  <span className="schedule-grid__hours">
                    {open ? t('schedule:board.opening', { from: formatTime(open.opens_at, locale), to: formatTime(open.closes_at, locale) }) : t('schedule:board.closed')}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((hour) => (
            <tr key={hour}>
              <th scope="row" className="schedule-grid__time">
                {`${String(hour).padStart(2, '0')}:00`}
              </th>
              {board.stages.map((s) => (
                <td
                  key={s.id}
                  className="schedule-grid__cell"
                  data-stage={s.id}
                  data-day={day}
                  data-hour={hour}
                  onDragOver={hydrated ? (e) => e.preventDefault() : undefined}
                  onDrop={hydrated ? (e) => onDrop(e, s.id, day, hour) : undefined}
                >
                  {(byCell.get(`${s.id}|${hour}`) ?? []).map((item) => (
                    <ItemCard key={item.uid} item={item} hydrated={hydrated} onHandleKey={onHandleKey} conflicts={conflictsByUid[item.uid] ?? []} context={context} />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemCard({
  item,
  hydrated,
  onHandleKey,
  conflicts,
  context,
}: {
  item: BoardItem;
  hydrated: boolean;
  onHandleKey: (e: KeyboardEvent<HTMLButtonElement>, item: BoardItem) => void;
  conflicts: Conflict[];
  context: ConflictContext;
}) {
  const { t, locale, text } = useI18n();
  const { slug } = useLoaderData<typeof loader>().board.edition;
  const cancelled = item.status === 'cancelled';
  const severity = conflicts.some((c) => c.severity === 'hard') ? 'hard' : conflicts.length ? 'warning' : null;
  const title = text(item.title).text;
  return (
    <article
      id={`item-${item.uid}`}
      className={['slot', cancelled ? 'slot--cancelled' : '', severity ? `slot--${severity}` : ''].join(' ').trim()}
      data-uid={item.uid}
    >
      <p className="slot__time">
        <time dateTime={item.starts_at}>{formatTime(item.starts_at, locale)}</time>–<time dateTime={item.ends_at}>{formatTime(item.ends_at, locale)}</time>
      </p>
      <p className="slot__title">
        {cancelled ? <span className="tag tag--cancelled">{t('program.cancelled')}</span> : null} <Localized value={item.title} />
      </p>
      {item.host_name ? <p className="slot__host">{item.host_name}</p> : null}
      <p className="slot__meta">
        {!item.published ? <span className="tag">{t('schedule:board.unpublished')}</span> : null}
        {item.series_size ? <span className="tag">{t('schedule:board.series', { count: item.series_size })}</span> : null}
      </p>
      <ConflictList conflicts={conflicts} context={context} />
      <p className="slot__actions">
        <Link to={`/office/editions/${slug}/schedule/items/${item.uid}`} aria-label={`${t('schedule:board.edit')}: ${title}`}>
          {t('schedule:board.edit')}
        </Link>
        {item.published ? (
          // the festival day: delay, move or cancel in two taps, public at once (docs/decisions/114)
          <>
            {!cancelled ? (
              <Link to={`/office/editions/${slug}/schedule/items/${item.uid}/change?kind=delay&minutes=15`} aria-label={`${t('festival-day:change.delayBy', { count: 15 })}: ${title}`}>
                {t('festival-day:change.delayBy', { count: 15 })}
              </Link>
            ) : null}
            <Link to={`/office/editions/${slug}/schedule/items/${item.uid}/change`} aria-label={`${t('festival-day:change.heading')}: ${title}`}>
              {t('festival-day:change.heading')}
            </Link>
          </>
        ) : null}
        {hydrated ? (
          <button
            type="button"
            className="slot__handle"
            data-move-handle={item.uid}
            draggable
            onDragStart={(e) => e.dataTransfer.setData('text/plain', item.uid)}
            onKeyDown={(e) => onHandleKey(e, item)}
            aria-describedby="keyboard-help"
            aria-label={`${t('schedule:item.move')}: ${title}`}
          >
            <span aria-hidden="true">⇅</span>
          </button>
        ) : null}
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
