// The built template run with GTM's APIs unmocked on an emulated page: every call goes through
// the declared ___WEB_PERMISSIONS___ (a missing one fails the run), vendor objects are page
// objects, scripts "load" by running a function against the window, consent and storage are
// the page's. Each run must end in exactly one gtmOnSuccess or gtmOnFailure.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPage, type TestPageOptions } from '../../src/toolchain/emulator';
import type { Permission } from '../../src/toolchain/permissions/codec';
import type { Field } from '../../src/toolchain/fields';
import { FIELDS } from '../../src/template/fields';
import { LIMITS } from '../../src/core/limits';
import { builtPermissions, runBuilt } from './built';

let permissions: Permission[] = [];

beforeAll(async () => {
  permissions = await builtPermissions();
}, 60_000);

/** `data` as GTM fills it from the fields' defaults (unticked checkboxes are false), then `values`. */
function tagData(values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const visit = (fields: readonly Field[]) => {
    for (const field of fields) {
      if (field.type === 'CHECKBOX') data[field.name] = field.defaultValue ?? false;
      else if (field.defaultValue !== undefined) data[field.name] = field.defaultValue;
      visit(field.subParams ?? []);
    }
  };
  visit(FIELDS);
  return { ...data, ...values };
}

/** A page function that records its calls. */
function recorder(): ((...args: unknown[]) => unknown) & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const fn = (...args: unknown[]) => {
    calls.push(args);
    return undefined;
  };
  return Object.assign(fn, { calls });
}

function debugPage(options: TestPageOptions = {}) {
  return createTestPage({ ...options, container: { debugMode: true, ...options.container } });
}

async function run(values: Record<string, unknown>, page = debugPage(), granted = permissions) {
  const result = await runBuilt(tagData(values), { permissions: granted, page });
  expect(result.error).toBeUndefined();
  expect(result.successCalls + result.failureCalls).toBe(1);
  return result;
}

