import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { getFormProps } from '@conform-to/react';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { OfficeEditionNav } from '~/components/schedule';
import { SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { ArrivalCounts, CheckInOutcomeNotice, PassScanner, useHydrated, useLiveData, useOfflineQueue } from '~/components/festival-day';
import { arrivalBoard, checkInStand, undoCheckIn, type CheckInOutcome } from '~/domain/festival-day/check-in.server';
import { checkInCodeSchema, CODE_INPUT_MAX, standActionSchema } from '~/domain/festival-day/check-in.schema';
import { publicEditionStages } from '~/domain/festival-day/now-next.server';
import { NotFoundError } from '~/domain/errors';
import { attempt, replyOnFailure, respondWith } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { requireEditionManager } from '~/http/office.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/** The festival day at the gate: who is expected, who has arrived; check in by code, list or camera. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const [board, screens] = await Promise.all([
    arrivalBoard(db(), edition.id),
    // the stage screens and signs exist once the edition is published
    publicEditionStages(db(), edition.slug).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    }),
  ]);
  const needle = q.toLocaleLowerCase('de');
  const listed = needle ? board.stands.filter((s) => s.organisation.toLocaleLowerCase('de').includes(needle) || (s.pitch ?? '').toLocaleLowerCase('de').includes(needle)) : board.stands;
  return json({
    title: translator(locale)('festival-day:checkIn.title', { edition: pickText(edition.title, locale).text }),
    edition: { slug: edition.slug, title: edition.title },
    // a pass's QR code leads here with its code filled in (a phone's own camera app)
    code: (url.searchParams.get('code') ?? '').slice(0, CODE_INPUT_MAX),
    q,
    board: { ...board, stands: undefined },
    listed,
    screens: screens ? screens.stages : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionManager(request, params.slug);
  const formData = await request.formData();
  if (formData.get('intent') === 'code') {
    const submission = parseWithZod(formData, { schema: checkInCodeSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ result: submission.reply(), outcome: null, undone: null, refusal: null }, { status: 400 });
    const outcome = await replyOnFailure(submission, () => checkInStand(db(), { editionId: edition.id, personId: person.id, code: submission.value.code, method: 'code' }));
    if (!outcome.ok) return outcome.response;
    return json({ result: submission.reply({ resetForm: true }), outcome: outcome.value, undone: null, refusal: null });
  }
  const parsed = standActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ result: null, outcome: null, undone: null, refusal: { key: 'forms:errors.invalid' } }, { status: 400 });
  const { intent, registrationId } = parsed.data;
  const done = await attempt<{ outcome: CheckInOutcome | null; undone: string | null }>(() =>
    intent === 'list'
      ? checkInStand(db(), { editionId: edition.id, personId: person.id, registrationId, method: 'list' }).then((o) => ({ outcome: o, undone: null }))
      : undoCheckIn(db(), { editionId: edition.id, personId: person.id, registrationId }).then((u) => ({ outcome: null, undone: u.organisation })),
  );
  if (!done.ok) {
    if (done.status === 404) respondWith(done);
    return json({ result: null, outcome: null, undone: null, refusal: done.formError }, { status: done.status });
  }
  return json({ result: null, ...done.value, refusal: null });
}

