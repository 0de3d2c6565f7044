// The production engine (engine-production.ts, from the sources) trusts the config: a config with
// problems is neither checked nor reported, but nothing is thrown at the page, the values it can
// use are used, and the snippet's rule numbering still holds. (That the built production files
// carry codes and the snippet loads the debug engine in debug mode: bridge-builds.test.ts.)
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/bridge/engine-production';
import { startBridge } from '../../src/bridge/snippet';
import { newPage, segmentStub } from './harness';

function productionPage(config: Record<string, unknown>) {
  const page = newPage();
  const calls = segmentStub(page.win);
  const errors: unknown[] = [];
  let bridge: ReturnType<typeof startBridge> | undefined;
  try {
    bridge = startBridge(config as never, page.win, { create: createEngine });
  } catch (error) {
    errors.push(error);
  }
  const push = (message: unknown) => {
    try {
      page.win.dataLayer.push(message);
    } catch (error) {
      errors.push(error);
    }
  };
  return { ...page, calls, errors, bridge: bridge!, push };
}

describe('the production engine', () => {
  it('runs a config whose values are of the wrong kind without throwing or warning, reading such values as absent', async () => {
    const { calls, errors, warnings, bridge, push } = productionPage({
      destinations: [JSON.parse('{"vendor": "segment", "__proto__": {"polluted": true}}'), 'mixpanel', { vendor: 'nope' }],
      rules: [null, 7, { event: 'lead', traits: 'brand', tags: 5, userId: 42 }, { event: 'lead_b', traits: { brand: { path: 9 } }, email: 'a.b' }],
      consent: 'yes',
      dedupe: 'no',
      userIdHash: 'rot13',
    });
    push({ event: 'lead', user_id: 'u1' });
    push({ event: 'lead_b', user_id: 'u2', a: { b: 'ann@example.com' } });
    push({ event: 'user_sign_in', user_id: 'u3' });
    const outcomes = await bridge.flush();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(calls).toEqual([['identify', 'u1', {}], ['identify', 'u2', { email: 'ann@example.com' }], ['identify', 'u3', {}]]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]); // 'nope' is reported, Segment sent
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    bridge.stop();
  });

  it('reads a good config as the debug engine does: rules in order before the default rules, model rules, consent and dedupe', async () => {
    const { calls, bridge, push } = productionPage({
      destinations: [{ vendor: 'segment' }],
      rules: [{ event: 'user_sign_in', tags: ['brand'] }, { event: 'plan', traits: { plan: 'account.plan' }, source: 'model' }],
      dedupe: true,
    });
    push({ event: 'user_sign_in', user_id: 'u1', brand: 'Audi' });
    push({ event: 'user_sign_in', user_id: 'u1', brand: 'Audi' }); // unchanged: not sent again
    push({ account: { plan: 'pro' } });
    push({ event: 'plan', userId: 'u1' });
    push({ event: 'user_logout' });
    await bridge.flush();
    expect(calls).toEqual([['identify', 'u1', { brand: 'Audi' }], ['identify', 'u1', { plan: 'pro' }], ['reset']]);
    bridge.stop();
  });
});