describe('each vendor, with permissions enforced', () => {
  it('segment: analytics.identify on the page receives the user id and traits', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { analytics: { identify } } });
    const result = await run({ sendSegment: true, userId: 'u-1', email: 'ann@example.com', traitRows: [{ key: 'plan', value: 'pro', type: 'text' }] }, page);
    expect(identify.calls).toEqual([['u-1', { plan: 'pro', email: 'ann@example.com' }]]);
    expect(result.successCalls).toBe(1);
  });

  it('segment: loads analytics.js from cdn.segment.com, and the loaded SDK finds the queued identify and write key', async () => {
    let queued: unknown;
    const url = 'https://cdn.segment.com/analytics.js/v1/wk_1/analytics.min.js';
    const page = debugPage({ scripts: { [url]: (win) => { queued = JSON.parse(JSON.stringify(win.analytics)); } } });
    const result = await run({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: 'wk_1', userId: 'u-1' }, page);
    expect(page.loadedScripts).toEqual([url]);
    expect(queued).toEqual([['identify', 'u-1', {}]]);
    expect((page.window.analytics as { _writeKey?: string })._writeKey).toBe('wk_1');
    expect(result.successCalls).toBe(1);
  });

  it('customer.io: cioanalytics.identify and cioanalytics.reset on the page', async () => {
    const identify = recorder();
    const reset = recorder();
    const page = debugPage({ globals: { cioanalytics: { identify, reset } } });
    await run({ sendCustomerio: true, userId: 'u-1' }, page);
    await run({ sendCustomerio: true, action: 'reset' }, page);
    expect(identify.calls).toEqual([['u-1', {}]]);
    expect(reset.calls).toEqual([[]]);
  });

  it('gist: gist.identify with snake_case properties, and chat shutdown on reset', async () => {
    const identify = recorder();
    const chat = recorder();
    const page = debugPage({ globals: { gist: { identify, chat } } });
    await run({ sendGist: true, userId: 'u-1', email: 'ann@example.com', traitRows: [{ key: 'firstName', value: 'Ann', type: 'text' }] }, page);
    await run({ sendGist: true, action: 'reset' }, page);
    expect(identify.calls).toEqual([['u-1', { email: 'ann@example.com', first_name: 'Ann', name: 'Ann' }]]);
    expect(chat.calls).toEqual([['shutdown']]);
  });

  it('gist: without Gist on the page, loads widget.getgist.com with its app id queued first', async () => {
    const page = debugPage({ scripts: { 'https://widget.getgist.com/': () => undefined } });
    await run({ sendGist: true, gistLoadScript: true, gistAppId: 'app42', userId: 'u-1', email: 'ann@example.com' }, page);
    expect(page.loadedScripts).toEqual(['https://widget.getgist.com/']);
    expect(page.window.gist).toEqual([['setAppId', 'app42'], ['trackPageView'], ['identify', 'u-1', { email: 'ann@example.com' }]]);
  });

  it('mutiny: mutiny.client.identify with null for an anonymous visitor', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { mutiny: { client: { identify } } } });
    await run({ sendMutiny: true, email: 'ann@example.com' }, page);
    expect(identify.calls).toEqual([[null, { email: 'ann@example.com' }]]);
  });

  it("connecto: _connecto.identify with Connecto's anonymous id", async () => {
    const identify = recorder();
    const page = debugPage({ globals: { _connecto: { identify, getIdentity: () => 'anon-7' } } });
    await run({ sendConnecto: true, traitRows: [{ key: 'age', value: '42', type: 'number' }] }, page);
    expect(identify.calls).toEqual([['anon-7', { age: '42' }]]);
  });

  it('connecto: waits a bounded time for Connecto, then fails once without hanging', async () => {
    let now = 1_700_000_000_000;
    const page = debugPage({ now: () => (now += 50) });
    const result = await run({ sendConnecto: true, connectoWaitMs: '500', userId: 'u-1' }, page);
    expect(result.failureCalls).toBe(1);
  });

  it("antsomi: builds web_event's arguments queue, sets the ids and loads insight.js", async () => {
    const page = debugPage({ scripts: { 'https://st-a.cdp.asia/insight.js': () => undefined } });
    await run({ sendAntsomi: true, antsomiLoadScript: true, antsomiPortalId: '123', antsomiPropertyId: '456', event: 'sign_in', email: 'ann@example.com' }, page);
    const webEvent = page.window.web_event as { queue: IArguments[]; track: unknown; propId: string };
    const cid = createHash('md5').update('ann@example.com').digest('hex');
    expect(webEvent.queue.map((args) => Array.from(args))).toEqual([['user', 'sign_in', {
      items: [], dims: { customers: { type: 'customers', customer_id: cid, email: 'ann@example.com' } }, extra: { identify_id: cid, identify_event: 'sign_in' },
    }]]);
    expect(webEvent.track).toBe(page.window.web_event);
    expect([page.window._portalId, page.window._propId, webEvent.propId]).toEqual(['123', '456', '456']);
    expect(page.loadedScripts).toEqual(['https://st-a.cdp.asia/insight.js']);
  });
});

describe('scripts that fail to load', () => {
  // No script is registered on these pages, so every injectScript fails as a blocked URL would.
  const loaders = {
    sendCustomerio: true, customerioLoadScript: true, customerioWriteKey: 'wk_1',
    sendGist: true, gistLoadScript: true, gistAppId: 'app42',
    sendAntsomi: true, antsomiLoadScript: true, antsomiPortalId: '123', antsomiPropertyId: '456',
    sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: 'lic_1',
  };
  const user = { userId: 'u-1', email: 'ann@example.com' };

  it('customer.io, gist, connecto and antsomi report their failed script and the vendor on the page still gets its identify', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { mutiny: { client: { identify } } } });
    const result = await run({ sendMutiny: true, ...user, ...loaders }, page);
    expect(identify.calls).toEqual([['u-1', { email: 'ann@example.com' }]]);
    expect(result.successCalls).toBe(1);
    expect(result.logs.filter((line) => line.includes('failed to load')).map((line) => line.split(' ')[1])).toEqual(['customerio', 'gist', 'connecto', 'antsomi']);
  });

  it('fails the tag once when every vendor’s script fails to load', async () => {
    const result = await run({ ...user, ...loaders }, debugPage());
    expect(result.failureCalls).toBe(1);
    expect(result.logs).toContain("gtm-identify customerio failed: queued, but Customer.io's script failed to load (https://cdp.customer.io/v1/analytics-js/snippet/wk_1/analytics.min.js)");
  });

  it('antsomi: refuses to load with a portal id that is not numeric, says why and fails', async () => {
    const page = debugPage();
    const result = await run({ sendAntsomi: true, antsomiLoadScript: true, antsomiPortalId: '12a', antsomiPropertyId: '456', email: 'ann@example.com' }, page);
    expect(result.failureCalls).toBe(1);
    expect(result.logs).toEqual(['gtm-identify antsomi failed: cannot load: portal id and property id must be numeric']);
    expect(page.loadedScripts).toEqual([]);
  });
});

