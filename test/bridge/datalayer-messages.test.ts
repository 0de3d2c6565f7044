// @vitest-environment happy-dom
// What each kind of message does to the model, as in data-layer-helper: plain objects (dotted
// keys, the merge table, _clear), gtag commands, command arrays and function messages.
import { describe, expect, it } from 'vitest';
import { gtagOn, watch } from './harness';

/** The model value of `a` after pushing {a: existing} and then {a: pushed}. */
function mergeOf(existing: unknown, pushed: unknown): unknown {
  const { dataLayer, watcher } = watch([{ a: existing }]);
  dataLayer.push({ a: pushed });
  return watcher.get('a');
}

describe('plain object messages', () => {
  it('expands dotted keys into nested objects', () => {
    const { dataLayer, watcher } = watch([]);
    dataLayer.push({ 'a.b.c': 1, 'a.d': 2, 'x..y': 3 });
    expect(watcher.get('a')).toEqual({ b: { c: 1 }, d: 2 });
    expect(watcher.get('x')).toEqual({ '': { y: 3 } });
  });

  it('does not expand dots in keys nested inside a value', () => {
    const { dataLayer, watcher } = watch([]);
    dataLayer.push({ a: { 'b.c': 1 } });
    expect(watcher.get('a')).toEqual({ 'b.c': 1 });
  });

  it('keeps keys of earlier messages that a later message does not mention', () => {
    const { dataLayer, watcher } = watch([{ brand: 'Audi', event: 'get_dealer_details' }]);
    dataLayer.push({ event: 'page_view' });
    expect(watcher.get('brand')).toBe('Audi');
    expect(watcher.get('event')).toBe('page_view');
  });
});

describe('the merge table', () => {
  it.each([
    ['an array into an array merges index-wise', [1, 2, 3], ['x'], ['x', 2, 3]],
    ['a plain object over an array overwrites it', [1, 2], { b: 1 }, { b: 1 }],
    ['another value over an array overwrites it', [1, 2, 3], 'hello', 'hello'],
    ['an array over a plain object overwrites it', { ducks: 'quack' }, [1, 2, 3], [1, 2, 3]],
    ['a plain object into a plain object merges key-wise, recursively', { one: { two: 3 }, k: 1 }, { one: { four: 5 } }, { one: { two: 3, four: 5 }, k: 1 }],
    ['another value over a plain object overwrites it', { ducks: 'quack' }, 'hello', 'hello'],
    ['an array over another value overwrites it', 'hello', [1, 2, 3], [1, 2, 3]],
    ['a plain object over another value overwrites it', 'hello', { ducks: 'quack' }, { ducks: 'quack' }],
    ['another value over another value overwrites it', 'hello', 42, 42],
    ['null over a plain object overwrites it', { x: 1 }, null, null],
    ['an explicit undefined array element overwrites', [1], [undefined, 2], [undefined, 2]],
    ['an array hole does not overwrite', [1, { two: 3 }], [, { two: 4, six: 8 }], [1, { two: 4, six: 8 }]],
    ['an explicit undefined value in a plain object overwrites', { x: 1, y: 2 }, { x: undefined }, { x: undefined, y: 2 }],
  ])('%s', (_name, existing, pushed, expected) => {
    expect(mergeOf(existing, pushed)).toEqual(expected);
  });

  it('treats dates and regexps as values that overwrite and are overwritten, never merged into', () => {
    const date = new Date(2020, 0, 1);
    expect(mergeOf({ x: 1 }, date)).toEqual(date);
    expect(mergeOf(date, { x: 1 })).toEqual({ x: 1 });
    expect(mergeOf({ x: 1 }, /re/)).toEqual(/re/);
    expect(date).not.toHaveProperty('x');
  });

  it('treats DOM nodes and window as values, not plain objects', () => {
    const node = document.createElement('button');
    expect(mergeOf({ x: 1 }, node)).toBe(node);
    expect(mergeOf(node, { x: 1 })).toEqual({ x: 1 });
    expect(node).not.toHaveProperty('x');
    expect(mergeOf({ x: 1 }, window)).toBe(window);
  });

  it('treats class instances as values that are kept as they are', () => {
    class Vehicle {
      constructor(readonly brand: string) {}
    }
    const audi = new Vehicle('Audi');
    expect(mergeOf({ brand: 'BMW', x: 1 }, audi)).toBe(audi);
  });
});

