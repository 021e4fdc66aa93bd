import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { EditionForm } from '~/components/edition-form';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { editionSchema } from '~/domain/editions/edition.schema';
import { createEdition } from '~/domain/editions/manage.server';
import { listOfficeSeries } from '~/domain/series/series.server';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { db } from '~/server/db.server';
import { replyOnFailure } from '~/http/errors.server';

/** A new edition from nothing, as a draft: invisible to the public until it is published. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const series = await listOfficeSeries(db(), person);
  const wanted = new URL(request.url).searchParams.get('series');
  const chosen = series.find((s) => s.slug === wanted) ?? series[0];
  return json({
    title: translator(locale)('setup:edition.newTitle'),
    series: series.map((s) => ({ id: s.id, label: pickText(s.name, locale).text })),
    chosen: chosen?.id ?? null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  const submission = parseWithZod(await request.formData(), { schema: editionSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  if (submission.value.seriesId === undefined) {
    return json({ result: submission.reply({ fieldErrors: { seriesId: ['forms:errors.choose'] } }) }, { status: 400 });
  }
  const seriesId = submission.value.seriesId;
  const outcome = await replyOnFailure(submission, () => createEdition(db(), person, seriesId, submission.value));
  if (!outcome.ok) return outcome.response;
  return redirect(`/office/editions/${outcome.value.slug}/settings?created=1`);
}

export default function NewEdition() {
  const { series, chosen } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>{t('setup:edition.newTitle')}</h1>
      {series.length === 0 ? (
        <p>
          {t('setup:edition.noSeries')} <Link to="/office/series/new">{t('setup:series.newLink')}</Link>
        </p>
      ) : (
        <>
          <p className="lead">{t('setup:edition.newIntro')}</p>
          <EditionForm lastResult={data?.result} defaultValue={{ seriesId: chosen ? String(chosen) : undefined }} series={series} submit={t('setup:edition.create')} slugLocked={false} />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
