import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useSchemaForm } from '~/components/schema-forms';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field, useFieldError } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { RichText } from '~/components/rich-text';
import { EDITABLE_PAGES, isPageSlug, pageInLocale, savePage, type PageSlug } from '~/domain/pages/pages.server';
import { assertAdministrator } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import { keyErrorMap } from '~/lib/form-keys';
import { invariantResponse } from '~/http/http.server';
import { isLocale, localeInfo, translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { orRespond } from '~/http/errors.server';

function target(request: Request, param: string | undefined): { slug: PageSlug; pageLocale: string } {
  const slug = param ?? '';
  if (!isPageSlug(slug)) throw json({ message: 'Not found' }, { status: 404 });
  const pageLocale = new URL(request.url).searchParams.get('locale') ?? 'de';
  invariantResponse(isLocale(pageLocale));
  return { slug, pageLocale };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const { slug, pageLocale } = target(request, params.slug);
  const locale = await localeOf(request);
  const page = await pageInLocale(db(), slug, pageLocale);
  return json({
    title: translator(locale)('admin:pages.editTitle'),
    slug,
    path: EDITABLE_PAGES[slug].path,
    pageLocale,
    page: page ?? { title: '', body: '', version: 0 },
    saved: new URL(request.url).searchParams.get('saved'),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const schema = z.object({ title: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(50_000) });

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const { slug, pageLocale } = target(request, params.slug);
  const submission = parseWithZod(await request.formData(), { schema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const text = submission.value;
  const version = await orRespond(() => savePage(db(), person, { slug, locale: pageLocale, ...text }));
  return redirect(`/office/pages/${slug}?locale=${pageLocale}&saved=${version}`);
}

export default function EditPage() {
  const { slug, path, pageLocale, page, saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const setup = useSchemaForm(schema, data?.result, { title: page.title, body: page.body });
  const bodyError = useFieldError(setup.error('body'));
  const dir = localeInfo[pageLocale as keyof typeof localeInfo].dir;
  return (
    <>
      <p>
        <Link to="/office/pages">{t('admin:pages.title')}</Link>
      </p>
      <h1>
        {t(`admin:pages.names.${slug}`)} – {localeInfo[pageLocale as keyof typeof localeInfo].name}
      </h1>
      {saved ? (
        <p role="status" className="notice">
          {t('admin:pages.saved', { version: saved })} <Link to={`${path}?lang=${pageLocale}`}>{path}</Link>
        </p>
      ) : null}
      <p className="hint">{t('admin:pages.syntax')}</p>
      <ErrorSummary errors={setup.fieldErrors} labels={{ title: t('admin:pages.pageTitle'), body: t('admin:pages.body') }} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <Field name="title" label={t('admin:pages.pageTitle')} defaultValue={setup.value('title')} error={setup.error('title')} lang={pageLocale} dir={dir} required maxLength={200} />
        <div className="field">
          <label htmlFor="field-body">{t('admin:pages.body')}</label>
          <textarea
            id="field-body"
            name="body"
            rows={24}
            lang={pageLocale}
            dir={dir}
            defaultValue={setup.value('body')}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? 'field-body-error' : undefined}
          />
          {bodyError ? (
            <p className="field-error" id="field-body-error">
              {bodyError}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit">{t('admin:pages.save')}</button>
        </p>
      </Form>
      <section aria-labelledby="preview">
        <h2 id="preview">{t('admin:pages.current')}</h2>
        <div dir={dir}>
          <RichText source={page.body} lang={pageLocale} />
        </div>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
