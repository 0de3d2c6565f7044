// `npm run screenshots`: the docs' screenshots of the demo in Chromium → docs/screenshots/*.png.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium, signIn, waitForCalls } from '../src/demo/browser';
import { startDemo } from '../src/demo/server';
import { VENDORS } from '../src/demo/shared';

const root = process.cwd();
const dir = resolve(root, 'docs/screenshots');
await mkdir(dir, { recursive: true });
const [demo, browser] = await Promise.all([startDemo({ root }), launchChromium()]);
const fresh = async (query: string) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await page.goto(`${demo.url}/${query}`);
  return page;
};
const shot = async (page: Awaited<ReturnType<typeof fresh>>, name: string) => {
  await page.screenshot({ path: resolve(dir, name), fullPage: true });
  console.log(`wrote docs/screenshots/${name}`);
};
try {
  const page = await fresh('?via=container');
  await signIn(page);
  await waitForCalls(page, VENDORS.filter((v) => v !== 'antsomi'), 'identify');
  await page.waitForLoadState('networkidle');
  await shot(page, 'demo-sign-in.png');
  await page.evaluate(() => sessionStorage.removeItem('demo.received'));
  await page.click('a[href="/cars/audi-q5"]');
  await page.click('#dealer-tagged');
  await waitForCalls(page, VENDORS.filter((v) => v !== 'antsomi'), 'identify');
  await page.waitForLoadState('networkidle');
  await shot(page, 'demo-dealer-details.png');

  const denied = await fresh('?via=container&consent=denied');
  await signIn(denied);
  await denied.waitForFunction(() => (window as any).__demo.tagLog.some((t: { status: string }) => t.status !== 'running'));
  await shot(denied, 'demo-consent-denied.png');
} finally {
  await browser.close();
  await demo.close();
}
