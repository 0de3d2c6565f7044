// Revoked Proxies and other values that throw when looked at (issue 12, point 3), and what the
// watcher cuts from its copies (point 7): nothing throws at the page, a sign-in keeps the rest of
// its data, a start that fails gives push back, and debug mode says what was left out.
import { describe, expect, it } from 'vitest';
import { newPage, segmentPage, segmentStub, startOn } from './harness';

/** A Proxy that throws a TypeError on any use, as after `revoke()`. */
function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('revoked Proxies', () => {
  it('pushed as a message throw nothing at the page, debug says why, and the next sign-in is identified', async () => {
    const { calls, push, bridge, logs } = segmentPage({ debug: true });
    expect(() => push(revoked())).not.toThrow();
    expect(() => push(revoked(), { event: 'user_sign_in', user_id: 'u1' })).not.toThrow();
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', {}]]);
    expect(logs.filter((line) => /revoked/.test(line))).toHaveLength(2);
  });

  it('nested in a sign-in cost only that value: the identify goes out with the rest, and debug says what was left out', async () => {
    const { calls, push, bridge, logs } = segmentPage({ debug: true });
    push({ event: 'user_sign_in', user_id: 'u1', email: 'a@example.com', traits: { plan: 'pro', bad: revoked() }, company: revoked() });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { email: 'a@example.com', plan: 'pro' }]]);
    expect(logs.some((line) => line.includes('message copy cut: unreadable values'))).toBe(true);
  });

  it('in the history before start do not stop the start: the bridge runs, and each later sign-in is identified once', async () => {
    const { calls, push, bridge, win } = segmentPage({}, [revoked(), { event: 'user_sign_in', user_id: 'u0' }]);
    expect(win.dataLayer.push).not.toBe(Array.prototype.push);
    push({ event: 'user_sign_in', user_id: 'u1' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u0', {}], ['identify', 'u1', {}]]);
  });

  it('as the data layer itself: one console warning, nothing thrown, nothing watched', () => {
    const { win, warnings } = newPage();
    win.dataLayer = revoked();
    expect(() => startOn(win, { destinations: [{ vendor: 'segment' }] })).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[identify-bridge\] .*(not an array|revoked)/);
  });
});

describe('a start that fails', () => {
  it('gives push back, so that the page is not left with a bridge that queues and never runs', () => {
    const { win, warnings } = newPage();
    segmentStub(win);
    win.dataLayer = [];
    win.document.addEventListener = () => {
      throw new TypeError('listeners refused');
    };
    const handle = startOn(win, { destinations: [{ vendor: 'segment' }] });
    expect(warnings).toEqual(['[identify-bridge] not started: TypeError: listeners refused']);
    expect(win.dataLayer.push).toBe(Array.prototype.push);
    expect(Object.getOwnPropertySymbols(win.dataLayer)).toEqual([]);
    expect(win.identifyBridge).toBeUndefined();
    handle.stop();
  });
});

describe('what the copy of a message leaves out', () => {
  it('is said in debug mode instead of cut silently: long text, too many values, deep nesting', async () => {
    const { calls, push, bridge, logs } = segmentPage({ debug: true });
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 30; i++) deep = { d: deep };
    push({ event: 'user_sign_in', user_id: 'u1', traits: { note: 'x'.repeat(9000), deep, many: Array.from({ length: 6000 }, (_, i) => i) } });
    await bridge.flush();
    expect(calls).toHaveLength(1);
    const report = logs.find((line) => line.includes('message copy cut: '));
    expect(report).toContain('text over 8192 characters');
    expect(report).toContain('over 5000 values');
    expect(report).toContain('nesting over 20 levels');
  });

  it('is not reported without debug, and a message cut nowhere reports nothing', async () => {
    const quiet = segmentPage();
    quiet.push({ event: 'user_sign_in', user_id: 'u1', traits: { note: 'x'.repeat(9000) } });
    await quiet.bridge.flush();
    expect(quiet.logs).toEqual([]);
    expect(quiet.warnings).toEqual([]);
    const debug = segmentPage({ debug: true });
    debug.push({ event: 'user_sign_in', user_id: 'u1', traits: { plan: 'pro' } });
    await debug.bridge.flush();
    expect(debug.logs.filter((line) => line.includes('copy cut'))).toEqual([]);
  });
});

describe('a data layer that is not an array', () => {
  it('gets one console warning, also without debug, and the page keeps its value', () => {
    const { win, warnings } = newPage();
    win.dataLayer = { push() {} };
    const before = win.dataLayer;
    startOn(win, { destinations: [{ vendor: 'segment' }] });
    expect(warnings).toEqual(['[identify-bridge] window.dataLayer is not an array; the data layer is not watched']);
    expect(win.dataLayer).toBe(before);
  });
});

describe('the push path', () => {
  /** A message whose `page` getter counts how often it is read. */
  const counted = (event: string) => {
    const reads = { count: 0 };
    return { reads, message: { event, get page() { reads.count++; return { path: '/cars/q5' }; } } };
  };

  it('looks at a push no rule matches for its event name only: nothing else of it is read or copied', async () => {
    const { push, bridge, calls } = segmentPage();
    const { reads, message } = counted('page_view');
    push(message);
    await bridge.flush();
    expect(reads.count).toBe(0);
    expect(calls).toEqual([]);
  });

  it('with a source: model rule, keeps the unmatched push by reference and reads it only when a matching message needs the model', async () => {
    const { push, bridge, calls } = segmentPage({ rules: [{ event: 'user_sign_in', traits: { path: 'page.path' }, source: 'model' }] });
    const { reads, message } = counted('page_view');
    push(message);
    expect(reads.count).toBe(0);
    push({ event: 'user_sign_in', user_id: 'u1' });
    await bridge.flush();
    expect(reads.count).toBe(1);
    expect(calls).toEqual([['identify', 'u1', { path: '/cars/q5' }]]);
  });
});
