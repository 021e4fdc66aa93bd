import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { RoleForm, VolunteerNav } from '~/components/volunteer-forms';
import { createRole, listRoles } from '~/domain/volunteers/roles.server';
import { roleSchema } from '~/domain/volunteers/volunteers.schema';
import { replyOnFailure } from '~/http/errors.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { languageList, translator } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { db } from '~/server/db.server';

/** An edition's volunteer roles, and a new one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  return json({ title: translator(locale)('volunteers:roles.title'), edition: { slug: edition.slug, title: edition.title }, roles: await listRoles(db(), edition.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: roleSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const outcome = await replyOnFailure(submission, () => createRole(db(), person.id, edition.id, submission.value));
  if (!outcome.ok) return outcome.response;
  return redirect(`/office/editions/${edition.slug}/volunteers/roles#role-${outcome.value}`);
}

export default function VolunteerRoles() {
  const { edition, roles } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const base = `/office/editions/${edition.slug}/volunteers`;
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{t('volunteers:roles.title')}</h1>
      {roles.length === 0 ? (
        <p>{t('volunteers:roles.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('volunteers:roles.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteers:role.name')}</th>
                <th scope="col">{t('volunteers:role.languages')}</th>
                <th scope="col">{t('volunteers:role.minAge')}</th>
                <th scope="col">{t('volunteers:role.note')}</th>
                <th scope="col">{t('volunteers:roles.shifts')}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.id} id={`role-${r.id}`}>
                  <th scope="row">
                    <Link to={`${base}/roles/${r.id}`}>
                      <Localized value={r.name} />
                    </Link>
                  </th>
                  <td>{languageList(parseList(r.languages), locale) || t('volunteers:roles.noLanguages')}</td>
                  <td>{r.allows_minors ? t('volunteers:roles.ageWithMinors', { age: r.min_age }) : t('volunteers:roles.age', { age: Math.max(18, r.min_age) })}</td>
                  <td>
                    <Localized value={r.note} />
                  </td>
                  <td>{r.shifts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-role">
        <h2 id="new-role">{t('volunteers:roles.add')}</h2>
        <RoleForm lastResult={data?.result} submit={t('volunteers:roles.create')} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
