// Core's Platform on a happy-dom window: copies across the boundary, script loading once per
// cache token, sha256, guarded storage, consent listeners, and page failures contained.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createPlatform } from '../../src/bridge/platform';
import { newPage, newWindow, unhandledRejections, type Win } from './harness';

function platformOn(options: { debug?: boolean; win?: Win } = {}) {
  const win = options.win ?? newPage().win;
  return { win, platform: createPlatform(win, { debug: options.debug ?? false }) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('window access', () => {
  it('calls the function at a dotted path on its owner, with copies of the arguments', () => {
    const { win, platform } = platformOn();
    const received: unknown[] = [];
    win.mutiny = { client: { name: 'client', identify(this: { name: string }, ...args: unknown[]) {
      received.push(this.name, ...args);
      (args[1] as Record<string, unknown>).changed = true;
    } } };
    const traits = { plan: 'pro' };
    platform.callInWindow('mutiny.client.identify', ['u1', traits]);
    expect(received).toEqual(['client', 'u1', { plan: 'pro', changed: true }]);
    expect(traits).toEqual({ plan: 'pro' });
  });

  it('returns undefined for a missing function and never walks through __proto__', () => {
    const { platform } = platformOn();
    expect(platform.callInWindow('nothing.here', [])).toBeUndefined();
    expect(platform.copyFromWindow('__proto__.toString')).toBeUndefined();
    expect(platform.setInWindow('__proto__.polluted', 1, true)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('contains a page function that throws and a promise it rejects, logging them in debug mode', async () => {
    const { win, platform } = platformOn({ debug: true });
    const logs: string[] = [];
    win.console.log = (line: string) => logs.push(line);
    win.thrower = () => {
      throw new Error('page bug');
    };
    win.rejecter = () => Promise.reject(new Error('no answer'));
    const unhandled = await unhandledRejections(async () => {
      expect(platform.callInWindow('thrower', [])).toBeUndefined();
      expect(platform.callInWindow('rejecter', [])).toBeUndefined();
    });
    expect(unhandled).toEqual([]);
    expect(logs).toEqual(['gtm-identify bridge: thrower threw: Error: page bug', 'gtm-identify bridge: rejecter rejected: Error: no answer']);
  });

  it('copyFromWindow copies data but hands over functions and SDK objects as they are', () => {
    const { win, platform } = platformOn();
    class Sdk {}
    win.data = { list: [1, { a: 2 }] };
    win.sdk = new Sdk();
    const copy = platform.copyFromWindow('data') as { list: unknown[] };
    copy.list.push(3);
    expect(win.data.list).toHaveLength(2);
    expect(platform.copyFromWindow('sdk')).toBe(win.sdk);
  });

  it('setInWindow keeps an existing value unless told to override', () => {
    const { win, platform } = platformOn();
    expect(platform.setInWindow('_portalId', '1', false)).toBe(true);
    expect(platform.setInWindow('_portalId', '2', false)).toBe(false);
    expect(platform.setInWindow('_portalId', '3', true)).toBe(true);
    expect(win._portalId).toBe('3');
  });

  it('createQueue pushes copies through the array’s own push', () => {
    const { win, platform } = platformOn();
    const push = platform.createQueue('gist');
    const item = ['identify', 'u1', { a: 1 }];
    push(item);
    (item[2] as Record<string, number>).a = 2;
    expect(win.gist).toEqual([['identify', 'u1', { a: 1 }]]);
  });

  it('createArgumentsQueue builds Antsomi’s stub: a function whose queue property collects arguments', () => {
    const { win, platform } = platformOn();
    const track = platform.createArgumentsQueue('web_event', 'web_event.queue');
    expect(platform.aliasInWindow('web_event.track', 'web_event')).toBe(true);
    track('user', 'sign_in', { x: 1 });
    win.web_event.track('user', 'identify');
    expect(win.web_event.queue.map((args: IArguments) => Array.from(args))).toEqual([['user', 'sign_in', { x: 1 }], ['user', 'identify']]);
  });
});

describe('injectScript', () => {
  it('adds one script element per cache token and tells every caller, asynchronously, once it loads', async () => {
    const win = newWindow({ settings: { handleDisabledFileLoadingAsSuccess: true } });
    const { platform } = platformOn({ win });
    const events: string[] = [];
    platform.injectScript('https://cdn.example.com/a.js', () => events.push('ok 1'), () => events.push('fail 1'), 'a');
    platform.injectScript('https://cdn.example.com/a.js', () => events.push('ok 2'), () => events.push('fail 2'), 'a');
    expect(events).toEqual([]);
    await vi.waitFor(() => expect(events).toEqual(['ok 1', 'ok 2']));
    platform.injectScript('https://cdn.example.com/a.js', () => events.push('ok 3'), () => events.push('fail 3'), 'a');
    await tick();
    expect(events).toEqual(['ok 1', 'ok 2', 'ok 3']);
    expect(win.document.querySelectorAll('script')).toHaveLength(1);
    expect(win.document.querySelector('script').src).toBe('https://cdn.example.com/a.js');
  });

  it('calls onFailure when the script cannot load', async () => {
    const { platform } = platformOn();
    const events: string[] = [];
    platform.injectScript('https://cdn.example.com/b.js', () => events.push('ok'), () => events.push('fail'), 'b');
    expect(events).toEqual([]);
    await vi.waitFor(() => expect(events).toEqual(['fail']));
  });
});

describe('sha256, storage and logging', () => {
  it('hashes with crypto.subtle', async () => {
    const { platform } = platformOn();
    const hex = await new Promise((resolve, reject) => platform.sha256('ann@example.com', resolve, () => reject(new Error('failed'))));
    expect(hex).toBe(createHash('sha256').update('ann@example.com').digest('hex'));
  });

  it('fails, asynchronously, where crypto.subtle is missing (pages on plain http)', async () => {
    const { win, platform } = platformOn();
    Object.defineProperty(win, 'crypto', { value: {}, configurable: true });
    let failed = false;
    platform.sha256('x', () => undefined, () => (failed = true));
    expect(failed).toBe(false);
    await tick();
    expect(failed).toBe(true);
  });

  it('treats a localStorage that throws (blocked storage) as empty', () => {
    const { win, platform } = platformOn();
    Object.defineProperty(win, 'localStorage', { get: () => { throw new Error('SecurityError'); }, configurable: true });
    expect(platform.storage.getItem('k')).toBeNull();
    expect(() => platform.storage.setItem('k', 'v')).not.toThrow();
    expect(() => platform.storage.removeItem('k')).not.toThrow();
  });

  it('logs to the console only in debug mode', () => {
    const quiet = platformOn();
    const loud = platformOn({ debug: true });
    const lines: string[] = [];
    quiet.win.console.log = (line: string) => lines.push('quiet ' + line);
    loud.win.console.log = (line: string) => lines.push('loud ' + line);
    quiet.platform.log('a');
    loud.platform.log('b');
    expect(lines).toEqual(['loud b']);
  });
});

describe('consent', () => {
  it('is absent without a consent source, and unset types count as granted', () => {
    const { platform } = platformOn();
    expect(platform.consent).toBeUndefined();
    const state: Record<string, 'granted' | 'denied' | undefined> = {};
    const withConsent = createPlatform(newPage().win, { debug: false, consentOf: (type) => state[type] });
    expect(withConsent.consent!.isGranted('analytics_storage')).toBe(true);
    state.analytics_storage = 'denied';
    expect(withConsent.consent!.isGranted('analytics_storage')).toBe(false);
  });

  it('stops calling a listener that said it is done, so used-up listeners cost nothing later', () => {
    const state: Record<string, 'granted' | 'denied' | undefined> = { ad_storage: 'denied' };
    const platform = createPlatform(newPage().win, { debug: false, consentOf: (type) => state[type] });
    let calls = 0;
    platform.consent!.onChange('ad_storage', () => (calls += 1) > 0);
    state.ad_storage = 'granted';
    platform.consentChanged();
    state.ad_storage = 'denied';
    platform.consentChanged();
    expect(calls).toBe(1);
  });

  it('tells listeners about changes only, once per change', () => {
    const state: Record<string, 'granted' | 'denied' | undefined> = { ad_storage: 'denied' };
    const platform = createPlatform(newPage().win, { debug: false, consentOf: (type) => state[type] });
    const heard: boolean[] = [];
    platform.consent!.onChange('ad_storage', (granted) => void heard.push(granted));
    platform.consentChanged();
    state.ad_storage = 'granted';
    platform.consentChanged();
    platform.consentChanged();
    state.ad_storage = 'denied';
    platform.consentChanged();
    expect(heard).toEqual([true, false]);
  });
});
