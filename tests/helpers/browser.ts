import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (installed by apt, never downloaded), headless, with the network quiet.
 * `extraArgs`: e.g. a fake camera playing a file (`--use-fake-device-for-media-stream`,
 * `--use-file-for-fake-video-capture=<file.y4m>`).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/**
 * A video file for Chromium's fake camera: one still frame (Y4M, 4:2:0) showing a grey picture
 * given as raw 8-bit luma, `width` × `height` (both even). Chromium plays it in a loop.
 */
export function stillFrameY4m(luma: Buffer, width: number, height: number): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([header, luma, chroma]);
}

/** Waits (briefly) until the locator is visible; fails the test with the locator's name if not. */
export async function expectVisible(locator: import('playwright-core').Locator, timeout = 5_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}
