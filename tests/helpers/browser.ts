import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by apt, never downloaded), headless, with the network quiet. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Waits (briefly) until the locator is visible; fails the test with the locator's name if not. */
export async function expectVisible(locator: import('playwright-core').Locator, timeout = 5_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}
