import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { ConflictError } from '~/domain/errors';
import { cloneEdition, clonePreview } from '~/domain/office/clone.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { formatDateTime, formatDayRange } from '~/lib/time';
import { orRespond } from '~/http/errors.server';

/** Next year's edition from this one, in one step. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const preview = await orRespond(() => clonePreview(db(), person, params.slug ?? ''));
  return json({ ...preview, title: translator(locale)('admin:clone.title') });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const schema = z.object({ publish: z.literal('on').optional(), invite: z.literal('on').optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ error: 'forms:errors.invalid' }, { status: 400 });
  const result = await orRespond(() =>
    cloneEdition(db(), person, params.slug ?? '', {
      publish: parsed.data.publish === 'on',
      invite: parsed.data.invite === 'on',
      publicUrl: env().PUBLIC_URL,
    }).catch((error: unknown) => {
      // next year's edition exists already: said on the page, not as an error page
      if (error instanceof ConflictError) return null;
      throw error;
    }),
  );
  if (!result) return json({ error: 'admin:clone.errors.exists' }, { status: 409 });
  return redirect(`/office/editions/${result.edition.slug}`);
}

export default function CloneEdition() {
  const { source, target, exists, invitees } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <>
      <p>
        <Link to={`/office/editions/${source.slug}`}>
          <Localized value={source.title} />
        </Link>
      </p>
      <h1>{t('admin:clone.title')}</h1>
      <p className="lead">{t('admin:clone.intro')}</p>
      {data?.error ? (
        <div className="error-summary" role="alert">
          <p>{t(data.error, { slug: target.slug })}</p>
        </div>
      ) : null}
      <dl className="facts-list">
        <dt>{t('admin:clone.from')}</dt>
        <dd>
          <Localized value={source.title} /> – {formatDayRange(source.starts_on, source.ends_on, locale)}
        </dd>
        <dt>{t('admin:clone.to')}</dt>
        <dd>
          <Localized value={target.title} /> – {formatDayRange(target.starts_on, target.ends_on, locale)}
        </dd>
        {target.registration_opens_at && target.registration_closes_at ? (
          <>
            <dt>{t('admin:clone.window')}</dt>
            <dd>
              {formatDateTime(target.registration_opens_at, locale)} – {formatDateTime(target.registration_closes_at, locale)}
            </dd>
          </>
        ) : null}
        <dt>{t('admin:clone.copied')}</dt>
        <dd>{t('admin:clone.copiedList')}</dd>
      </dl>
      {exists ? (
        <p className="notice">{t('admin:clone.errors.exists', { slug: target.slug })}</p>
      ) : (
        <Form method="post">
          <fieldset>
            <legend>{t('admin:clone.options')}</legend>
            <div className="checkbox">
              <input type="checkbox" id="publish" name="publish" defaultChecked />
              <label htmlFor="publish">{t('admin:clone.publish')}</label>
            </div>
            <div className="checkbox">
              <input type="checkbox" id="invite" name="invite" defaultChecked />
              <label htmlFor="invite">{t('admin:clone.invite', { count: invitees })}</label>
            </div>
            <p className="hint">{t('admin:clone.inviteHint')}</p>
          </fieldset>
          <p>
            <button type="submit">{t('admin:clone.submit', { year: target.slug.slice(-4) })}</button>
          </p>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
