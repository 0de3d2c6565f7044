// The emulator's data model (what copyFromDataLayer reads) is the bridge's data-layer-helper
// model rebuilt from the page's array: these pin where it follows the helper and where it stops.
import { describe, expect, it } from 'vitest';
import { createModelLog, watchDataLayer, type Model } from '../../src/bridge/datalayer';
import { modelReader } from '../../src/bridge/datalayer/model-reader';
import { dataLayerModel } from '../../src/toolchain/emulator';
import { readModelV1, readModelV2 } from '../../src/toolchain/emulator/page/data-layer-model';

function gtagArgs(...args: unknown[]): IArguments {
  return (function () {
    return arguments;
  }).apply(undefined, args as []);
}

/** The model the bridge's watcher holds after replaying `history`. */
function bridgeModel(history: unknown[]): Model {
  const log = createModelLog();
  watchDataLayer({ dataLayer: history }, { listenToPast: true, log, onMessage: () => {} }).stop();
  return modelReader(log, () => {}).at();
}

describe('the emulator’s data layer model', () => {
  it('is the model the bridge builds from the same history', () => {
    const history = [
      { event: 'gtm.js', user: { id: 'u1', traits: { plan: 'free', tags: ['a', 'b'] } } },
      { 'user.traits.plan': 'pro', brand: 'Audi' },
      { user: { traits: { tags: ['c'] } } },
      gtagArgs('set', { 'developer_id.abc': true }),
      gtagArgs('set', 'currency', 'EUR'),
      ['user.traits.tags.push', 'd'],
      { cart: { items: [1, 2], total: 3 } },
      { cart: { items: [9], _clear: true } },
      { event: 'user_sign_in' },
    ];
    const model = dataLayerModel(history);
    expect(model).toEqual(bridgeModel(history));
    expect(model).toEqual({
      event: 'user_sign_in',
      user: { id: 'u1', traits: { plan: 'pro', tags: ['c', 'b', 'd'] } },
      brand: 'Audi',
      developer_id: { abc: true },
      currency: 'EUR',
      cart: { items: [9], total: 3 },
    });
  });

  it('ignores a top-level _clear and never keeps _clear in the model, as the helper’s code does', () => {
    const model = dataLayerModel([{ a: [1, 2], b: { x: 1 } }, { a: [3], b: { y: 2 }, _clear: true }]);
    expect(model).toEqual({ a: [3, 2], b: { x: 1, y: 2 } });
  });

  it('applies a set command only with one object or a key and a value, as the helper’s set does', () => {
    const model = dataLayerModel([gtagArgs('set', { a: 1 }, 'extra'), gtagArgs('set', 'b'), gtagArgs('set', 'c', 3), gtagArgs('event', 'x', { d: 4 })]);
    expect(model).toEqual({ c: 3 });
  });

  it('does not run function messages, since it is rebuilt on every read', () => {
    let calls = 0;
    const model = dataLayerModel([{ a: 1 }, function (this: { set(key: string, value: unknown): void }) {
      calls += 1;
      this.set('b', 2);
    }]);
    expect(model).toEqual({ a: 1 });
    expect(calls).toBe(0);
  });

  it('skips a message that fails and applies the ones after it', () => {
    const model = dataLayerModel([['missing.push', 1], [42], { 'a.__proto__.x': 1, ok: true }, 'text', null, { after: 1 }]);
    expect(model).toEqual({ ok: true, after: 1 });
  });

  it('never lets a message write to Object.prototype', () => {
    const model = dataLayerModel([JSON.parse('{"__proto__": {"polluted": 1}, "a": {"__proto__": {"polluted": 2}}}')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(model).toEqual({ a: {} });
  });

  it('leaves the pushed messages untouched when later messages merge into their values', () => {
    const first = { user: { traits: { plan: 'free' } }, tags: ['a'] };
    dataLayerModel([first, { user: { traits: { plan: 'pro' } }, tags: ['b'] }]);
    expect(first).toEqual({ user: { traits: { plan: 'free' } }, tags: ['a'] });
  });

  it('reads dotted paths through own properties only (version 2)', () => {
    const history = [{ user: { tags: ['a', 'b'] }, name: 'Ann' }];
    expect(readModelV2(history, 'user.tags.length')).toBe(2);
    expect(readModelV2(history, 'name.length')).toBe(3);
    expect(readModelV2(history, 'user.toString')).toBeUndefined();
    expect(readModelV2(history, 'user.missing.deep')).toBeUndefined();
  });

  it('reads the literal key of the latest plain object holding it (version 1)', () => {
    const history = [{ 'a.b': 1 }, { a: { b: 2 } }, gtagArgs('set', 'a.b', 3), new Date(0)];
    expect(readModelV1(history, 'a.b')).toBe(1);
    expect(readModelV1(history, 'a')).toEqual({ b: 2 });
    expect(readModelV1(history, 'toString')).toBeUndefined();
  });
});
