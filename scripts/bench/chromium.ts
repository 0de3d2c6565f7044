// A Chromium page for the bench whose requests to http://bench.test/ are answered from a map of
// files (path → body), recording every path requested. The browser comes from the project's
// launcher (src/demo/browser.ts).
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/demo/browser';

export const ORIGIN = 'http://bench.test';

export interface BenchPage {
  page: Page;
  /** the paths requested so far, in order */
  requested: string[];
}

export async function openPage(browser: Browser, files: Record<string, string>, html: string): Promise<BenchPage> {
  const page = await browser.newPage();
  const requested: string[] = [];
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    requested.push(path);
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
    const body = files[path];
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ contentType: 'text/javascript', body });
  });
  await page.goto(`${ORIGIN}/`);
  return { page, requested };
}

export { launchChromium };
