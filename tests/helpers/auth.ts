import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

async function latestSignInLink(mailDir: string, email: string, after: number): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort().reverse() : [];
    for (const file of files) {
      const full = path.join(mailDir, file);
      if (fs.statSync(full).mtimeMs < after) continue;
      const mail = await simpleParser(fs.readFileSync(full));
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(',') : (mail.to?.text ?? '');
      const link = (mail.text ?? '').split(/\s+/).find((w) => w.includes('/login/verify?token='));
      if (to.includes(email) && link) return link;
    }
    if (Date.now() > until) throw new Error(`no sign-in mail for ${email} in ${mailDir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Signs in through the real email-link flow of a server started by startServer() (which
 * writes mail to files under `mailDir`). Returns the Cookie header value of the session.
 */
export async function signIn(serverUrl: string, mailDir: string, email: string): Promise<string> {
  const started = Date.now() - 1000;
  const asked = await fetch(`${serverUrl}/login`, { method: 'POST', body: new URLSearchParams({ email }), redirect: 'manual' });
  if (asked.status !== 200) throw new Error(`POST /login answered ${asked.status}`);
  const link = new URL(await latestSignInLink(mailDir, email, started));
  const token = link.searchParams.get('token')!;
  const verified = await fetch(`${serverUrl}/login/verify`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
  const cookie = verified.headers.get('set-cookie');
  if (verified.status !== 302 || !cookie) throw new Error(`sign-in failed: ${verified.status}`);
  return cookie.split(';')[0]!;
}

/** The same cookie as a Playwright cookie for browser.newContext().addCookies(). */
export function browserCookie(serverUrl: string, cookieHeader: string) {
  const [name, ...rest] = cookieHeader.split('=');
  return { name: name!, value: rest.join('='), url: serverUrl };
}
