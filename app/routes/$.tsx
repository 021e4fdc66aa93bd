import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';

/** Every URL no other route claims: a 404 with a page in the visitor's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  throw json({ message: translator(locale)('errors.notFound.title') }, { status: 404 });
}

export const meta: MetaFunction = ({ error }) => [
  { title: (error as { data?: { message?: string } } | undefined)?.data?.message ?? '404' },
];

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
