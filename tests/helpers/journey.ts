/**
 * What a browser journey file starts before its tests and stops after: the real server on a
 * free port, Debian's Chromium and, when asked, a real SMTP server the app sends to. Call
 * `journey()` at the top of the file and read the parts in the tests (`app.server.url`).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startSmtpServer, type TestSmtp } from './mail';
import { startServer, type RunningServer } from './server';

export interface Journey {
  server: RunningServer;
  browser: Browser;
  /** only with `{ smtp: true }` */
  smtp: TestSmtp;
}

export function journey(options: { smtp?: boolean; env?: Record<string, string> } = {}): Journey {
  const parts = {} as Journey;
  beforeAll(async () => {
    if (options.smtp) parts.smtp = await startSmtpServer();
    const env = { ...(options.smtp ? { SMTP_URL: parts.smtp.url } : {}), ...options.env };
    [parts.server, parts.browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.server?.stop();
    await parts.smtp?.close();
  });
  return parts;
}

/** Keeps what the page reports as an error (console errors and uncaught exceptions) in `into`. */
export function recordBrowserErrors(page: Page, into: string[]): Page {
  page.on('console', (m) => (m.type() === 'error' ? into.push(m.text()) : undefined));
  page.on('pageerror', (e) => into.push(String(e)));
  return page;
}
