// The bridge end to end on a happy-dom page: data-layer pushes → rules → core's engine → a
// recording Segment stub (other vendors: bridge-vendors.test.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/default-rules';
import { DEFAULT_EVENTS } from '../../src/bridge/snippet';
import { argumentsOf, newPage, segmentPage, segmentStub, startOn } from './harness';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const signIn = { event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com', traits: { plan: 'pro' } };

describe('default rules (no rules configured)', () => {
  it('user_sign_in, user_sign_up and user_identify identify with user_id or userId, email, traits and tags', async () => {
    const { calls, push, bridge } = segmentPage();
    push(signIn);
    push({ event: 'user_sign_up', userId: 'u2', tags: 'vip, brand=Audi' });
    push({ event: 'user_identify', userId: 7, traits: { firstName: 'Ann' } });
    const outcomes = await bridge.flush();
    expect(outcomes.map((o) => o.results[0].status)).toEqual(['sent', 'sent', 'sent']);
    expect(calls).toEqual([
      ['identify', 'u1', { plan: 'pro', email: 'ann@example.com' }],
      ['identify', 'u2', { brand: 'Audi', tags: ['vip'] }],
      ['identify', '7', { firstName: 'Ann' }],
    ]);
  });

  it('user_logout resets', async () => {
    const { calls, push, bridge } = segmentPage();
    push(signIn, { event: 'user_logout' });
    await bridge.flush();
    expect(calls.map((call) => call[0])).toEqual(['identify', 'reset']);
  });

  it('other events and pushes without an event trigger nothing', async () => {
    const { calls, push, bridge } = segmentPage();
    push({ event: 'page_view', user_id: 'u1' }, { user_id: 'u1' }, { event: 'USER_SIGN_IN', user_id: 'u1' });
    expect(await bridge.flush()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('defaultRules: false leaves only the configured rules', async () => {
    const { calls, push, bridge } = segmentPage({ defaultRules: false, rules: [{ event: 'login', userId: 'uid' }] });
    push(signIn, { event: 'login', uid: 'u9' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u9', {}]]);
  });

  it('the snippet matches the default rules by the events core runs them for, in their order', () => {
    expect(DEFAULT_EVENTS).toEqual(DEFAULT_RULES.map((rule) => rule.event));
  });
});

describe('configured rules', () => {
  it('read the user id, email, traits and tags from dotted paths of the message', async () => {
    const { calls, push, bridge } = segmentPage({
      rules: [{ event: 'lead', userId: 'user.id', email: 'user.contact.email', traits: { brand: 'oemname', seats: 'car.seats', doors: { path: 'car.doors', type: 'number' } }, tags: ['dealer'] }],
    });
    push({ event: 'lead', user: { id: 'u5', contact: { email: 'bo@example.com' } }, oemname: 'Audi', car: { seats: 5, doors: '4' }, dealer: 'North' });
    await bridge.flush();
    // Mapped traits are text unless the mapping gives a type (core's key mapping rule).
    expect(calls).toEqual([['identify', 'u5', { brand: 'Audi', seats: '5', doors: 4, email: 'bo@example.com', dealer: 'North' }]]);
  });

  it('tags given as an object name the path of each tag', async () => {
    const { calls, push, bridge } = segmentPage({ rules: [{ event: 'lead', tags: { brand: 'car.make' } }] });
    push({ event: 'lead', car: { make: 'Audi' } });
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi' }]]);
  });

  it('come before the defaults, and the first matching rule wins', async () => {
    const { calls, push, bridge } = segmentPage({
      rules: [{ event: 'user_sign_in', action: 'reset' }, { event: 'user_sign_in', userId: 'other' }],
    });
    push(signIn);
    await bridge.flush();
    expect(calls).toEqual([['reset']]);
  });

  it('match a regular expression against the event name, flags included, every time', async () => {
    const { calls, push, bridge } = segmentPage({ rules: [{ event: /^lead_(form|call)$/gi, userId: 'uid' }] });
    push({ event: 'LEAD_FORM', uid: 'a' }, { event: 'lead_call', uid: 'b' }, { event: 'lead_call', uid: 'c' }, { event: 'lead_chat', uid: 'd' });
    await bridge.flush();
    expect(calls.map((call) => call[1])).toEqual(['a', 'b', 'c']);
  });

  it('a gtag event command counts as a message with its parameters', async () => {
    const { calls, bridge, gtag } = segmentPage();
    gtag('event', 'user_sign_in', { user_id: 'u3' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u3', {}]]);
  });

  it('the user id is hashed when userIdHash asks for it, and a logout pushed right after waits for that identify', async () => {
    const { calls, push, bridge } = segmentPage({ userIdHash: 'sha256' });
    push({ event: 'user_sign_in', user_id: 'u1' }, { event: 'user_logout' });
    const outcomes = await bridge.flush();
    expect(outcomes).toHaveLength(2);
    expect(calls).toEqual([
      ['identify', 'bb82030dbc2bcaba32a90bf2e207a84a856fc5f033b77c480836ab6f77f40f19', {}],
      ['reset'],
    ]);
  });

  it('useEmailAsUserId makes the email the user id', async () => {
    const { calls, push, bridge } = segmentPage({ useEmailAsUserId: true });
    push({ event: 'user_sign_in', email: ' Ann@Example.com ' });
    await bridge.flush();
    expect(calls[0][1]).toBe('ann@example.com');
  });
});

describe('message or model as the source of values', () => {
  const history = [{ event: 'get_dealer_details', brand: 'Audi' }];

  it('by default a rule reads the message, so a brand pushed earlier never leaks into a later identify', async () => {
    const { calls, push, bridge } = segmentPage({ rules: [{ event: 'user_sign_in', tags: ['brand'] }] }, [...history]);
    push({ event: 'user_sign_in', user_id: 'u1' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', {}]]);
  });

  it('a rule with source model reads the merged data model, earlier pushes included', async () => {
    const { calls, push, bridge } = segmentPage({ rules: [{ event: 'user_sign_in', tags: ['brand'], source: 'model' }] }, [...history]);
    push({ user: { id: 'u1' } }, { event: 'user_sign_in', user_id: 'u1' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { brand: 'Audi' }]]);
  });

  // The merge into the model waits until a rule reads it (src/bridge/datalayer/watch.ts).
  const modelRule = { rules: [{ event: 'lead', traits: { plan: 'account.plan', seats: 'car.options.seats' }, source: 'model' as const }] };

  it('a model rule reads a key set three pushes earlier', async () => {
    const { calls, push, bridge } = segmentPage(modelRule);
    push({ account: { plan: 'pro' } }, { page: '/a' }, { event: 'page_view', page: '/b' });
    push({ event: 'lead', userId: 'u1' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'pro' }]]);
  });

  it('a page that changes an object after pushing it is seen with the change by the next rule that reads the model', async () => {
    const { calls, push, bridge } = segmentPage(modelRule);
    const account = { plan: 'pro' };
    push({ account });
    account.plan = 'enterprise'; // GTM's model would still say 'pro'
    push({ event: 'lead', userId: 'u1' });
    account.plan = 'basic'; // after the rule read the model: not seen
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'enterprise' }]]);
  });

  it('a nested _clear replaces instead of merging, as in the helper, also when the merge waited', async () => {
    const { calls, push, bridge } = segmentPage(modelRule);
    push({ account: { plan: 'pro' }, car: { options: { seats: 5, roof: 'glass' } } });
    push({ car: { _clear: true, options: { roof: 'steel' } } }, { account: { plan: 'basic' } });
    push({ event: 'lead', userId: 'u1' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'basic' }]]);
  });
});

describe('history and the data layer', () => {
  it('runs rules for messages pushed before it started, in order (listenToPast defaults to true)', async () => {
    const { calls, bridge } = segmentPage({}, [{ event: 'gtm.js' }, signIn, { event: 'user_logout' }]);
    await bridge.flush();
    expect(calls.map((call) => call[0])).toEqual(['identify', 'reset']);
  });

  it('with listenToPast false ignores the history but still merges it', async () => {
    const { calls, push, bridge } = segmentPage({ listenToPast: false, rules: [{ event: 'go', tags: ['brand'], source: 'model' }] }, [
      { brand: 'Audi' }, signIn,
    ]);
    expect(await bridge.flush()).toEqual([]);
    push({ event: 'go' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'pro', email: 'ann@example.com', brand: 'Audi' }]]);
  });

  it('uses a data layer of another name, creating it when missing', async () => {
    const { win, calls, bridge } = segmentPage({ dataLayerName: 'appLayer' });
    expect(Array.isArray(win.appLayer)).toBe(true);
    win.appLayer.push(signIn);
    await bridge.flush();
    expect(calls).toHaveLength(1);
  });

  it('keeps the push it wrapped first and returns its result', async () => {
    const { win } = newPage();
    segmentStub(win);
    const seen: unknown[] = [];
    win.dataLayer = [];
    win.dataLayer.push = function (...items: unknown[]) {
      seen.push(...items);
      return Array.prototype.push.apply(this, items) + 100;
    };
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }] });
    expect(win.dataLayer.push(signIn)).toBe(101);
    expect(seen).toEqual([signIn]);
    expect(await bridge.flush()).toHaveLength(1);
  });

  it('a function message that throws does not stop the identify pushed after it', async () => {
    const { calls, push, bridge } = segmentPage();
    push(() => {
      throw new Error('page bug');
    }, signIn);
    await bridge.flush();
    expect(calls).toHaveLength(1);
  });

  it('a push made by a vendor call while a message is handled is handled after it', async () => {
    const { win, push, bridge } = segmentPage();
    const order: string[] = [];
    win.analytics.identify = (id: string) => {
      order.push('identify ' + id);
      if (id === 'u1') win.dataLayer.push({ event: 'user_identify', userId: 'u2' });
      order.push('end ' + id);
    };
    push(signIn);
    await bridge.flush();
    expect(order).toEqual(['identify u1', 'end u1', 'identify u2', 'end u2']);
  });

  it('stop() gives the data layer its push back and later pushes trigger nothing', async () => {
    const { win, calls, push, bridge } = segmentPage();
    bridge.stop();
    expect(Object.prototype.hasOwnProperty.call(win.dataLayer, 'push')).toBe(false);
    push(signIn);
    expect(await bridge.flush()).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('gtag, a replaced data layer and other push wrappers', () => {
  it('gtag pushes its arguments object: event parameters reach the identify, a model rule sees set values but not event parameters, other events trigger nothing', async () => {
    const { win, calls, bridge, gtag } = segmentPage({ rules: [{ event: 'lead', tags: ['brand'], traits: { plan: 'account.plan' }, source: 'model' }] });
    gtag('set', { account: { plan: 'pro' } });
    gtag('event', 'page_view', { page_path: '/cars' });
    gtag('event', 'lead', { brand: 'Audi' });
    gtag('event', 'user_identify', { user_id: 'u1', traits: { seats: '5' } });
    expect(Object.prototype.toString.call(win.dataLayer[0])).toBe('[object Arguments]');
    await bridge.flush();
    // gtag event parameters are the message only: commands other than set are not merged
    expect(calls).toEqual([['identify', { plan: 'pro' }], ['identify', 'u1', { seats: '5' }]]);
  });

  it('a data layer replaced after start is not followed: the array it started on keeps working, and tagged clicks are pushed there', async () => {
    const { win, calls, bridge } = segmentPage({ rules: [{ event: 'get_dealer_details', tags: ['brand'] }] });
    const watched = win.dataLayer;
    win.dataLayer = [];
    win.dataLayer.push(signIn);
    expect(await bridge.flush()).toEqual([]);
    watched.push({ event: 'user_identify', user_id: 'u2' });
    win.document.body.innerHTML = '<button data-identify-event="get_dealer_details" data-identify-brand="Audi">Get dealer details</button>';
    win.document.querySelector('button').click();
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u2', {}], ['identify', { brand: 'Audi' }]]);
    expect([...watched].pop()).toEqual({ event: 'get_dealer_details', brand: 'Audi' });
    expect([...win.dataLayer]).toEqual([signIn]);
  });

  it('stop() with a helper wrapped after the bridge keeps the chain whole: GTM and the helper see every push, the bridge sends nothing, a new start sends once', async () => {
    const { win } = newPage();
    const calls = segmentStub(win);
    const gtmSeen: unknown[] = [];
    const helperSeen: unknown[] = [];
    win.dataLayer = [];
    win.dataLayer.push = function (...items: unknown[]) {
      gtmSeen.push(...items);
      return Array.prototype.push.apply(this, items);
    };
    const first = startOn(win, { destinations: [{ vendor: 'segment' }] });
    const bridgePush = win.dataLayer.push;
    win.dataLayer.push = function (...items: unknown[]) {
      helperSeen.push(...items);
      return bridgePush.apply(this, items);
    };
    const helperPush = win.dataLayer.push;
    first.stop();
    expect(win.dataLayer.push).toBe(helperPush);
    expect(win.dataLayer.push(signIn)).toBe(1);
    expect(await first.flush()).toEqual([]);
    const second = startOn(win, { destinations: [{ vendor: 'segment' }], listenToPast: false });
    win.dataLayer.push({ event: 'user_identify', user_id: 'u2' });
    await second.flush();
    expect(calls).toEqual([['identify', 'u2', {}]]);
    expect(gtmSeen).toEqual([signIn, { event: 'user_identify', user_id: 'u2' }]);
    expect(helperSeen).toEqual(gtmSeen);
    expect(win.dataLayer).toHaveLength(2);
  });
});

describe('consent from gtag consent commands', () => {
  const consentPage = (whenDenied: 'drop' | 'wait') => segmentPage({ consent: { whenDenied } }, []);

  it('drops an identify while analytics_storage is denied and sends once it is granted', async () => {
    const { calls, push, bridge, gtag } = consentPage('drop');
    gtag('consent', 'default', { analytics_storage: 'denied' });
    push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('skipped');
    gtag('consent', 'update', { analytics_storage: 'granted' });
    push(signIn);
    await bridge.flush();
    expect(calls).toHaveLength(1);
  });

  it('with whenDenied wait sends the held identify when consent is granted later', async () => {
    const { calls, push, bridge, gtag } = consentPage('wait');
    gtag('consent', 'default', { analytics_storage: 'denied' });
    push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('queued');
    expect(calls).toEqual([]);
    gtag('consent', 'update', { analytics_storage: 'granted' });
    expect(calls).toEqual([['identify', 'u1', { plan: 'pro', email: 'ann@example.com' }]]);
  });

  it('a hashed sign-in and a logout held for consent run in push order once it is granted: identify, then reset', async () => {
    const { calls, push, bridge, gtag } = segmentPage({ consent: { whenDenied: 'wait' }, userIdHash: 'sha256' }, []);
    gtag('consent', 'default', { analytics_storage: 'denied' });
    push(signIn, { event: 'user_logout' });
    await bridge.flush();
    gtag('consent', 'update', { analytics_storage: 'granted' });
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map((call) => call.slice(0, 2))).toEqual([['identify', sha256('u1')], ['reset']]);
  });

  it('pushes made after the grant queue behind the held runs: id, reset, id, reset, id stay in that order', async () => {
    const { calls, push, bridge, gtag } = segmentPage({ consent: { whenDenied: 'wait' }, userIdHash: 'sha256' }, []);
    gtag('consent', 'default', { analytics_storage: 'denied' });
    push({ ...signIn, user_id: 'u1' });
    gtag('consent', 'update', { analytics_storage: 'granted' });
    push({ event: 'user_logout' }, { ...signIn, user_id: 'u2' }, { event: 'user_logout' }, { ...signIn, user_id: 'u3' });
    await bridge.flush();
    await vi.waitFor(() => expect(calls).toHaveLength(5));
    expect(calls.map((call) => call.slice(0, 2))).toEqual([
      ['identify', sha256('u1')], ['reset'], ['identify', sha256('u2')], ['reset'], ['identify', sha256('u3')],
    ]);
  });

  it('reads the consent of the history also with listenToPast false', async () => {
    const { push, bridge, calls } = segmentPage({ consent: true, listenToPast: false }, [argumentsOf('consent', 'default', { analytics_storage: 'denied' })]);
    push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('skipped');
    expect(calls).toEqual([]);
  });

  it('says in debug mode that a consent command without default or update and an object is not one, and keeps the state it had', async () => {
    const { push, bridge, calls, gtag, logs } = segmentPage({ consent: true, debug: true }, []);
    gtag('consent', 'default', { analytics_storage: 'denied' });
    gtag('consent', 'grant', { analytics_storage: 'granted' });
    gtag('consent', 'update', 'granted');
    push(signIn);
    expect((await bridge.flush())[0].results[0].status).toBe('skipped');
    expect(calls).toEqual([]);
    expect(logs.filter((line) => line.includes("'consent' takes 'default' or 'update' and an object"))).toHaveLength(2);
  });

  it('reads consent from the whole history before running past rules', async () => {
    const { win } = newPage();
    const calls = segmentStub(win);
    win.dataLayer = [signIn, argumentsOf('consent', 'default', { analytics_storage: 'denied' })];
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }], consent: true });
    expect((await bridge.flush())[0].results[0].status).toBe('skipped');
    expect(calls).toEqual([]);
  });
});

describe('dedupe', () => {
  it('sends identical identifies in a row once, and again after a logout', async () => {
    const { calls, push, bridge } = segmentPage({ dedupe: true });
    push(signIn, signIn, { event: 'user_logout' }, signIn);
    await bridge.flush();
    expect(calls.map((call) => call[0])).toEqual(['identify', 'reset', 'identify']);
  });
});

describe('debug', () => {
  it('logs what each run did only when debug is on', async () => {
    const quiet = segmentPage();
    quiet.push(signIn);
    await quiet.bridge.flush();
    expect(quiet.logs).toEqual([]);
    const loud = segmentPage({ debug: true });
    loud.push(signIn);
    await loud.bridge.flush();
    expect(loud.logs).toContain('gtm-identify segment sent: identify called on window.analytics');
  });
});
