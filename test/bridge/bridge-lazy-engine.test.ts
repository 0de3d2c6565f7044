// The snippet and its lazily loaded engine, as built, in happy-dom pages whose requests are
// answered from the built files: the engine is requested only for a message a rule may match,
// messages pushed while it loads are handed over in order and once, a failed load throws nothing
// at the page and the next matching message tries again, and the folder, preload and debug
// options do what they say.
import { beforeAll, describe, expect, it } from 'vitest';
import { bridgeIifes } from '../../src/bridge/build';
import { argumentsOf, runScript, servedPage, type Win } from './harness';

const CDN = 'https://cdn.example.com/gtm-identify/1.0/';
const SNIPPET = CDN + 'identify-bridge.min.js';
const ENGINE = CDN + 'identify-bridge.engine.segment.min.js';
const DEBUG_ENGINE = CDN + 'identify-bridge.engine.debug.min.js';
let dist: Record<string, string> = {};
beforeAll(async () => {
  const built = await bridgeIifes(process.cwd());
  dist = Object.fromEntries(built.map((b) => [b.file.replace(/^dist\//, ''), b.text]));
}, 60_000);

/** The built files as served from `folder`, less those named in `without`. */
const filesAt = (folder: string, without: string[] = []) =>
  Object.fromEntries(Object.entries(dist).filter(([name]) => !without.includes(name)).map(([name, text]) => [folder + name, text]));

/** A page with a Segment stub and the snippet from the CDN, started with `config` (Segment unless it says otherwise). */
async function lazyPage(config: Record<string, unknown> = {}, files = filesAt(CDN), history?: unknown[]) {
  const calls: unknown[][] = [];
  const page = await servedPage(files, (w) => {
    w.analytics = { identify: (...args: unknown[]) => calls.push(['identify', ...args]), reset: () => calls.push(['reset']) };
    if (history) w.dataLayer = history;
    w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }], ...config };
  }, SNIPPET);
  const bridge = page.win.identifyBridge.running;
  return { ...page, files, calls, bridge, push: (...messages: unknown[]) => page.win.dataLayer.push(...messages) };
}

const engineRequests = (requested: string[]) => requested.filter((url) => url.includes('.engine'));
const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the lazily loaded engine', () => {
  it('is never requested by a page whose pushes and clicks no rule matches', async () => {
    const { win, requested, push, bridge, calls } = await lazyPage({ clicks: [{ selector: '.cta', event: 'cta_click' }] });
    push({ event: 'gtm.js' }, { event: 'page_view', page: '/cars' }, { ecommerce: { items: [{ id: 1 }] } });
    win.document.body.innerHTML = '<button class="other">Buy</button>';
    win.document.querySelector('.other').click();
    expect(await bridge.flush()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requested).toEqual([SNIPPET]);
    expect(calls).toEqual([]);
  });

  it('is requested once for messages pushed while it loads, and gets them in order, each once', async () => {
    const { requested, push, bridge, calls } = await lazyPage();
    push({ event: 'user_sign_in', user_id: 'u1' });
    push({ event: 'user_logout' });
    push({ event: 'page_view' }, { event: 'user_identify', userId: 'u2' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', {}], ['reset'], ['identify', 'u2', {}]]);
    expect(engineRequests(requested)).toEqual([ENGINE]);
    push({ event: 'user_identify', userId: 'u3' });
    expect(calls).toHaveLength(4); // the engine is there: synchronous from now on
  });

  it('that fails to load throws nothing at the page, debug says why, and the next matching message tries again', async () => {
    const files = filesAt(CDN, ['identify-bridge.engine.debug.min.js']);
    const { requested, push, bridge, calls, logs, warnings } = await lazyPage({ debug: true }, files);
    await bridge.flush();
    expect(logs.join('\n')).toContain(`engine not loaded (the next match retries): ${DEBUG_ENGINE} failed (not found, offline or refused by a Content-Security-Policy)`);
    expect(() => push({ event: 'user_sign_in', user_id: 'u1' })).not.toThrow();
    await bridge.flush();
    expect(calls).toEqual([]);
    Object.assign(files, filesAt(CDN)); // the CDN is back
    push({ event: 'user_identify', userId: 'u2' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', {}], ['identify', 'u2', {}]]);
    expect(engineRequests(requested)).toEqual([DEBUG_ENGINE, DEBUG_ENGINE, DEBUG_ENGINE]); // debug's at start, u1's, u2's
    expect(warnings).toEqual([]);
  });

  it('comes from engineFolder when the config names one', async () => {
    const elsewhere = 'https://static.example.org/identify/';
    const { requested, push, bridge, calls } = await lazyPage({ engineFolder: elsewhere.slice(0, -1) }, { ...filesAt(CDN), ...filesAt(elsewhere) });
    push({ event: 'user_sign_in', user_id: 'u1' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', {}]]);
    expect(engineRequests(requested)).toEqual([elsewhere + 'identify-bridge.engine.segment.min.js']);
  });

  it('is loaded when the browser is idle with preload, before any matching message', async () => {
    const { requested, push, calls } = await lazyPage({ preload: true });
    await until(() => engineRequests(requested).length > 0);
    expect(engineRequests(requested)).toEqual([ENGINE]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    push({ event: 'user_sign_in', user_id: 'u1' });
    expect(calls).toEqual([['identify', 'u1', {}]]);
  });

  it('is the debug engine, loaded at start in debug mode, so that a problem only the engine checks is reported at once and the bridge stops', async () => {
    const { win, warnings, bridge, requested } = await lazyPage({ debug: true, rules: [{ event: 'lead', traits: { brand: 3 } }] });
    await bridge.flush();
    expect(engineRequests(requested)).toEqual([DEBUG_ENGINE]);
    expect(warnings).toEqual(['[identify-bridge] stopped, the config has problems: rule 1: trait "brand" must be a dotted path such as "user.id"']);
    expect(Object.prototype.hasOwnProperty.call(win.dataLayer, 'push')).toBe(false);
  });

  it('cannot be found by a snippet inlined without engineFolder, and debug says so', async () => {
    const { win, logs } = await servedPage(filesAt(CDN), (w: Win) => {
      w.analytics = { identify: () => undefined };
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }], debug: true };
    }, 'https://shop.example.com/nothing.js');
    runScript(win, dist['identify-bridge.min.js']);
    await win.identifyBridge.running.flush();
    expect(logs.join('\n')).toContain('engine not loaded (the next match retries): no script src to load it from: set engineFolder');
  });

  it('copies a message pushed while it loads when it has loaded, and one pushed once it is there at once: a change the page makes right after the push is seen only in the first case', async () => {
    const { push, bridge, calls } = await lazyPage({ rules: [{ event: 'lead', traits: { plan: 'account.plan' } }] });
    const first = { event: 'lead', userId: 'u1', account: { plan: 'basic' } };
    push(first);
    first.account.plan = 'pro'; // the engine is still loading
    await bridge.flush();
    const second = { event: 'lead', userId: 'u2', account: { plan: 'basic' } };
    push(second);
    second.account.plan = 'pro'; // the engine is there: the message was copied when pushed
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'pro' }], ['identify', 'u2', { plan: 'basic' }]]);
  });

  it('runs a match pushed while it loads with the consent pushed up to its arrival, the history\'s included', async () => {
    const { push, bridge, calls } = await lazyPage({ consent: true, listenToPast: false }, filesAt(CDN), [argumentsOf('consent', 'default', { analytics_storage: 'granted' })]);
    push({ event: 'user_sign_in', user_id: 'u1' });
    push(argumentsOf('consent', 'update', { analytics_storage: 'denied' }));
    expect((await bridge.flush())[0].results[0].status).toBe('skipped');
    push(argumentsOf('consent', 'update', { analytics_storage: 'granted' }), { event: 'user_identify', userId: 'u2' });
    expect((await bridge.flush())[0].results[0].status).toBe('sent');
    expect(calls).toEqual([['identify', 'u2', {}]]);
  });

  it('sends a run held for consent when an update pushed after it loaded grants it', async () => {
    const { push, bridge, calls } = await lazyPage({ consent: { whenDenied: 'wait' } }, filesAt(CDN), [argumentsOf('consent', 'default', { analytics_storage: 'denied' })]);
    push({ event: 'user_sign_in', user_id: 'u1' });
    expect((await bridge.flush())[0].results[0].status).toBe('queued');
    expect(calls).toEqual([]);
    push(argumentsOf('consent', 'update', { analytics_storage: 'granted' }));
    expect(calls).toEqual([['identify', 'u1', {}]]);
  });

  it('gets the model as it was at the matching message, although it arrives later', async () => {
    const { push, bridge, calls } = await lazyPage({ rules: [{ event: 'lead', traits: { plan: 'account.plan' }, source: 'model' }] });
    push({ account: { plan: 'pro' } }, { page: '/a' }, { page: '/b' });
    push({ event: 'lead', userId: 'u1' });
    push({ account: { plan: 'basic' } }); // before the engine is there
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'pro' }]]);
  });
});
