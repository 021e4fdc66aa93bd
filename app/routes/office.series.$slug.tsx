import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { SeriesForm } from '~/components/series-form';
import { seriesSchema } from '~/domain/series/series.schema';
import { getSeriesForOffice, listOfficeSeries, updateSeries } from '~/domain/series/series.server';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { keyErrorMap } from '~/lib/form-keys';
import { LOCALES } from '~/lib/i18n';
import { parseLocalized, pickText } from '~/lib/i18n-text';
import { formatDayRange } from '~/lib/time';
import { db } from '~/server/db.server';
import { orRespond, replyOnFailure } from '~/http/errors.server';

/** One series: edit its texts, address and contact; its editions, with a link to create one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const series = await orRespond(() => getSeriesForOffice(db(), person, params.slug ?? ''));
  const editions = (await listOfficeSeries(db(), person)).find((s) => s.id === series.id)?.editions ?? [];
  const url = new URL(request.url);
  const notice = url.searchParams.has('created') ? 'created' : url.searchParams.has('saved') ? 'saved' : null;
  return json({ title: pickText(series.name, locale).text, series, editions, notice });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  const series = await orRespond(() => getSeriesForOffice(db(), person, params.slug ?? ''));
  const submission = parseWithZod(await request.formData(), { schema: seriesSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const outcome = await replyOnFailure(submission, () => updateSeries(db(), person, series.id, submission.value));
  if (!outcome.ok) return outcome.response;
  return redirect(`/office/series/${outcome.value.slug}?saved=1`);
}

export default function EditSeries() {
  const { series, editions, notice } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const name = parseLocalized(series.name);
  const description = parseLocalized(series.description);
  const defaultValue: Record<string, string | undefined> = { slug: series.slug, contactEmail: series.contact_email ?? undefined };
  for (const code of LOCALES) {
    defaultValue[`title_${code}`] = name[code];
    defaultValue[`description_${code}`] = description[code];
  }
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>
        <Localized value={series.name} />
      </h1>
      {notice ? (
        <p className="notice notice--success" role="status">
          {t(`setup:series.${notice}`)}
        </p>
      ) : null}
      <section aria-labelledby="series-editions">
        <h2 id="series-editions">{t('setup:series.editions')}</h2>
        {editions.length === 0 ? <p>{t('setup:series.noEditions')}</p> : null}
        <ul>
          {editions.map((e) => (
            <li key={e.id}>
              <Link to={`/office/editions/${e.slug}`}>
                <Localized value={e.title} />
              </Link>{' '}
              <span className="muted">
                {formatDayRange(e.starts_on, e.ends_on, locale)} · {e.cancelled_at ? t('setup:edition.cancelledStatus') : t(`admin:editionStatus.${e.status}`)}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/office/editions/new?series=${series.slug}`}>{t('setup:edition.newLink')}</Link>
        </p>
      </section>
      <h2>{t('setup:series.editTitle')}</h2>
      <SeriesForm key={series.slug} lastResult={data?.result} defaultValue={defaultValue} submit={t('setup:series.save')} slugLocked={series.slugLocked} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
