// The bridge's one-file build in real Chromium (issue 12): runs held for consent keep push
// order when it is granted, and a second start on the page gets the running bridge.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleIife } from '../../src/bridge/build';
import { inWords, snippetTable } from '../../src/bridge/snippet-codes';
import { launchChromium } from '../../src/demo/browser';

const ORIGIN = 'https://shop.example.test';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let browser: Browser;
let bridgeCode: string;

beforeAll(async () => {
  [browser, bridgeCode] = await Promise.all([launchChromium(), bundleIife(resolve(import.meta.dirname, '../..'), 'full').then((r) => r.text)]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** A page (https, so crypto.subtle works) with a recording Segment stub, the config, then the bridge. */
async function pageWith(config: Record<string, unknown>): Promise<{ page: Page; warnings: string[] }> {
  const page = await browser.newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const html = `<!doctype html><script>
    window.calls = [];
    window.analytics = { identify: (id) => calls.push('identify ' + id), reset: () => calls.push('reset') };
    window.dataLayer = [];
    window.gtag = function () { dataLayer.push(arguments); };
    gtag('consent', 'default', { analytics_storage: 'denied' });
    window.identifyBridgeConfig = ${JSON.stringify(config)};
  </script><script src="/bridge.js"></script>`;
  await page.route(`${ORIGIN}/**`, (route) => route.request().url().endsWith('/bridge.js')
    ? route.fulfill({ contentType: 'text/javascript', body: bridgeCode })
    : route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${ORIGIN}/`);
  return { page, warnings };
}

const callsOf = (page: Page, count: number) => page.waitForFunction((n) => (window as any).calls.length >= n, count)
  .then(() => page.evaluate(() => (window as any).calls as string[]));

describe('the bridge in Chromium', () => {
  it('runs a hashed sign-in and a logout held for consent in push order once it is granted, and later pushes queue behind them', async () => {
    const { page } = await pageWith({ destinations: [{ vendor: 'segment' }], consent: { whenDenied: 'wait' }, userIdHash: 'sha256' });
    await page.evaluate(() => {
      const w = window as any;
      w.dataLayer.push({ event: 'user_sign_in', user_id: 'u1' }, { event: 'user_logout' });
      w.gtag('consent', 'update', { analytics_storage: 'granted' });
      w.dataLayer.push({ event: 'user_sign_in', user_id: 'u2' }, { event: 'user_logout' }, { event: 'user_sign_in', user_id: 'u3' });
    });
    expect(await callsOf(page, 5)).toEqual([`identify ${sha256('u1')}`, 'reset', `identify ${sha256('u2')}`, 'reset', `identify ${sha256('u3')}`]);
    await page.close();
  }, 60_000);

  it('takes revoked Proxies (pushed, nested in a sign-in, in the history) without an exception on the page or a lost identify', async () => {
    const { page } = await pageWith({ destinations: [{ vendor: 'segment' }] });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const thrown = await page.evaluate(() => {
      const w = window as any;
      const revoked = () => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return proxy;
      };
      w.gtag('consent', 'update', { analytics_storage: 'granted' });
      try {
        w.dataLayer.push(revoked());
        w.dataLayer.push({ event: 'user_sign_in', user_id: 'u1', traits: { plan: 'pro', bad: revoked() } });
        // a second data layer whose history holds one: that bridge starts and identifies too
        w.otherLayer = [revoked()];
        w.identifyBridge.start({ destinations: [{ vendor: 'segment' }], dataLayerName: 'otherLayer' });
        w.otherLayer.push({ event: 'user_sign_in', user_id: 'u2' });
        return null;
      } catch (error) {
        return String(error);
      }
    });
    expect(thrown).toBeNull();
    expect(await callsOf(page, 2)).toEqual(['identify u1', 'identify u2']);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('returns the running bridge to a second start and says so in the console: one sign-in is identified once', async () => {
    const { page, warnings } = await pageWith({ destinations: [{ vendor: 'segment' }] });
    const same = await page.evaluate(() => {
      const w = window as any;
      const again = w.identifyBridge.start({ destinations: [{ vendor: 'segment' }] });
      w.dataLayer.push({ event: 'user_sign_in', user_id: 'u1' });
      return again === w.identifyBridge.running;
    });
    expect(same).toBe(true);
    expect(await callsOf(page, 1)).toEqual(['identify u1']);
    expect(await page.evaluate(() => (window as any).calls.length)).toBe(1);
    // the production build says it in codes, which the codes file (and the debug engine) put in words
    const table = await snippetTable(resolve(import.meta.dirname, '../..'));
    expect(warnings.map((line) => inWords(line, table))).toEqual(['[identify-bridge] already running on window.dataLayer: start() returns the running bridge; stop() it first to start another']);
    expect(warnings[0]).not.toContain('already running');
    await page.close();
  }, 60_000);
});
