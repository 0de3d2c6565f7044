// One bridge per data layer: a second start (an auto-start from identifyBridgeConfig and an
// explicit start, or two copies of the ESM build) gets the running bridge, and says so.
import { describe, expect, it, vi } from 'vitest';
import { newPage, segmentStub, startOn } from './harness';

const signIn = { event: 'user_sign_in', user_id: 'u1' };
const config = { destinations: [{ vendor: 'segment' as const }] };

describe('one bridge per data layer', () => {
  it('a second start returns the running bridge and says so in the console: a sign-in is identified once', async () => {
    const { win, warnings } = newPage();
    const calls = segmentStub(win);
    const first = startOn(win, config);
    const second = startOn(win, config);
    expect(second).toBe(first);
    expect(warnings).toEqual(['[identify-bridge] already running on window.dataLayer: start() returns the running bridge; stop() it first to start another']);
    win.dataLayer.push(signIn);
    await first.flush();
    expect(calls).toEqual([['identify', 'u1', {}]]);
  });

  it('a start refused for its config does not keep a later start from running', async () => {
    const { win } = newPage();
    const calls = segmentStub(win);
    win.dataLayer = [];
    startOn(win, { destinations: [] });
    const good = startOn(win, config);
    win.dataLayer.push(signIn);
    await good.flush();
    expect(calls).toHaveLength(1);
  });

  it('after stop() a new start runs a fresh bridge', async () => {
    const { win, warnings } = newPage();
    const calls = segmentStub(win);
    startOn(win, config).stop();
    const again = startOn(win, config);
    win.dataLayer.push(signIn);
    await again.flush();
    expect(calls).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('two copies of the bridge module on one page share the running bridge', async () => {
    const { win, warnings } = newPage();
    const calls = segmentStub(win);
    const one = await import('../../src/bridge/index');
    vi.resetModules();
    const two = await import('../../src/bridge/index');
    expect(two.start).not.toBe(one.start);
    const first = one.start(config, win);
    const second = two.start(config, win);
    expect(second).toBe(first);
    expect(warnings).toHaveLength(1);
    win.dataLayer.push(signIn);
    await first.flush();
    expect(calls).toHaveLength(1);
    first.stop();
  });

  it('a dataLayerName that reaches a prototype is refused with a message and marks no prototype', () => {
    const { win, warnings } = newPage();
    const calls = segmentStub(win);
    startOn(win, { ...config, dataLayerName: '__proto__' });
    expect(Object.getOwnPropertySymbols(Object.getPrototypeOf(win))).not.toContain(Symbol.for('identify-bridge'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('dataLayerName must be a global variable name');
    expect(win.dataLayer).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
