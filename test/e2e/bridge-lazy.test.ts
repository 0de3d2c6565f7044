// The snippet and its lazily loaded engine, as built, in Chromium: pages whose requests to
// https://shop.test/ are answered from the built files (the engine's answer can be held back, or
// be a 404), recording what is requested, what a Segment stand-in receives, what debug mode logs
// and whether the page saw an exception.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeIifes } from '../../src/bridge/build';
import { launchChromium } from '../../src/demo/browser';

const ORIGIN = 'https://shop.test';
const ENGINE = '/js/identify-bridge.engine.segment.min.js';
/** The engine the snippet loads when the config says debug: true. */
const DEBUG_ENGINE = '/js/identify-bridge.engine.debug.min.js';
let browser: Browser;
let files: Record<string, string> = {};

beforeAll(async () => {
  const [built, launched] = await Promise.all([bridgeIifes(process.cwd()), launchChromium()]);
  browser = launched;
  files = Object.fromEntries(built.map(({ file, text }) => [file.replace(/^dist\//, '/js/'), text]));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface ShopPage {
  page: Page;
  context: BrowserContext;
  requested: string[];
  logs: string[];
  pageErrors: string[];
  /** The engine's next answer: served (default), 404, or held until release() is called. */
  engine: { answer: 'serve' | '404' | 'hold'; release: () => void };
  /** What the Segment stand-in received: [method, ...args]. */
  calls(): Promise<unknown[][]>;
}

const PAGE = `<!doctype html><html><body>
  <button id="dealer" data-identify-event="get_dealer_details" data-identify-brand="Audi">Get Dealer Details</button>
  <button id="other">Other</button>
  <script>
    window.received = [];
    window.analytics = {
      identify: function () { received.push(['identify'].concat([].slice.call(arguments))); },
      reset: function () { received.push(['reset']); },
    };
    window.identifyBridgeConfig = Object.assign({
      destinations: [{ vendor: 'segment' }],
      rules: [{ event: 'get_dealer_details', tags: ['brand'] }],
    }, JSON.parse(new URLSearchParams(location.search).get('config') || '{}'));
  </script>
  <script src="/js/identify-bridge.min.js"></script>
</body></html>`;

/** A shop page started with `config`; `csp` is sent as the page's Content-Security-Policy, `engine` is the engine's first answer. */
async function shopPage(config: Record<string, unknown> = {}, { csp, engine: first = 'serve' }: { csp?: string; engine?: ShopPage['engine']['answer'] } = {}): Promise<ShopPage> {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const requested: string[] = [];
  const logs: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  let held: Array<() => void> = [];
  const engine: ShopPage['engine'] = { answer: first, release: () => held.splice(0).forEach((go) => go()) };
  // the shop, and a CDN elsewhere serving the same files
  await page.route(/^https:\/\/(shop|cdn\.elsewhere)\.test\//, async (route: Route) => {
    const path = new URL(route.request().url()).pathname;
    requested.push(path);
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE, headers: csp ? { 'content-security-policy': csp } : {} });
    if (path.includes('.engine') && engine.answer === '404') return route.fulfill({ status: 404, body: 'not found' });
    if (path.includes('.engine') && engine.answer === 'hold') await new Promise<void>((go) => held.push(go));
    const body = files[path];
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ contentType: 'text/javascript', body });
  });
  await page.goto(`${ORIGIN}/?config=${encodeURIComponent(JSON.stringify(config))}`);
  await page.waitForFunction(() => 'identifyBridge' in window);
  return { page, context, requested, logs, pageErrors, engine, calls: () => page.evaluate(() => (window as unknown as { received: unknown[][] }).received) };
}

const push = (page: Page, message: Record<string, unknown>) =>
  page.evaluate((m) => void (window as unknown as { dataLayer: unknown[] }).dataLayer.push(m), message);
const flush = (page: Page) => page.evaluate(() => (window as unknown as { identifyBridge: { running: { flush(): Promise<unknown> } } }).identifyBridge.running.flush().then(() => undefined));
const engineRequests = (requested: string[]) => requested.filter((path) => path.includes('.engine'));

