// Debian's Chromium driven by playwright-core, for the end-to-end tests and the README
// screenshots (never a browser download: .ci/run installs the `chromium` package).
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DemoVendor, Received } from './shared';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Everything the vendors received in this tab so far. */
export function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('demo.received') ?? '[]'));
}

/** Waits until each vendor has received a call with this method. */
export async function waitForCalls(page: Page, vendors: readonly DemoVendor[], method: string): Promise<Received[]> {
  await page.waitForFunction(
    ({ vendors, method }) => {
      const calls = JSON.parse(sessionStorage.getItem('demo.received') ?? '[]') as { vendor: string; method: string }[];
      return vendors.every((v) => calls.some((c) => c.vendor === v && c.method === method));
    },
    { vendors, method },
  );
  return received(page);
}

/** Fills in and submits the sign-in form (the page pushes user_sign_in). */
export async function signIn(page: Page): Promise<void> {
  await page.click('#sign-in-button');
}
