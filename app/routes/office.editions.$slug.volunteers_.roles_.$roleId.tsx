import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { RoleForm, VolunteerNav } from '~/components/volunteer-forms';
import { getRole, removeRole, updateRole } from '~/domain/volunteers/roles.server';
import { roleSchema } from '~/domain/volunteers/volunteers.schema';
import { attempt, orRespond, replyOnFailure } from '~/http/errors.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { localizedValues } from '~/lib/localized-fields';
import { db } from '~/server/db.server';

/** One volunteer role: edit it, or remove it while it has no shifts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const role = await orRespond(() => getRole(db(), edition.id, idParam(params.roleId)));
  return json({
    title: translator(locale)('volunteers:roles.editTitle'),
    edition: { slug: edition.slug, title: edition.title },
    role: { id: role.id, name: role.name },
    values: {
      ...localizedValues(role.name, 'name'),
      ...localizedValues(role.description, 'description'),
      ...localizedValues(role.note, 'note'),
      languages: parseList(role.languages),
      min_age: String(role.min_age),
      allows_minors: role.allows_minors ? 'on' : '',
      cancel_hours: String(role.cancel_hours),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const id = idParam(params.roleId);
  const form = await request.formData();
  const back = `/office/editions/${edition.slug}/volunteers/roles`;
  if (form.get('intent') === 'remove') {
    const outcome = await attempt(() => removeRole(db(), person.id, edition.id, id));
    if (!outcome.ok) return json({ removeError: outcome.formError, result: undefined }, { status: outcome.status });
    return redirect(back);
  }
  const submission = parseWithZod(form, { schema: roleSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply(), removeError: undefined }, { status: 400 });
  const outcome = await replyOnFailure(submission, () => updateRole(db(), person.id, edition.id, id, submission.value));
  if (!outcome.ok) return outcome.response;
  return redirect(`${back}#role-${id}`);
}

export default function VolunteerRole() {
  const { edition, role, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>
        <Localized value={role.name} />
      </h1>
      <p>
        <Link to={`/office/editions/${edition.slug}/volunteers/roles`}>{t('volunteers:roles.back')}</Link>
      </p>
      <RoleForm lastResult={data && 'result' in data ? data.result : undefined} defaultValue={values} submit={t('volunteers:save')} />
      <section aria-labelledby="remove-role">
        <h2 id="remove-role">{t('volunteers:roles.remove')}</h2>
        <FormAlert message={data && 'removeError' in data ? data.removeError : undefined} />
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="secondary">
            {t('volunteers:roles.remove')}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
