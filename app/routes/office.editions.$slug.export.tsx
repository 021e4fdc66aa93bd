import { Checkbox } from '~/components/registration';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, useFieldError } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { EXPORT_KINDS } from '~/domain/office/constants';
import type { FieldErrors } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireEditionManager } from '~/http/office.server';

/**
 * CSV downloads of an edition's applications and contacts; personal data, so confirmed and
 * logged. The form posts to the download route (office.editions.$slug.export_.csv.ts): a
 * route with a page cannot answer with a file. Bad input comes back here as ?kind=…&error=…
 * and is shown next to its field with status 400.
 */
const ERRORS = { confirm: 'admin:export.errors.confirm', kind: 'forms:errors.choose' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const search = new URL(request.url).searchParams;
  const errors: FieldErrors = {};
  for (const field of search.getAll('error')) if (field in ERRORS) errors[field] = { key: ERRORS[field as keyof typeof ERRORS] };
  const kind = search.get('kind');
  return json(
    {
      title: translator(locale)('admin:export.title'),
      edition: { slug: edition.slug, title: edition.title },
      errors,
      kind: kind && (EXPORT_KINDS as readonly string[]).includes(kind) ? kind : 'applications',
    },
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Export() {
  const { edition, errors, kind } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const kindError = useFieldError(errors.kind);
  return (
    <>
      <p>
        <Link to={`/office/editions/${edition.slug}`}>
          <Localized value={edition.title} />
        </Link>
      </p>
      <h1>{t('admin:export.title')}</h1>
      <p className="lead">{t('admin:export.intro')}</p>
      <ErrorSummary errors={errors} labels={{ kind: t('admin:export.kind'), confirm: t('admin:export.confirmLabel') }} />
      {/* a native submission, so the browser downloads the file */}
      <Form method="post" action={`/office/editions/${edition.slug}/export/csv`} reloadDocument noValidate>
        <fieldset id="field-kind" aria-describedby={kindError ? 'field-kind-error' : undefined}>
          <legend>{t('admin:export.kind')}</legend>
          {EXPORT_KINDS.map((k) => (
            <div className="checkbox" key={k}>
              <input type="radio" id={`kind-${k}`} name="kind" value={k} defaultChecked={kind === k} />
              <label htmlFor={`kind-${k}`}>{t(`admin:export.kinds.${k}`)}</label>
            </div>
          ))}
          {kindError ? (
            <p className="field-error" id="field-kind-error">
              {kindError}
            </p>
          ) : null}
        </fieldset>
        <Checkbox name="confirm" label={t('admin:export.confirmLabel')} error={errors.confirm} />
        <p>
          <button type="submit">{t('admin:export.submit')}</button>
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
