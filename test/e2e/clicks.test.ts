// Click tagging in real Chromium with the built bridge (IIFE) and real mouse clicks: page HTML
// may add tags to the visitor but never chooses who the visitor is.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleIife } from '../../src/bridge/build';
import { launchChromium } from '../../src/demo/browser';

let browser: Browser;
let bridge = '';

beforeAll(async () => {
  const built = await bundleIife(process.cwd(), 'full');
  expect(built.problems).toEqual([]);
  bridge = built.text;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A page running the bridge with a Segment stand-in that records analytics.identify/reset. */
async function open(body: string, config: Record<string, unknown> = {}): Promise<Page> {
  const page = await browser.newPage();
  const setup = 'window.calls = []; window.analytics = {identify: function () { calls.push(["identify"].concat([].slice.call(arguments))); },' +
    ' reset: function () { calls.push(["reset"]); }};' +
    'window.identifyBridgeConfig = ' + JSON.stringify({ destinations: [{ vendor: 'segment' }], ...config }) + ';';
  await page.setContent(`<!doctype html><html><body style="margin:0">${body}<script>${setup}</script><script>${bridge}</script></body></html>`);
  return page;
}

/** What the Segment stand-in received and what the data layer holds, once the bridge is idle. */
async function outcome(page: Page): Promise<{ calls: unknown[]; dataLayer: unknown[] }> {
  return page.evaluate(async () => {
    const win = window as unknown as { identifyBridge: { running: { flush(): Promise<unknown> } }; calls: unknown[]; dataLayer: unknown[] };
    await win.identifyBridge.running.flush();
    return { calls: win.calls, dataLayer: JSON.parse(JSON.stringify(win.dataLayer)) };
  });
}

const signIn = (page: Page) => page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'user_sign_in', user_id: 'u1' }));

describe('click tagging in Chromium', () => {
  it('an invisible full-page link tagged as a sign-in of someone else takes every click and identifies nobody', async () => {
    const page = await open('<a id="overlay" href="#" style="position:fixed;inset:0;opacity:0" data-identify-event="user_sign_in" ' +
      'data-identify-user_id="attacker-42" data-identify-email="attacker@evil.test">.</a><button style="margin:40px">Buy</button>');
    await signIn(page);
    await page.mouse.click(60, 60);
    await page.mouse.click(300, 200);
    expect(await outcome(page)).toEqual({ calls: [['identify', 'u1', {}]], dataLayer: [{ event: 'user_sign_in', user_id: 'u1' }] });
    await page.close();
  }, 30_000);

  it('a tagged logout link resets nobody, and a dotted attribute writes nothing into the data model', async () => {
    const page = await open('<a id="out" data-identify-event="user_logout">x</a>' +
      '<a id="promo" data-identify-event="promo" data-identify-user.id="attacker-42" data-identify-brand="Audi">promo</a>', {
      rules: [{ event: 'page_identify', source: 'model', userId: 'user.id', tags: ['brand'] }],
    });
    const push = (message: object) => page.evaluate((m) => (window as unknown as { dataLayer: unknown[] }).dataLayer.push(m), message);
    await push({ user: { id: 'u1' } });
    await page.click('#out');
    await page.click('#promo');
    await push({ event: 'page_identify' });
    expect((await outcome(page)).calls).toEqual([['identify', { brand: 'Audi' }], ['identify', 'u1', { brand: 'Audi' }]]);
    await page.close();
  }, 30_000);

  it('a tagged "Get Dealer Details" button no rule claims identifies the signed-in visitor with brand=Audi, inside clickContainer only', async () => {
    const button = (id: string) => `<button id="${id}" data-identify-event="get_dealer_details" data-identify-brand="Audi">Get dealer details</button>`;
    const page = await open(`<main>${button('dealer')}</main><aside>${button('ad')}</aside>`, { clickContainer: 'main' });
    await signIn(page);
    await page.click('#ad');
    await page.click('#dealer');
    const { calls, dataLayer } = await outcome(page);
    expect(calls).toEqual([['identify', 'u1', {}], ['identify', 'u1', { brand: 'Audi' }]]);
    expect(dataLayer).toEqual([{ event: 'user_sign_in', user_id: 'u1' }, { event: 'get_dealer_details', brand: 'Audi' }]);
    await page.close();
  }, 30_000);
});
