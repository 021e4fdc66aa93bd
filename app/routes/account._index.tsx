import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/components/i18n';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';
import { requirePerson } from '~/utils/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  return json({ title: translator(locale)('auth:account.title'), person: { email: person.email, name: person.name, role: person.role } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Account() {
  const { person } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('auth:account.title')}</h1>
      <p>{t('auth:account.signedInAs', { email: person.email })}</p>
      {person.role === 'organiser' ? (
        <p>
          <Link to="/office">{t('auth:account.office')}</Link>
        </p>
      ) : null}
      <Form method="post" action="/logout">
        <button type="submit" className="secondary">
          {t('auth:account.signOut')}
        </button>
      </Form>
    </>
  );
}