describe('permissions and platform APIs', () => {
  it('a script whose URL the permissions do not cover is not loaded: no GTM error, debug mode says why and the tag fails', async () => {
    const withoutSegment = permissions.map((p) => p.publicId !== 'inject_script' ? p
      : { ...p, params: { urls: (p.params as { urls: string[] }).urls.filter((u) => !u.includes('segment')) } });
    const page = debugPage();
    const result = await runBuilt(tagData({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: 'wk_1', userId: 'u-1' }), {
      permissions: withoutSegment, page,
    });
    expect(result.error).toBeUndefined();
    expect(result.logs[0]).toBe('gtm-identify error: injectScript https://cdn.segment.com/analytics.js/v1/wk_1/analytics.min.js'
      + ' is not in this template\'s permissions; not done');
    expect(page.loadedScripts).toEqual([]);
    expect(result.failureCalls).toBe(1);
  });

  /** The template's permissions with `change` applied to each entry of `publicId`'s `list`. */
  const editedEntries = (publicId: string, list: string, change: (entry: Record<string, unknown>) => Record<string, unknown> | null) =>
    permissions.map((p) => p.publicId !== publicId ? p : {
      ...p, params: { ...p.params, [list]: (p.params[list] as Record<string, unknown>[]).map(change).filter((e) => e !== null) },
    } as Permission);

  it('a page function the permissions do not let it call is not called and the vendor is not reported sent: no GTM error, debug mode says why and the tag fails', async () => {
    const identify = recorder();
    const noExecute = editedEntries('access_globals', 'keys', (e) => (e.key === 'analytics.identify' ? { ...e, execute: false } : e));
    const page = debugPage({ globals: { analytics: { identify } } });
    const result = await runBuilt(tagData({ sendSegment: true, userId: 'u-1' }), { permissions: noExecute, page });
    expect(result.error).toBeUndefined();
    expect(result.logs).toEqual([
      'gtm-identify error: callInWindow analytics.identify is not in this template\'s permissions; not done',
      'gtm-identify segment failed: callInWindow analytics.identify is not in this template\'s permissions',
    ]);
    expect(identify.calls).toEqual([]);
    expect(result.failureCalls).toBe(1);
    expect(result.successCalls).toBe(0);
  });

  it('a consent type the permissions do not let it read counts as not granted: no GTM error, debug mode says why', async () => {
    const identify = recorder();
    const noAnalytics = editedEntries('access_consent', 'consentTypes', (e) => (e.consentType === 'analytics_storage' ? null : e));
    const page = debugPage({ globals: { analytics: { identify } }, consent: { analytics_storage: 'granted' } });
    const result = await runBuilt(tagData({ sendSegment: true, userId: 'u-1', consentRequired: true, consentWhenDenied: 'drop' }), {
      permissions: noAnalytics, page,
    });
    expect(result.error).toBeUndefined();
    expect(result.logs).toEqual([
      'gtm-identify error: isConsentGranted analytics_storage is not in this template\'s permissions; not done',
      'gtm-identify info: consent analytics_storage denied; nothing sent',
    ]);
    expect(identify.calls).toEqual([]);
    expect(result.successCalls).toBe(1);
  });

  it('hashes with the real sha256 API as hex', async () => {
    const identify = recorder();
    await run({ sendSegment: true, userId: 'u-1', userIdHash: 'sha256' }, debugPage({ globals: { analytics: { identify } } }));
    expect(identify.calls).toEqual([[createHash('sha256').update('u-1').digest('hex'), {}]]);
  });

  it('reads the key mapping from the triggering data layer event', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { analytics: { identify } }, dataLayer: [{ event: 'get_dealer_details', oemname: 'Audi', user: { id: 'u-9' } }] });
    await run({
      sendSegment: true,
      keyMapping: [{ from: 'oemname', as: 'tag', to: 'brand', type: 'text' }, { from: 'user.id', as: 'userId', to: '', type: 'text' }],
    }, page);
    expect(identify.calls).toEqual([['u-9', { brand: 'Audi' }]]);
  });

  it('waits for consent, then sends once when it is granted, never twice', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { analytics: { identify } }, consent: { analytics_storage: 'denied' } });
    const result = await run({ sendSegment: true, userId: 'u-1', consentRequired: true, consentWhenDenied: 'wait' }, page);
    expect(result.successCalls).toBe(1);
    expect(identify.calls).toEqual([]);
    page.consent.update({ analytics_storage: 'granted' });
    await page.scheduler.drain();
    page.consent.update({ analytics_storage: 'denied' });
    page.consent.update({ analytics_storage: 'granted' });
    await page.scheduler.drain();
    expect(identify.calls).toEqual([['u-1', {}]]);
  });

  it('several tags waiting on one consent grant run in firing order: a hashed sign-in, then a logout, never the reverse', async () => {
    const order: string[] = [];
    const analytics = { identify: (id: string) => void order.push('identify ' + id), reset: () => void order.push('reset') };
    const page = debugPage({ globals: { analytics }, consent: { analytics_storage: 'denied' } });
    const waiting = { sendSegment: true, consentRequired: true, consentWhenDenied: 'wait' };
    await run({ ...waiting, userId: 'u1', userIdHash: 'sha256' }, page);
    await run({ ...waiting, action: 'reset' }, page);
    await run({ ...waiting, userId: 'u2', userIdHash: 'sha256' }, page);
    page.consent.update({ analytics_storage: 'granted' });
    await run({ ...waiting, action: 'reset' }, page);
    await page.scheduler.drain();
    const hex = (id: string) => createHash('sha256').update(id).digest('hex');
    expect(order).toEqual([`identify ${hex('u1')}`, 'reset', `identify ${hex('u2')}`, 'reset']);
  });

  it('skips an unchanged identify on a later run with the same localStorage, and a reset clears it', async () => {
    const identify = recorder();
    const reset = recorder();
    const page = debugPage({ globals: { analytics: { identify, reset } } });
    const values = { sendSegment: true, userId: 'u-1', dedupe: true };
    await run(values, page);
    await run(values, page);
    expect(identify.calls).toHaveLength(1);
    expect(page.localStorage?.getItem('gtm_identify_last')).toMatch(/^\{"segment":"[0-9a-f]{32}"\}$/);
    await run({ sendSegment: true, action: 'reset' }, page);
    await run(values, page);
    expect(identify.calls).toHaveLength(2);
    expect(reset.calls).toHaveLength(1);
  });

  it('logs to the console in preview mode only', async () => {
    const quiet = createTestPage();
    const loud = debugPage();
    await run({ userId: 'u-1' }, quiet);
    await run({ userId: 'u-1' }, loud);
    expect(quiet.consoleCalls).toEqual([]);
    expect(loud.consoleCalls).toContainEqual(['gtm-identify error: no destination to send to']);
  });

  it('survives data of the wrong shapes without throwing', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { analytics: { identify } } });
    const unusable = await run({ sendSegment: true, userId: { id: 1 }, traitRows: 'x', tagRows: 7, keyMapping: [{ from: 3 }, null], company: [1], companyRows: 'x', traitsObject: [] }, page);
    expect(unusable.failureCalls).toBe(1);
    expect(unusable.logs).toContain('gtm-identify error: user id must be text or a number, not object');
    const usable = await run({ sendSegment: true, sendGist: 'yes', action: 42, event: {}, userIdHash: 'rot13', gistWaitMs: -1, userId: 'u-1' }, page);
    expect(usable.successCalls).toBe(1);
    expect(usable.logs).toContain('gtm-identify warning: action "42" is not identify or reset; identify is used');
    expect(identify.calls).toEqual([['u-1', {}]]);
  });
});

