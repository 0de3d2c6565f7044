// The watcher against what pages really push: listeners get bounded copies, and cycles, huge or
// deep values, prototype keys, throwing getters and frozen objects never break it or the page.
import { afterEach, describe, expect, it } from 'vitest';
import { gtagOn, watch } from './harness';

describe('snapshots', () => {
  it('handed to onMessage are copies: changing them changes neither the model nor the pushed object', () => {
    const { dataLayer, watcher } = watch([], (reader) => ({
      onMessage: (message, meta) => {
        const model = reader.at(meta.at);
        (message as { user: { id: string } }).user.id = 'changed';
        (model.user as { id: string }).id = 'changed';
        model.extra = true;
      },
    }));
    const pushed = { user: { id: 'u-1' } };
    dataLayer.push(pushed);
    expect(pushed).toEqual({ user: { id: 'u-1' } });
    expect(watcher.get('user')).toEqual({ id: 'u-1' });
    expect(watcher.get('extra')).toBeUndefined();
  });

  it('kept from an earlier message do not change when later messages arrive', () => {
    const { dataLayer, calls } = watch([]);
    dataLayer.push({ cart: { items: ['a'] } });
    dataLayer.push({ cart: { items: ['b', 'c'] } });
    expect(calls[0].model).toEqual({ cart: { items: ['a'] } });
    expect(calls[1].model).toEqual({ cart: { items: ['b', 'c'] } });
  });

  it('from get() are copies too', () => {
    const { dataLayer, watcher } = watch([{ a: { b: [1] } }]);
    (watcher.get('a') as { b: number[] }).b.push(2);
    dataLayer.push({});
    expect(watcher.get('a.b')).toEqual([1]);
  });

  it('share functions such as eventCallback instead of copying them', () => {
    const eventCallback = () => {};
    const { dataLayer, calls } = watch([]);
    dataLayer.push({ event: 'sign_in', eventCallback });
    expect((calls[0].message as { eventCallback: unknown }).eventCallback).toBe(eventCallback);
  });

  it('are bounded in depth and size', () => {
    const { dataLayer, calls } = watch([], { limits: { depth: 3, values: 50 } });
    dataLayer.push({ deep: { a: { b: { c: 1 } } }, many: Array.from({ length: 100 }, (_, i) => i) });
    const model = calls[0].model as { deep: { a: unknown }; many: number[] };
    expect(model.deep).toEqual({ a: { b: undefined } });
    expect(model.many.length).toBeLessThan(50);
  });
});

