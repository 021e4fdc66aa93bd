import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { signOutHeaders } from '~/http/session.server';

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: await signOutHeaders(request) });
}

export function loader() {
  return redirect('/');
}
