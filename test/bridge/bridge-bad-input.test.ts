// Hostile or broken pushes through the whole bridge: nothing throws at the page, nothing is
// polluted, and the next good push still identifies.
import { afterEach, describe, expect, it } from 'vitest';
import { segmentPage } from './harness';

const good = { event: 'user_sign_in', user_id: 'u1' };

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('bad input', () => {
  it('non-object pushes are kept in the array, trigger nothing and do not stop later pushes', async () => {
    const { win, calls, push, bridge } = segmentPage();
    expect(() => push('user_sign_in', 42, null, undefined, true, new Date(0), Symbol('x'))).not.toThrow();
    push(good);
    expect(win.dataLayer).toHaveLength(8);
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', {}]]);
  });

  it('a circular message still identifies, without the cycle', async () => {
    const { calls, push, bridge } = segmentPage();
    const traits: Record<string, unknown> = { plan: 'pro' };
    traits.self = traits;
    push({ event: 'user_sign_in', user_id: 'u1', traits });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { plan: 'pro' }]]);
  });

  it('a huge string is cut before it reaches a vendor', async () => {
    const { calls, push, bridge } = segmentPage();
    push({ event: 'user_sign_in', user_id: 'u1', traits: { note: 'x'.repeat(5_000_000) } });
    await bridge.flush();
    const traits = calls[0][2] as { note: string };
    expect(traits.note.length).toBeLessThanOrEqual(8192);
  });

  it('a huge user id is reported, not sent', async () => {
    const { calls, push, bridge } = segmentPage();
    push({ event: 'user_sign_in', user_id: 'u'.repeat(100_000) });
    const [outcome] = await bridge.flush();
    expect(outcome.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('__proto__ keys pollute nothing and are not sent', async () => {
    const { calls, push, bridge } = segmentPage({ rules: [{ event: 'user_sign_in', traits: { brand: 'car.brand' }, source: 'model' }] });
    push(JSON.parse('{"event": "user_sign_in", "user_id": "u1", "__proto__": {"polluted": 1}, "traits": {"__proto__": {"polluted": 2}, "plan": "pro"}, "car": {"brand": "Audi", "__proto__": {"polluted": 3}}}'));
    await bridge.flush();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(calls).toEqual([['identify', 'u1', { brand: 'Audi', plan: 'pro' }]]);
  });

  it('vendor code that throws is contained and the next identify still goes out', async () => {
    const { win, push, bridge } = segmentPage();
    const seen: unknown[] = [];
    win.analytics.identify = (id: string) => {
      seen.push(id);
      if (id === 'u1') throw new Error('vendor bug');
    };
    expect(() => push(good)).not.toThrow();
    push({ event: 'user_sign_in', user_id: 'u2' });
    await bridge.flush();
    expect(seen).toEqual(['u1', 'u2']);
  });
});