describe('the lazily loaded engine in Chromium', () => {
  it('is never downloaded by a page whose pushes and clicks no rule matches', async () => {
    const shop = await shopPage();
    try {
      await push(shop.page, { event: 'page_view', page: '/cars/q5' });
      await push(shop.page, { event: 'gtm.click' });
      await shop.page.click('#other');
      await flush(shop.page);
      await shop.page.waitForTimeout(300);
      expect(shop.requested).toEqual(['/', '/js/identify-bridge.min.js']);
      expect(await shop.calls()).toEqual([]);
    } finally {
      await shop.context.close();
    }
  });

  it('sign-in → identify, logout → reset, a tagged click → identify with the brand, through the engine loaded on the first of them', async () => {
    const shop = await shopPage();
    try {
      await push(shop.page, { event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com' });
      await flush(shop.page);
      await push(shop.page, { event: 'user_logout' });
      await shop.page.click('#dealer');
      await flush(shop.page);
      expect(await shop.calls()).toEqual([['identify', 'u1', { email: 'ann@example.com' }], ['reset'], ['identify', { brand: 'Audi' }]]);
      expect(engineRequests(shop.requested)).toEqual([ENGINE]);
      expect(shop.pageErrors).toEqual([]);
    } finally {
      await shop.context.close();
    }
  });

  it('delivers pushes that arrive while the engine is loading after it arrived, in order and once', async () => {
    const shop = await shopPage();
    try {
      shop.engine.answer = 'hold';
      await push(shop.page, { event: 'user_sign_in', user_id: 'u1' });
      await shop.page.waitForFunction(() => document.querySelector('script[src*="engine"]') !== null);
      await push(shop.page, { event: 'user_logout' });
      await shop.page.click('#dealer');
      expect(await shop.calls()).toEqual([]);
      shop.engine.release();
      await flush(shop.page);
      expect(await shop.calls()).toEqual([['identify', 'u1', {}], ['reset'], ['identify', { brand: 'Audi' }]]);
      expect(engineRequests(shop.requested)).toEqual([ENGINE]);
    } finally {
      await shop.context.close();
    }
  });

  it('after a failed engine load throws nothing at the page, debug says why, and the next matching push loads it and delivers both', async () => {
    const shop = await shopPage({ debug: true }, { engine: '404' });
    try {
      await flush(shop.page); // debug loads the engine at start: a 404
      await push(shop.page, { event: 'user_sign_in', user_id: 'u1' });
      await flush(shop.page);
      expect(await shop.calls()).toEqual([]);
      expect(shop.logs.join('\n')).toContain(`[identify-bridge] engine not loaded (the next match retries): ${ORIGIN}${DEBUG_ENGINE} failed (not found, offline or refused by a Content-Security-Policy)`);
      shop.engine.answer = 'serve';
      await push(shop.page, { event: 'user_identify', userId: 'u2' });
      await flush(shop.page);
      expect(await shop.calls()).toEqual([['identify', 'u1', {}], ['identify', 'u2', {}]]);
      expect(engineRequests(shop.requested)).toEqual([DEBUG_ENGINE, DEBUG_ENGINE, DEBUG_ENGINE]);
      expect(shop.pageErrors).toEqual([]);
    } finally {
      await shop.context.close();
    }
  });

  it('refused by the page’s Content-Security-Policy throws nothing at the page and debug says why', async () => {
    const shop = await shopPage({ debug: true, engineFolder: 'https://cdn.elsewhere.test/js/' }, { csp: "script-src 'self' 'unsafe-inline'" });
    try {
      await flush(shop.page);
      await push(shop.page, { event: 'user_sign_in', user_id: 'u1' });
      await flush(shop.page);
      expect(shop.logs.join('\n')).toContain('[identify-bridge] engine not loaded (the next match retries): https://cdn.elsewhere.test/js/identify-bridge.engine.debug.min.js failed');
      expect(engineRequests(shop.requested)).toEqual([]); // Chromium refused it before any request
      expect(await shop.calls()).toEqual([]);
      expect(shop.pageErrors).toEqual([]);
    } finally {
      await shop.context.close();
    }
  });
});
