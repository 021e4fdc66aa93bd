import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { useActionData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SeriesForm } from '~/components/series-form';
import { useI18n } from '~/components/i18n';
import { Link } from '@remix-run/react';
import { assertAdministrator } from '~/domain/people/authorise.server';
import { seriesSchema } from '~/domain/series/series.schema';
import { createSeries } from '~/domain/series/series.server';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { db } from '~/server/db.server';
import { orRespond, replyOnFailure } from '~/http/errors.server';

/** A new series (administrators): its title and description in six languages, its address, its contact. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  return json({ title: translator(await localeOf(request))('setup:series.newTitle') });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const submission = parseWithZod(await request.formData(), { schema: seriesSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const outcome = await replyOnFailure(submission, () => createSeries(db(), person, submission.value));
  if (!outcome.ok) return outcome.response;
  return redirect(`/office/series/${outcome.value.slug}?created=1`);
}

export default function NewSeries() {
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>{t('setup:series.newTitle')}</h1>
      <p className="lead">{t('setup:series.newIntro')}</p>
      <SeriesForm lastResult={data?.result} submit={t('setup:series.create')} slugLocked={false} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
