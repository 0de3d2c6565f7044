// The bridge with each vendor as a page has it: the real analytics.js clients of Segment and
// Customer.io (happy-dom, network stubbed at fetch, see test/core/real-sdk.ts), and Gist,
// Mutiny, Connecto and Antsomi through their documented snippet stubs and globals.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { realPage } from '../core/real-sdk';
import { newPage, startOn, unhandledRejections, type Win } from './harness';

const signIn = { event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com', traits: { plan: 'pro' }, tags: 'brand=Audi' };

/** What the vendor's page snippet does once its CDN script arrives: a script tag, then the bundle runs. */
function loadSdk(win: Win, src: string, bundle: string) {
  const script = win.document.createElement('script');
  script.src = src;
  win.document.head.appendChild(script);
  vm.runInThisContext(readFileSync(bundle, 'utf8'));
}

describe('real analytics.js clients', () => {
  it('segment: an identify pushed before analytics.js loads is sent once it loads; the anonymous id stays across re-identify; a logout clears the user', async () => {
    const { win, requests } = realPage('Segment.io');
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }] });
    const identifies = () => requests.filter((r) => r.url === 'https://api.segment.io/v1/i').map((r) => r.body);
    win.dataLayer.push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('queued');
    win.analytics._writeKey = 'k1';
    loadSdk(win, 'https://cdn.segment.com/analytics.js/v1/k1/analytics.min.js', 'node_modules/@segment/analytics-next/dist/umd/standalone.js');
    await vi.waitFor(() => expect(identifies()).toHaveLength(1), { timeout: 10_000 });
    expect(identifies()[0]).toMatchObject({
      type: 'identify', userId: 'u1', traits: { plan: 'pro', email: 'ann@example.com', brand: 'Audi' },
    });

    win.dataLayer.push({ event: 'user_identify', user_id: 'u1', traits: { plan: 'team' } });
    expect((await bridge.flush())[0].results[0].status).toBe('sent');
    await vi.waitFor(() => expect(identifies()).toHaveLength(2), { timeout: 10_000 });
    expect(identifies()[1]).toMatchObject({ userId: 'u1', traits: { plan: 'team' } });
    expect(identifies()[1].anonymousId).toBe(identifies()[0].anonymousId);

    win.dataLayer.push({ event: 'user_logout' }, { event: 'user_identify', traits: { visitor: true } });
    await bridge.flush();
    await vi.waitFor(() => expect(identifies()).toHaveLength(3), { timeout: 10_000 });
    expect(identifies()[2]).toMatchObject({ userId: null, traits: { visitor: true } });
    expect(identifies()[2].anonymousId).not.toBe(identifies()[0].anonymousId);
    expect(win.localStorage.getItem('ajs_user_id') ?? '').not.toContain('u1');
  });

  it('customer.io: an identify queued on the snippet global is sent by the real client with its traits', async () => {
    const { win, requests } = realPage('Customer.io Data Pipelines');
    const bridge = startOn(win, { destinations: [{ vendor: 'customerio', globalName: 'analytics', writeKey: 'k1' }] });
    win.dataLayer.push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('queued');
    win.analytics._writeKey = 'k1';
    loadSdk(win, 'https://cdp.customer.io/v1/analytics-js/snippet/k1/analytics.min.js', 'node_modules/@customerio/cdp-analytics-browser/dist/umd/standalone.js');
    const sent = () => requests.filter((r) => r.url === 'https://cdp.customer.io/v1/i').map((r) => r.body);
    await vi.waitFor(() => expect(sent()).toHaveLength(1), { timeout: 10_000 });
    expect(sent()[0]).toMatchObject({ type: 'identify', userId: 'u1', traits: { plan: 'pro', email: 'ann@example.com', brand: 'Audi' } });

    win.dataLayer.push({ event: 'user_identify', user_id: 'u1', traits: { plan: 'team' } });
    await bridge.flush();
    await vi.waitFor(() => expect(sent()).toHaveLength(2), { timeout: 10_000 });
    expect(sent()[1].anonymousId).toBe(sent()[0].anonymousId);
  });

  it("customer.io never sends through Segment's loaded client on window.analytics, and Segment still gets its own identify once", async () => {
    for (const customerio of [{ globalName: 'analytics', writeKey: 'cio1' }, { loadScript: true, writeKey: 'cio1' }, { globalName: 'analytics' }]) {
      const { win, requests } = realPage('Segment.io');
      win.analytics = Object.assign([], { _writeKey: 'k1' });
      loadSdk(win, 'https://cdn.segment.com/analytics.js/v1/k1/analytics.min.js', 'node_modules/@segment/analytics-next/dist/umd/standalone.js');
      await vi.waitFor(() => expect(typeof win.analytics.identify).toBe('function'));
      const bridge = startOn(win, { destinations: [{ vendor: 'customerio', ...customerio }, { vendor: 'segment' }] });
      win.dataLayer.push(signIn, { event: 'user_logout' });
      const [identify, logout] = await bridge.flush();
      expect(identify.results.map((r) => r.status)).toEqual(['failed', 'sent']);
      expect(logout.results.map((r) => r.status)).toEqual(['failed', 'sent']);
      const identifies = () => requests.filter((r) => r.url === 'https://api.segment.io/v1/i');
      await vi.waitFor(() => expect(identifies()).toHaveLength(1), { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(identifies()).toHaveLength(1);
      expect(requests.filter((r) => r.url.includes('customer.io'))).toEqual([]);
      expect(win.document.querySelectorAll('script[src*="customer.io"]')).toHaveLength(0);
    }
  });

  it('segment: an identify without a user id still goes to the user who signed in last, until a logout resets', async () => {
    const { win, requests } = realPage('Segment.io');
    win.analytics = Object.assign([], { _writeKey: 'k1' });
    loadSdk(win, 'https://cdn.segment.com/analytics.js/v1/k1/analytics.min.js', 'node_modules/@segment/analytics-next/dist/umd/standalone.js');
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }] });
    const identifies = () => requests.filter((r) => r.url === 'https://api.segment.io/v1/i').map((r) => r.body);
    win.dataLayer.push(signIn, { event: 'user_identify', traits: { brand: 'BMW' } });
    await bridge.flush();
    await vi.waitFor(() => expect(identifies()).toHaveLength(2), { timeout: 10_000 });
    expect(identifies()[1]).toMatchObject({ userId: 'u1', traits: { brand: 'BMW' } });
    win.dataLayer.push({ event: 'user_logout' }, { event: 'user_identify', traits: { brand: 'Audi' } });
    await bridge.flush();
    await vi.waitFor(() => expect(identifies()).toHaveLength(3), { timeout: 10_000 });
    expect(identifies()[2]).toMatchObject({ userId: null, traits: { brand: 'Audi' } });
  });
});

