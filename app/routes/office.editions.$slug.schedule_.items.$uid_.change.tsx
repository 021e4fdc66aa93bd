/**
 * /office/editions/<slug>/schedule/items/<uid>/change — a change on the festival day in two
 * taps: choose (+15 minutes, another stage or time, cancel), then confirm. The choice is a
 * link (GET): the page shows before and after and the conflicts the change would cause;
 * confirming (POST) publishes it at once (docs/decisions/114). Works without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { ConflictList, OfficeEditionNav } from '~/components/schedule';
import { applyDayChange, dayChangeItem, previewDayChange } from '~/domain/festival-day/day-change.server';
import { DELAY_CHOICES, dayChangeSchema } from '~/domain/festival-day/day-change.schema';
import { berlinTime, getItemFormOptions } from '~/domain/schedule/editor.server';
import { attempt, orRespond, respondWith } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { requireEditionManager } from '~/http/office.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { berlinDay, daysBetween, formatDay, formatDateTime, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const uid = params.uid ?? '';
  const search = new URL(request.url).searchParams;
  const [current, options] = await Promise.all([
    // the item as the public sees it now
    orRespond(() => dayChangeItem(db(), edition.id, uid)),
    getItemFormOptions(db(), edition.id),
  ]);
  const chosen = search.has('kind') ? dayChangeSchema.safeParse(Object.fromEntries(search)) : null;
  let preview: Awaited<ReturnType<typeof previewDayChange>> | null = null;
  let refusal: { key: string; values?: Record<string, string | number> } | null = chosen && !chosen.success ? { key: 'forms:errors.invalid' } : null;
  if (chosen?.success) {
    const outcome = await attempt(() => previewDayChange(db(), edition.id, uid, chosen.data));
    // on the day a conflict does not block: the organiser reads it and decides (docs/decisions/114)
    if (outcome.ok) preview = { ...outcome.value, conflicts: outcome.value.conflicts.map((c) => ({ ...c, severity: 'warning' as const })) };
    else if (outcome.status === 404) respondWith(outcome);
    else refusal = outcome.formError;
  }
  return json({
    title: `${translator(locale)('festival-day:change.title')}: ${pickText(current.title, locale).text}`,
    edition: { slug: edition.slug, title: edition.title, days: daysBetween(edition.starts_on, edition.ends_on) },
    item: current,
    chosen: chosen?.success ? chosen.data : null,
    preview,
    refusal,
    stages: options.stages.filter((s) => s.kind === 'stage'),
    defaults: { day: berlinDay(current.starts_at), start: berlinTime(current.starts_at) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionManager(request, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: dayChangeSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ refusal: { key: 'forms:errors.invalid' } }, { status: 400 });
  const outcome = await attempt(() => applyDayChange(db(), { editionId: edition.id, uid: params.uid ?? '', change: submission.value, personId: person.id, publicUrl: env().PUBLIC_URL }));
  if (!outcome.ok) {
    if (outcome.status === 404) respondWith(outcome);
    return json({ refusal: outcome.formError }, { status: outcome.status });
  }
  return redirect(`/office/editions/${edition.slug}/schedule?published=${outcome.value.version}`);
}

export default function DayChangePage() {
  const { edition, item, chosen, preview, refusal, stages, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, text } = useI18n();
  const base = `/office/editions/${edition.slug}/schedule/items/${item.uid}/change`;
  const stageName = (id: number | null) => text(stages.find((s) => s.id === id)?.name ?? null).text;
  const when = (w: { starts_at: string; ends_at: string; stage_id: number | null }) =>
    `${formatDateTime(w.starts_at, locale)}–${formatTime(w.ends_at, locale)}${w.stage_id ? `, ${stageName(w.stage_id)}` : ''}`;
  const cancelled = item.status === 'cancelled';
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Link to={`/office/editions/${edition.slug}/schedule`}>{t('festival-day:change.back')}</Link>
      </p>
      <h1>
        {t('festival-day:change.heading')}: <Localized value={item.title} />
      </h1>
      <p className="lead">
        {t('festival-day:change.now', { when: when(item) })}
        {cancelled ? <span className="tag tag--cancelled"> {t('festival-day:now.cancelled')}</span> : null}
      </p>
      <FormAlert message={data?.refusal ?? refusal} />

      {preview && chosen ? (
        <section aria-labelledby="confirm-title" className="day-change-confirm">
          <h2 id="confirm-title">{t('festival-day:change.confirmTitle')}</h2>
          <p>
            {chosen.kind === 'cancel'
              ? t('festival-day:change.willCancel')
              : chosen.kind === 'delay'
                ? t('festival-day:change.willDelay', { count: chosen.minutes, when: when(preview.after) })
                : t('festival-day:change.willMove', { when: when(preview.after) })}
          </p>
          {preview.conflicts.length > 0 ? (
            <div className="notice notice--warning" role="alert">
              <p>{t('festival-day:change.conflicts', { count: preview.conflicts.length })}</p>
              <ConflictList conflicts={preview.conflicts} context={preview.related} />
            </div>
          ) : (
            <p>{t('festival-day:change.noConflicts')}</p>
          )}
          <p className="hint">{t('festival-day:change.whoHears')}</p>
          <Form method="post" className="button-row">
            {Object.entries(chosen).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={String(value)} />
            ))}
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {t('festival-day:change.confirm')}
            </button>
            <Link to={base}>{t('festival-day:change.other')}</Link>
          </Form>
        </section>
      ) : null}

      {!cancelled ? (
        <>
          <section aria-labelledby="delay-title">
            <h2 id="delay-title">{t('festival-day:change.delayTitle')}</h2>
            <ul className="button-row day-change-choices">
              {DELAY_CHOICES.map((m) => (
                <li key={m}>
                  <Link className="button" to={`${base}?kind=delay&minutes=${m}`}>
                    {t('festival-day:change.delayBy', { count: m })}
                  </Link>
                </li>
              ))}
            </ul>
            <Form method="get" className="inline-form">
              <input type="hidden" name="kind" value="delay" />
              <label htmlFor="delay-minutes">{t('festival-day:change.minutes')}</label>
              <input id="delay-minutes" name="minutes" type="number" min={-240} max={240} step={5} inputMode="numeric" defaultValue={chosen?.kind === 'delay' ? chosen.minutes : 20} />
              <button type="submit" className="secondary">
                {t('festival-day:change.preview')}
              </button>
            </Form>
          </section>

          <section aria-labelledby="move-title">
            <h2 id="move-title">{t('festival-day:change.moveTitle')}</h2>
            <Form method="get">
              <input type="hidden" name="kind" value="move" />
              <div className="field">
                <label htmlFor="move-stage">{t('festival-day:change.stage')}</label>
                <select id="move-stage" name="stage_id" defaultValue={String(chosen?.kind === 'move' ? chosen.stage_id : (item.stage_id ?? ''))}>
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {text(s.name).text}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="move-day">{t('festival-day:change.day')}</label>
                <select id="move-day" name="day" defaultValue={chosen?.kind === 'move' ? chosen.day : defaults.day}>
                  {edition.days.map((d) => (
                    <option key={d} value={d}>
                      {formatDay(d, locale)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="move-start">{t('festival-day:change.start')}</label>
                <input id="move-start" name="start" type="time" step={300} defaultValue={chosen?.kind === 'move' ? chosen.start : defaults.start} />
              </div>
              <p>
                <button type="submit" className="secondary">
                  {t('festival-day:change.preview')}
                </button>
              </p>
            </Form>
          </section>

          <section aria-labelledby="cancel-title">
            <h2 id="cancel-title">{t('festival-day:change.cancelTitle')}</h2>
            <p>
              <Link className="button secondary" to={`${base}?kind=cancel`}>
                {t('festival-day:change.cancel')}
              </Link>
            </p>
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
