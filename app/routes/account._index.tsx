import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Localized, useI18n } from '~/components/i18n';
import { FeeStatusTag } from '~/components/payments';
import { feesForPerson } from '~/domain/payments/overview.server';
import { db } from '~/utils/db.server';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';
import { requirePerson } from '~/utils/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const fees = await feesForPerson(db(), person.id);
  return json({ title: translator(locale)('auth:account.title'), person: { email: person.email, name: person.name, role: person.role }, fees });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Account() {
  const { person, fees } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('auth:account.title')}</h1>
      <p>{t('auth:account.signedInAs', { email: person.email })}</p>
      {fees.length > 0 ? (
        <section aria-labelledby="stand-fees">
          <h2 id="stand-fees">{t('payments:account.title')}</h2>
          <ul>
            {fees.map((f) => (
              <li key={f.registrationId}>
                <Link to={`/account/applications/${f.registrationId}/payment`}>
                  <Localized value={f.editionTitle} /> · {f.organisationName}
                </Link>{' '}
                <FeeStatusTag status={f.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