describe('hostile or unusual pushes', () => {
  it('a message sharing one object at every level is merged within a bound instead of exhausting memory', () => {
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100; i++) shared = { user: shared, traits: shared };
    const { dataLayer, watcher } = watch([]);
    expect(() => dataLayer.push(shared)).not.toThrow();
    dataLayer.push({ event: 'after', ok: true });
    expect(watcher.get('ok')).toBe(true);
  });

  it('a Proxy whose traps throw is pushed onto the array without throwing at the page', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    const { dataLayer } = watch([]);
    expect(() => dataLayer.push(hostile)).not.toThrow();
    expect(dataLayer[dataLayer.length - 1]).toBe(hostile);
  });

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('circular objects are merged without their cycle and the watcher keeps working', () => {
    const user: Record<string, unknown> = { id: 'u-1' };
    user.self = user;
    const list: unknown[] = [1];
    list.push(list);
    const { dataLayer, watcher, calls } = watch([]);
    expect(dataLayer.push({ user, list })).toBe(1);
    expect(watcher.get('user')).toEqual({ id: 'u-1' });
    expect(watcher.get('list')).toEqual([1]);
    expect(calls[0].message).toEqual({ user: { id: 'u-1', self: undefined }, list: [1, undefined] });
    dataLayer.push({ after: 1 });
    expect(watcher.get('after')).toBe(1);
  });

  it('a cycle made inside the model by a function message does not break snapshots', () => {
    const { dataLayer, calls } = watch([{ a: { x: 1 } }]);
    dataLayer.push(function (this: { get(k: string): unknown }) {
      const a = this.get('a') as Record<string, unknown>;
      a.loop = a;
    });
    expect(calls[0].model).toEqual({ a: { x: 1, loop: undefined } });
  });

  it('__proto__, constructor and prototype keys pollute neither Object.prototype nor the model', () => {
    const { dataLayer, watcher, errors } = watch([]);
    dataLayer.push(JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    dataLayer.push(JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}}'));
    dataLayer.push({ '__proto__.polluted': 'yes', 'constructor.prototype.polluted': 'yes', 'b.prototype': 1 });
    dataLayer.push(['constructor.assign', Object.prototype, { polluted: 'yes' }]);
    dataLayer.push(['__proto__.hasOwnProperty']);
    gtagOn(dataLayer)('set', '__proto__.polluted', 'yes');
    dataLayer.push(function (this: { set(k: string, v: unknown): void }) {
      this.set('__proto__', { polluted: 'yes' });
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(watcher.get('a')).toEqual({});
    expect(watcher.get('polluted')).toBeUndefined();
    expect(watcher.get('b')).toBeUndefined();
    expect(errors).toHaveLength(8);
  });

  it('huge strings are kept in the model but cut in snapshots', () => {
    const huge = 'x'.repeat(5_000_000);
    const { dataLayer, calls, watcher } = watch([], { limits: { stringLength: 100 } });
    dataLayer.push({ blob: huge, [huge]: 'huge key', ok: 'yes' });
    expect((calls[0].message as { blob: string }).blob).toHaveLength(100);
    expect(calls[0].model).toEqual({ blob: 'x'.repeat(100), ok: 'yes' });
    expect(watcher.get('blob')).toHaveLength(100);
  });

  it('a key with thousands of dots is reported and the message’s other keys still merge', () => {
    const { dataLayer, watcher, errors } = watch([]);
    dataLayer.push({ ['a.'.repeat(50_000) + 'b']: 1, ok: true });
    expect(watcher.get('ok')).toBe(true);
    expect(watcher.get('a')).toBeUndefined();
    expect(String(errors[0].error)).toMatch(/nested too deeply/);
  });

  it('very deeply nested values are cut instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 20_000; i++) deep = { d: deep };
    const { dataLayer, watcher } = watch([]);
    dataLayer.push({ deep, ok: true });
    expect(watcher.get('ok')).toBe(true);
    expect(watcher.get('deep.d.d.d')).toBeDefined();
  });

  it('a plain key merges exactly as its dotted expansion would, down to the depth limit', () => {
    const nest = (levels: number) => {
      let value: Record<string, unknown> = { end: true };
      for (let i = 1; i < levels; i++) value = { d: value };
      return value;
    };
    /** The live model's `a` (a function message sees the model itself, not a copy). */
    const liveA = (dataLayer: unknown[]) => {
      let a: unknown;
      dataLayer.push(function (this: { get(key: string): unknown }) {
        a = this.get('a');
      });
      return a;
    };
    /** How many objects deep `end` was found under `value`; -1 when it was cut. */
    const depthOfEnd = (value: unknown) => {
      let depth = 1;
      for (let v = value as Record<string, unknown> | undefined; v; v = v.d as Record<string, unknown> | undefined, depth++) {
        if (v.end === true) return depth;
      }
      return -1;
    };
    const depths = [98, 99, 100, 101].map((levels) => {
      const plain = watch([]);
      plain.dataLayer.push({ a: nest(levels) });
      const dotted = watch([]);
      dotted.dataLayer.push({ 'a.d': nest(levels - 1) }); // the expansion adds the outer level
      const found = depthOfEnd(liveA(plain.dataLayer));
      expect(found, `${levels} levels`).toBe(depthOfEnd(liveA(dotted.dataLayer)));
      return found;
    });
    expect(depths).toEqual([98, 99, -1, -1]);
  });

  it('a getter that throws is reported and the other keys still merge and reach onMessage', () => {
    const { dataLayer, watcher, errors, calls } = watch([]);
    const message = {
      before: 1,
      get broken(): unknown {
        throw new Error('getter failed');
      },
      after: 2,
    };
    dataLayer.push(message);
    expect(watcher.get('before')).toBe(1);
    expect(watcher.get('after')).toBe(2);
    expect(String(errors[0].error)).toMatch(/getter failed/);
    expect(calls[0].message).toEqual({ before: 1, after: 2 });
  });

  it('frozen objects are read, never written', () => {
    const { dataLayer, watcher, errors } = watch([]);
    const frozen = Object.freeze({ user: Object.freeze({ id: 'u-1', tags: Object.freeze(['a']) }) });
    dataLayer.push(frozen);
    dataLayer.push({ user: { plan: 'Pro', tags: ['b', 'c'] } });
    expect(watcher.get('user')).toEqual({ id: 'u-1', plan: 'Pro', tags: ['b', 'c'] });
    expect(frozen).toEqual({ user: { id: 'u-1', tags: ['a'] } });
    expect(errors).toEqual([]);
  });

  it('a frozen dataLayer is reported and its history still read', () => {
    const host = { dataLayer: Object.freeze([{ a: 1 }]) };
    const { watcher, errors } = watch(undefined, {}, host);
    expect(watcher.get('a')).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