describe('_clear', () => {
  it('inside an object replaces that object’s arrays and objects instead of merging them', () => {
    const { dataLayer, watcher } = watch([{ one: { two: { three: 3 } }, five: [1, 2] }]);
    dataLayer.push({ one: { two: { four: 4 }, _clear: true }, five: [3] });
    expect(watcher.get('one')).toEqual({ two: { four: 4 } });
    expect(watcher.get('five')).toEqual([3, 2]);
  });

  it('at the top level of a message has no effect, as in the helper’s code (its README shows otherwise)', () => {
    const { dataLayer, watcher } = watch([{ a: [1, 2], b: { x: 1 } }]);
    dataLayer.push({ a: [3], b: { y: 2 }, _clear: true });
    expect(watcher.get('a')).toEqual([3, 2]);
    expect(watcher.get('b')).toEqual({ x: 1, y: 2 });
  });

  it('never stays in the model, truthy or falsy', () => {
    const { dataLayer, watcher } = watch([{ a: { x: 1 } }]);
    dataLayer.push({ a: { y: 2, _clear: false } }, { _clear: 1 }, { 'b._clear': true });
    expect(watcher.get('a')).toEqual({ x: 1, y: 2 });
    expect(watcher.get('_clear')).toBeUndefined();
    expect(watcher.get('b')).toEqual({});
  });

  it('copies the replacing value, so later merges do not write into the page’s object', () => {
    const pushed = Object.freeze([3]);
    const { dataLayer, watcher, errors } = watch([{ a: { b: [1, 2] } }]);
    dataLayer.push({ a: { b: pushed, _clear: true } });
    dataLayer.push({ a: { b: [, 9] } });
    expect(watcher.get('a.b')).toEqual([3, 9]);
    expect(pushed).toEqual([3]);
    expect(errors).toEqual([]);
  });
});

describe('commands pushed as arguments (gtag)', () => {
  it('set with one object merges it like a message', () => {
    const { dataLayer, watcher, calls } = watch([{ user: { plan: 'Pro' } }]);
    gtagOn(dataLayer)('set', { user: { id: 'u-1' }, 'page.type': 'pdp' });
    expect(watcher.get('user')).toEqual({ plan: 'Pro', id: 'u-1' });
    expect(watcher.get('page.type')).toBe('pdp');
    expect(calls).toEqual([
      {
        message: ['set', { user: { id: 'u-1' }, 'page.type': 'pdp' }],
        model: { user: { plan: 'Pro', id: 'u-1' }, page: { type: 'pdp' } },
        meta: { past: false, kind: 'command', at: 2 },
      },
    ]);
  });

  it('set with a dotted key and a value merges the value at that key', () => {
    const { dataLayer, watcher } = watch([{ a: { keep: 1 } }]);
    gtagOn(dataLayer)('set', 'a.b.c', 'value');
    expect(watcher.get('a')).toEqual({ keep: 1, b: { c: 'value' } });
  });

  it('set with other arguments changes nothing and is reported', () => {
    const { dataLayer, watcher, errors } = watch([]);
    const gtag = gtagOn(dataLayer);
    gtag('set', 'only a key');
    gtag('set', 2, 'value');
    gtag('set', 'a', 'b', 'extra');
    expect(watcher.get('a')).toBeUndefined();
    expect(errors).toHaveLength(3);
  });

  it('set reports a key it cannot merge with the pushed command, and merges the other keys', () => {
    const { dataLayer, watcher, errors } = watch([]);
    gtagOn(dataLayer)('set', { 'a.__proto__.b': 1, ok: true });
    expect(watcher.get('ok')).toBe(true);
    expect(errors.map((e) => Object.prototype.toString.call(e.message))).toEqual(['[object Arguments]']);
    expect(Array.from(errors[0].message as IArguments)[0]).toBe('set');
  });

  it('event, config and js commands reach onMessage but do not change the model', () => {
    const { dataLayer, calls } = watch([]);
    const gtag = gtagOn(dataLayer);
    const date = new Date(0);
    gtag('js', date);
    gtag('config', 'G-XXXX');
    gtag('event', 'login', { method: 'Google' });
    expect(calls.map((c) => [c.message, c.meta.kind])).toEqual([
      [['js', date], 'command'],
      [['config', 'G-XXXX'], 'command'],
      [['event', 'login', { method: 'Google' }], 'command'],
    ]);
    expect(calls[2].model).toEqual({});
  });

  it('keeps consent from default and update commands, an update winning over defaults', () => {
    const { dataLayer, watcher } = watch([]);
    const gtag = gtagOn(dataLayer);
    expect(watcher.consent('analytics_storage')).toBeUndefined();
    gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', wait_for_update: 500 });
    expect(watcher.consent('analytics_storage')).toBe('denied');
    gtag('consent', 'update', { analytics_storage: 'granted' });
    expect(watcher.consent('analytics_storage')).toBe('granted');
    expect(watcher.consent('ad_storage')).toBe('denied');
    gtag('consent', 'default', { analytics_storage: 'denied' });
    expect(watcher.consent('analytics_storage')).toBe('granted');
    expect(watcher.consent('wait_for_update')).toBeUndefined();
  });

  it('reads consent commands already in the history', () => {
    const history: unknown[] = [];
    gtagOn(history)('consent', 'default', { analytics_storage: 'granted' });
    const { watcher } = watch(history);
    expect(watcher.consent('analytics_storage')).toBe('granted');
  });

  it('counts a region-scoped default only when it denies, since the page cannot know the region', () => {
    const { dataLayer, watcher } = watch([]);
    const gtag = gtagOn(dataLayer);
    gtag('consent', 'default', { analytics_storage: 'granted', ad_storage: 'granted' });
    gtag('consent', 'default', { analytics_storage: 'denied', region: ['ES'] });
    gtag('consent', 'default', { ad_storage: 'granted', region: ['US'] });
    expect(watcher.consent('analytics_storage')).toBe('denied');
    expect(watcher.consent('ad_storage')).toBe('granted');
    gtag('consent', 'update', { analytics_storage: 'granted' });
    expect(watcher.consent('analytics_storage')).toBe('granted');
  });
});

