import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { acceptInvitation, getInvitation } from '~/domain/organisations/invitations.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { signInHeaders } from '~/http/session.server';
import { attempt } from '~/http/errors.server';

/**
 * The link in an invitation mail. Like the sign-in link, a GET only shows the page; the
 * button uses the invitation, signs the invitee in and makes them a contact person.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const title = translator(locale)('registration:invitation.title');
  const found = await attempt(() => getInvitation(db(), params.token ?? ''));
  if (!found.ok) return json({ title, invitation: null, problem: found.formError }, { status: found.status });
  return json({ title, invitation: { email: found.value.email, organisationName: found.value.organisationName }, problem: null });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ params, request }: ActionFunctionArgs) {
  const accepted = await attempt(() => acceptInvitation(db(), params.token ?? ''));
  if (!accepted.ok) return json({ problem: accepted.formError }, { status: accepted.status });
  return redirect(`/account/organisation?id=${accepted.value.organisationId}`, { headers: await signInHeaders(request, accepted.value.person.id) });
}

export default function Invitation() {
  const { invitation, problem } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('registration:invitation.title')}</h1>
      <FormAlert message={data?.problem ?? problem} />
      {invitation && !data?.problem ? (
        <Form method="post">
          <p>{t('registration:invitation.body', { organisation: invitation.organisationName, email: invitation.email })}</p>
          <button type="submit">{t('registration:invitation.accept')}</button>
        </Form>
      ) : (
        <p>
          <Link to="/login">{t('registration:invitation.signIn')}</Link>
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