describe('bounded input in GTM', () => {
  const many = (count: number, make: (i: number) => unknown) => Array.from({ length: count }, (_, i) => make(i));
  const CAP_WORDS = 'the rest left out';

  it('8,000 tag rows end in gtmOnSuccess with the tags up to the cap, and debug mode says the rest were left out', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { analytics: { identify } } });
    const result = await run({ sendSegment: true, userId: 'u-1', tagRows: many(8_000, (i) => ({ name: 't' + i, value: 'x' })) }, page);
    expect(result.successCalls).toBe(1);
    const traits = identify.calls[0][1] as Record<string, unknown>;
    expect(Object.keys(traits)).toHaveLength(LIMITS.tags);
    expect(result.logs).toContain(`gtm-identify warning: more than ${LIMITS.tags} tags; ${CAP_WORDS}`);
  });

  it('8,000 key mapping rows read the data layer only for the rows up to the cap, and debug mode says so', async () => {
    const identify = recorder();
    const message: Record<string, unknown> = { event: 'user_sign_in', k0: 'Audi' };
    const page = debugPage({ globals: { analytics: { identify } }, dataLayer: [message] });
    const result = await run({ sendSegment: true, userId: 'u-1', keyMapping: many(8_000, (i) => ({ from: 'k' + i, to: 'b' + i })) }, page);
    expect(result.successCalls).toBe(1);
    expect(identify.calls[0][1]).toEqual({ b0: 'Audi' });
    expect(result.calls.filter((call) => call.api === 'copyFromDataLayer')).toHaveLength(LIMITS.rows);
    expect(result.logs).toContain(`gtm-identify warning: key mapping has 8000 rows; only the first ${LIMITS.rows} are used`);
  });

  it('a 100,000-key traits variable sent to six vendors with dedupe ends in gtmOnSuccess, and debug mode names the cap', async () => {
    const traits: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) traits['k' + i] = 'v' + i;
    const identify = recorder();
    const page = debugPage({
      globals: {
        analytics: { identify }, cioanalytics: { identify: recorder() }, gist: { identify: recorder() },
        mutiny: { client: { identify: recorder() } }, _connecto: { identify: recorder() }, web_event: { track: recorder() },
      },
    });
    const result = await run({
      sendSegment: true, sendCustomerio: true, sendGist: true, sendMutiny: true, sendConnecto: true, sendAntsomi: true,
      dedupe: true, userId: 'u-1', email: 'ann@example.com', traitsObject: traits,
    }, page);
    expect(result.successCalls).toBe(1);
    expect(Object.keys(identify.calls[0][1] as object)).toHaveLength(LIMITS.values + 1); // + email
    expect(result.logs).toContain(`gtm-identify warning: more than ${LIMITS.values} values in traits; ${CAP_WORDS}`);
  });

  it('a trait longer than the text cap is left out, and debug mode says so instead of cutting it', async () => {
    const identify = recorder();
    const page = debugPage({ globals: { analytics: { identify } } });
    const result = await run({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'bio', value: 'x'.repeat(LIMITS.textLength + 1), type: 'text' }] }, page);
    expect(identify.calls).toEqual([['u-1', {}]]);
    expect(result.logs).toContain(`gtm-identify warning: traits row 1 (bio) is longer than ${LIMITS.textLength} characters; left out`);
  });
});