describe('command arrays', () => {
  it('call the method at the path on the model value', () => {
    const { dataLayer, watcher, calls } = watch([{ a: { b: [1, 2] }, abc: [1, 2, 3] }]);
    dataLayer.push(['a.b.push', 3, 4], ['abc.pop']);
    expect(watcher.get('a.b')).toEqual([1, 2, 3, 4]);
    expect(watcher.get('abc')).toEqual([1, 2]);
    expect(calls.map((c) => c.meta.kind)).toEqual(['array', 'array']);
  });

  it('reach objects that are kept as values, such as dates', () => {
    const time = new Date(2013, 11, 20);
    const { dataLayer, watcher } = watch([{ time }]);
    dataLayer.push(['time.setFullYear', 2014]);
    expect((watcher.get('time') as Date).getFullYear()).toBe(2014);
  });

  it('a plain array starting with set is not the set command', () => {
    const { dataLayer, watcher, errors, calls } = watch([]);
    dataLayer.push(['set', { a: 1 }]);
    expect(watcher.get('a')).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('a missing path or method is reported and later messages still run', () => {
    const { dataLayer, watcher, errors } = watch([{ a: [1] }]);
    dataLayer.push(['missing.push', 1], ['a.nope'], [42], { after: true });
    expect(errors.map((e) => e.message)).toEqual([['missing.push', 1], ['a.nope'], [42]]);
    expect(watcher.get('after')).toBe(true);
  });
});

describe('function messages', () => {
  it('are called with get and set on the live model', () => {
    const { dataLayer, watcher, calls } = watch([{ aaa: { bbb: { ccc: [1, 2, 3] } }, n: 1 }]);
    dataLayer.push(function (this: { get(k: string): unknown; set(k: string, v: unknown): void }) {
      const ccc = this.get('aaa.bbb.ccc') as number[];
      ccc.push(ccc.pop()! * 2);
      this.set('copy.of.n', this.get('n'));
      this.set('aaa', { extra: true });
    });
    expect(watcher.get('aaa')).toEqual({ bbb: { ccc: [1, 2, 6] }, extra: true });
    expect(watcher.get('copy')).toEqual({ of: { n: 1 } });
    expect(calls[0].meta.kind).toBe('function');
  });

  it('that throw are reported, keep what they set before throwing, and do not stop the queue', () => {
    const { dataLayer, watcher, errors, calls } = watch([]);
    const failing = function (this: { set(k: string, v: unknown): void }) {
      this.set('a', 1);
      throw new Error('scary');
    };
    dataLayer.push(failing, { b: 2 });
    expect(watcher.get('a')).toBe(1);
    expect(watcher.get('b')).toBe(2);
    expect(errors.map((e) => [String(e.error), e.message])).toEqual([['Error: scary', failing]]);
    expect(calls.map((c) => c.meta.kind)).toEqual(['function', 'object']);
  });

  it('that push are followed by their pushes, in order', () => {
    const { dataLayer, watcher } = watch([]);
    dataLayer.push({ count: 0 }, function (this: { get(k: string): unknown; set(k: string, v: unknown): void }) {
      const step = function (this: { get(k: string): unknown; set(k: string, v: unknown): void }) {
        const count = this.get('count') as number;
        if (count < 10) {
          this.set('count', count + 1);
          dataLayer.push(step);
        }
      };
      dataLayer.push(step);
    });
    expect(watcher.get('count')).toBe(10);
  });
});

describe('other pushes', () => {
  it('are kept in the array but skipped: no model change, no onMessage', () => {
    const { dataLayer, calls, errors, watcher } = watch([]);
    const length = dataLayer.push('string', 42, null, undefined, true, new Date(), /x/, document.body);
    expect(length).toBe(8);
    expect(calls).toEqual([]);
    expect(errors).toEqual([]);
    expect(watcher.get('0')).toBeUndefined();
  });
});
