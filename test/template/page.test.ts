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

describe('permissions and platform APIs', () => {
  it('GTM refuses a script whose URL the permissions do not cover', async () => {
    const withoutSegment = permissions.map((p) => p.publicId !== 'inject_script' ? p
      : { ...p, params: { urls: (p.params as { urls: string[] }).urls.filter((u) => !u.includes('segment')) } });
    const result = await runBuilt(tagData({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: 'wk_1', userId: 'u-1' }), {
      permissions: withoutSegment, page: debugPage(),
    });
    expect(result.error?.message).toMatch(/inject_script/);
    expect(result.error?.message).toContain('https://cdn.segment.com/analytics.js/v1/wk_1/analytics.min.js');
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
    const page = debugPage({ globals: { analytics: { identify: recorder() } } });
    await run({ sendSegment: true, userId: { id: 1 }, traitRows: 'x', tagRows: 7, keyMapping: [{ from: 3 }, null], company: [1], companyRows: 'x', traitsObject: [] }, page);
    await run({ sendSegment: true, sendGist: 'yes', action: 42, event: {}, userIdHash: 'rot13', gistWaitMs: -1, userId: 'u-1' }, page);
  });
});