/** Gist's snippet stub: an array whose methods push [method, ...args]. */
function gistSnippet(win: Win) {
  const methods = ['trackPageView', 'identify', 'track', 'setAppId'];
  const gist = Object.assign([] as unknown[], { methods }) as unknown as unknown[] & Record<string, unknown>;
  for (const method of methods) {
    gist[method] = (...args: unknown[]) => {
      gist.push([method, ...args]);
      return gist;
    };
  }
  win.gist = gist;
  return gist;
}

describe('vendors through their stubs and globals', () => {
  it('gist: identify goes through the snippet stub with snake_case properties and the brand tag', async () => {
    const { win } = newPage();
    const gist = gistSnippet(win);
    const bridge = startOn(win, { destinations: [{ vendor: 'gist', waitMs: 0 }] });
    win.dataLayer.push({ ...signIn, traits: { firstName: 'Ann', plan: 'pro' } });
    win.dataLayer.push({ event: 'user_logout' });
    const outcomes = await bridge.flush();
    expect([...gist]).toEqual([['identify', 'u1', { email: 'ann@example.com', first_name: 'Ann', plan: 'pro', name: 'Ann', brand: 'Audi' }]]);
    expect(outcomes[1].results[0].status).toBe('skipped');
  });

  it('gist: a lead with an email but no user id is identified under the empty user id, and its labels are added to its tags', async () => {
    const { win } = newPage();
    const gist = gistSnippet(win);
    const bridge = startOn(win, { destinations: [{ vendor: 'gist' }] });
    win.dataLayer.push({ event: 'user_identify', email: 'ann@example.com', tags: 'newsletter' });
    expect((await bridge.flush())[0].results[0].status).toBe('sent');
    expect([...gist]).toEqual([['identify', '', { email: 'ann@example.com', tags: 'newsletter', overwrite_tags: false }]]);
  });

  it('mutiny: identify is called on mutiny.client, and the stub’s rejected promise stays handled', async () => {
    const { win } = newPage();
    const calls: unknown[][] = [];
    win.mutiny = { client: { identify: (...args: unknown[]) => {
      calls.push(args);
      return Promise.reject(new Error('Mutiny did not answer'));
    } } };
    const unhandled = await unhandledRejections(async () => {
      const bridge = startOn(win, { destinations: [{ vendor: 'mutiny' }] });
      win.dataLayer.push(signIn);
      expect((await bridge.flush())[0].results[0].status).toBe('sent');
    });
    expect(calls).toEqual([['u1', { plan: 'pro', email: 'ann@example.com', brand: 'Audi' }]]);
    expect(unhandled).toEqual([]);
  });

  it('connecto: waits for _connecto.identify to appear, then sends flat string traits, snake_case nested keys and each label as its own value', async () => {
    const { win } = newPage();
    const bridge = startOn(win, { destinations: [{ vendor: 'connecto', waitMs: 2000 }] });
    win.dataLayer.push({ ...signIn, traits: { plan: 'pro', seats: 5, homeAddress: { zipCode: '0150' } }, tags: 'brand=Audi, vip' });
    const calls: unknown[][] = [];
    setTimeout(() => {
      win._connecto = { identify: (...args: unknown[]) => calls.push(args) };
    }, 30);
    const [outcome] = await bridge.flush();
    expect(outcome.results[0].status).toBe('sent');
    expect(calls).toEqual([['u1', { plan: 'pro', seats: '5', home_address_zip_code: '0150', email: 'ann@example.com', brand: 'Audi', vip: 'vip' }]]);
  });

  it('connecto: gives up after waitMs when Connecto never comes', async () => {
    const { win } = newPage();
    const bridge = startOn(win, { destinations: [{ vendor: 'connecto', waitMs: 20 }] });
    win.dataLayer.push(signIn);
    const [outcome] = await bridge.flush();
    expect(outcome.ok).toBe(false);
    expect(outcome.results[0].message).toContain('within 20 ms');
  });

  it('antsomi: without the SDK, the call waits in the web_event stub it builds, with the md5 of the email as customer id', async () => {
    const { win } = newPage();
    const bridge = startOn(win, { destinations: [{ vendor: 'antsomi' }] });
    win.dataLayer.push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('queued');
    expect(typeof win.web_event).toBe('function');
    expect(win.web_event.track).toBe(win.web_event);
    const [args] = win.web_event.queue.map((entry: IArguments) => Array.from(entry));
    expect(args).toEqual(['user', 'sign_in', {
      items: [],
      dims: { customers: { type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', plan: 'pro', email: 'ann@example.com', brand: 'Audi' } },
      extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'sign_in' },
    }]);
  });

  it("antsomi: customerIdEmail 'asGiven' hashes the email with its case, as Antsomi's guide does", async () => {
    const { win } = newPage();
    const bridge = startOn(win, { destinations: [{ vendor: 'antsomi', customerIdEmail: 'asGiven' }] });
    win.dataLayer.push({ event: 'user_sign_in', email: 'Ann@Example.com' });
    await bridge.flush();
    const [args] = win.web_event.queue.map((entry: IArguments) => Array.from(entry));
    expect(args[2].extra.identify_id).toBe(createHash('md5').update('Ann@Example.com').digest('hex'));
  });

  it('antsomi: with the SDK loaded, track is called and a logout signs out and resets the anonymous id', async () => {
    const { win } = newPage();
    const calls: unknown[][] = [];
    const webEvent = Object.assign(() => undefined, {
      track: (...args: unknown[]) => calls.push(['track', ...args]),
      resetAnonymousUId: () => calls.push(['resetAnonymousUId']),
    });
    win.web_event = webEvent;
    const bridge = startOn(win, { destinations: [{ vendor: 'antsomi', vocabulary: 'template' }] });
    win.dataLayer.push(signIn, { event: 'user_logout' });
    await bridge.flush();
    expect(calls.map((call) => call.slice(0, 3))).toEqual([['track', 'user', 'sign_in'], ['track', 'user', 'sign_out'], ['resetAnonymousUId']]);
  });

  it('several vendors at once: one failing vendor does not stop the others', async () => {
    const { win } = newPage();
    const gist = gistSnippet(win);
    const bridge = startOn(win, { destinations: [{ vendor: 'gist' }, { vendor: 'antsomi', customerIdFrom: 'userId' }] });
    win.dataLayer.push({ event: 'user_sign_in', user_id: 'u1' });
    const [outcome] = await bridge.flush();
    expect(outcome.results.map((r) => r.status)).toEqual(['failed', 'queued']);
    expect([...gist]).toEqual([]);
    expect(win.web_event.queue).toHaveLength(1);
  });

  it('a vendor whose identify throws is reported failed with what it threw, and the other vendors are still sent', async () => {
    const { win } = newPage();
    win.analytics = { identify: () => { throw new Error('blocked by an extension'); } };
    const gist = gistSnippet(win);
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }, { vendor: 'gist' }] });
    win.dataLayer.push({ event: 'user_sign_in', userId: 'u-1', email: 'ann@example.com' });
    const [outcome] = await bridge.flush();
    expect(outcome.results[0]).toEqual({ vendor: 'segment', status: 'failed', message: 'analytics.identify threw: Error: blocked by an extension' });
    expect(outcome.results[1].status).toBe('sent');
    expect(gist).toHaveLength(1);
  });

  it('a reset that throws is reported failed too', async () => {
    const { win } = newPage();
    win.analytics = { reset: () => { throw new TypeError('nope'); } };
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }] });
    win.dataLayer.push({ event: 'user_logout' });
    const [outcome] = await bridge.flush();
    expect(outcome.results[0]).toEqual({ vendor: 'segment', status: 'failed', message: 'analytics.reset threw: TypeError: nope' });
    expect(outcome.ok).toBe(false);
  });
});

