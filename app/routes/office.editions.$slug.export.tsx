import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, useFieldError } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { EXPORT_KINDS, exportEdition } from '~/domain/office/exports.server';
import { manageableEdition } from '~/domain/people/authorise.server';
import { db } from '~/utils/db.server';
import { parseForm } from '~/utils/forms';
import { orRespond } from '~/utils/http.server';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';
import { requireOfficePerson } from '~/utils/session.server';

/** CSV downloads of an edition's applications and contacts; personal data, so confirmed and logged. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const edition = await orRespond(() => manageableEdition(db(), person, params.slug ?? ''));
  return json({ title: translator(locale)('admin:export.title'), edition: { slug: edition.slug, title: edition.title } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const schema = z.object({
  kind: z.enum(EXPORT_KINDS, { message: 'forms:errors.choose' }),
  confirm: z.literal('on', { message: 'admin:export.errors.confirm' }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const edition = await orRespond(() => manageableEdition(db(), person, params.slug ?? ''));
  const result = parseForm(schema, await request.formData());
  if (!result.success) return json({ errors: result.errors, values: result.values }, { status: 400 });
  const file = await orRespond(() => exportEdition(db(), person, edition.id, result.data.kind, locale));
  return new Response(file.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export default function Export() {
  const { edition } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const kindError = useFieldError(data?.errors?.kind);
  const confirmError = useFieldError(data?.errors?.confirm);
  const kind = data?.values?.kind ?? 'applications';
  return (
    <>
      <p>
        <Link to={`/office/editions/${edition.slug}`}>
          <Localized value={edition.title} />
        </Link>
      </p>
      <h1>{t('admin:export.title')}</h1>
      <p className="lead">{t('admin:export.intro')}</p>
      <ErrorSummary errors={data?.errors} labels={{ kind: t('admin:export.kind'), confirm: t('admin:export.confirmLabel') }} />
      {/* a native submission, so the browser downloads the file */}
      <Form method="post" reloadDocument noValidate>
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
        <div className="checkbox">
          <input
            type="checkbox"
            id="field-confirm"
            name="confirm"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? 'field-confirm-error' : undefined}
          />
          <label htmlFor="field-confirm">{t('admin:export.confirmLabel')}</label>
        </div>
        {confirmError ? (
          <p className="field-error" id="field-confirm-error">
            {confirmError}
          </p>
        ) : null}
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