export default function CheckIn() {
  const { edition, code, q, board, listed, screens } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale, text } = useI18n();
  const hydrated = useHydrated();
  const live = useLiveData(5_000);
  const setup = useSchemaForm(checkInCodeSchema, data?.result ?? null, { code, intent: 'code' });
  const queue = useOfflineQueue(edition.slug);
  // a queued scan came back: the counts follow at once
  useEffect(() => {
    if (queue.lastOutcome) live.revalidate();
    // only when a queued scan came back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue.lastOutcome]);
  const base = `/office/editions/${edition.slug}/check-in`;
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <h1>
        {t('festival-day:checkIn.heading')}: <Localized value={edition.title} />
      </h1>
      <ArrivalCounts areas={board.areas} total={board.total} />
      <p>
        <Link to={`${base}${q ? `?q=${encodeURIComponent(q)}` : ''}`} reloadDocument>
          {t('festival-day:checkIn.refresh')}
        </Link>
        {' · '}
        <Link to={`/office/editions/${edition.slug}/volunteers/day`}>{t('volunteers:day.title')}</Link>
      </p>

      <div aria-live="polite" role="status" className="check-in-result">
        {data?.outcome ? <CheckInOutcomeNotice outcome={data.outcome} /> : null}
        {data?.undone ? <p className="notice notice--success">{t('festival-day:checkIn.undone', { organisation: data.undone })}</p> : null}
        {queue.lastOutcome ? <p className={`notice ${queue.lastOutcome.ok ? 'notice--success' : 'notice--warning'}`}>{queue.lastOutcome.message}</p> : null}
        {queue.waiting > 0 ? <p className="notice notice--warning">{t('festival-day:offline.waiting', { count: queue.waiting })}</p> : null}
      </div>
      <FormAlert message={data?.refusal} />

      <section aria-labelledby="code-title">
        <h2 id="code-title">{t('festival-day:checkIn.byCode')}</h2>
        <SchemaFormErrors setup={setup} labels={{ code: t('festival-day:checkIn.code') }} />
        <Form
          method="post"
          {...getFormProps(setup.form)}
          noValidate
          onSubmit={(event) => {
            // offline: the scan is kept on this phone and sent when the network is back
            if (hydrated && !navigator.onLine) {
              event.preventDefault();
              const input = event.currentTarget.elements.namedItem('code') as HTMLInputElement | null;
              if (input?.value.trim()) void queue.add(input.value, 'code');
              if (input) input.value = '';
            }
          }}
        >
          <input type="hidden" name="intent" value="code" />
          <Field
            name="code"
            type="text"
            label={t('festival-day:checkIn.code')}
            hint={t('festival-day:checkIn.codeHint')}
            maxLength={CODE_INPUT_MAX}
            dir="ltr"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            defaultValue={setup.value('code')}
            error={setup.error('code')}
          />
          <p>
            <button type="submit">{t('festival-day:checkIn.submit')}</button>
          </p>
        </Form>
      </section>

      {hydrated ? <PassScanner onCode={(scanned) => void queue.add(scanned, 'scan')} /> : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('festival-day:checkIn.byList')}</h2>
        <Form method="get" className="search-form">
          <label htmlFor="stand-search">{t('festival-day:checkIn.search')}</label>
          <input id="stand-search" type="search" name="q" defaultValue={q} maxLength={100} />
          <button type="submit">{t('festival-day:checkIn.searchButton')}</button>
        </Form>
        {listed.length === 0 ? <p>{t('festival-day:checkIn.noneFound')}</p> : null}
        <ul className="check-in-list">
          {listed.map((s) => (
            <li key={s.id} className={s.arrivedAt ? 'check-in-list__arrived' : undefined}>
              <span>
                <strong>{s.organisation}</strong>
                {' · '}
                {s.pitch ? t('festival-day:pitch', { label: s.pitch }) : t('festival-day:noPitch')}
                {s.areaName ? ` · ${text(s.areaName).text}` : ''}
                {s.arrivedAt ? (
                  <span className="muted"> · {t('festival-day:checkIn.arrivedAt', { time: formatTime(s.arrivedAt, locale), by: s.arrivedBy ?? '' })}</span>
                ) : null}
              </span>
              <Form method="post">
                <input type="hidden" name="registrationId" value={s.id} />
                {s.arrivedAt ? (
                  <button type="submit" name="intent" value="undo" className="secondary" aria-label={t('festival-day:checkIn.undoFor', { organisation: s.organisation })}>
                    {t('festival-day:checkIn.undo')}
                  </button>
                ) : (
                  <button type="submit" name="intent" value="list" aria-label={t('festival-day:checkIn.checkInFor', { organisation: s.organisation })}>
                    {t('festival-day:checkIn.submit')}
                  </button>
                )}
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="missing-title">
        <h2 id="missing-title">{board.setupOver ? t('festival-day:missing.titleAfterSetup') : t('festival-day:missing.title')}</h2>
        {board.setup ? (
          <p>{t('festival-day:missing.setupEnds', { time: formatTime(board.setup.endsAt, locale) })}</p>
        ) : null}
        {board.missing.length === 0 ? <p>{t('festival-day:missing.none')}</p> : null}
        <ul className="missing-list">
          {board.missing.map((m) => (
            <li key={m.id}>
              <strong>{m.organisation}</strong> · {m.pitch ? t('festival-day:pitch', { label: m.pitch }) : t('festival-day:noPitch')}
              {m.contacts.length > 0 ? (
                <ul>
                  {m.contacts.map((c) => (
                    <li key={c.email}>
                      {c.name ? `${c.name}: ` : ''}
                      <a href={`mailto:${c.email}`} dir="ltr">
                        {c.email}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        {!board.setupOver && board.missing.length > 0 ? <p className="hint">{t('festival-day:missing.contactsLater')}</p> : null}
      </section>

      {screens ? (
        <section aria-labelledby="screens-title">
          <h2 id="screens-title">{t('festival-day:screens.title')}</h2>
          <p className="hint">{t('festival-day:screens.intro')}</p>
          <ul>
            {screens.map((s) => (
              <li key={s.slug}>
                <strong>{text(s.name).text}</strong>: <Link to={`/editions/${edition.slug}/stages/${s.slug}/now`}>{t('festival-day:screens.now')}</Link> ·{' '}
                <a href={`/editions/${edition.slug}/stages/${s.slug}/sign.svg?size=a4&lang=${locale}`}>{t('festival-day:screens.signA4')}</a> ·{' '}
                <a href={`/editions/${edition.slug}/stages/${s.slug}/sign.svg?size=a3&lang=${locale}`}>{t('festival-day:screens.signA3')}</a>
              </li>
            ))}
            <li>
              <strong>{t('festival-day:screens.grounds')}</strong>: <a href={`/editions/${edition.slug}/sign.svg?size=a4&lang=${locale}`}>{t('festival-day:screens.signA4')}</a> ·{' '}
              <a href={`/editions/${edition.slug}/sign.svg?size=a3&lang=${locale}`}>{t('festival-day:screens.signA3')}</a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
