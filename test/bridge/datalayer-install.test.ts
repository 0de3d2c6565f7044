// @vitest-environment happy-dom
// watchDataLayer on the page's array: creating it, wrapping push (GTM's or another helper's),
// replaying history, installing once, stop(), and one FIFO queue with errors isolated.
import { describe, expect, it } from 'vitest';
import { watchDataLayer } from '../../src/bridge/datalayer';
import { watch } from './harness';

describe('installing on the dataLayer', () => {
  it('creates the array when the page has none, under the configured name', () => {
    const host: Record<string, unknown> = {};
    watchDataLayer(host, { name: 'appData', onMessage: () => {} });
    expect(Array.isArray(host.appData)).toBe(true);
    expect(host.dataLayer).toBeUndefined();
  });

  it('replays the history in order into the model without calling onMessage by default', () => {
    const { calls, watcher } = watch([{ a: 1 }, { a: 2, b: 1 }, { 'c.d': 3 }]);
    expect(calls).toEqual([]);
    expect(watcher.get('a')).toBe(2);
    expect(watcher.get('b')).toBe(1);
    expect(watcher.get('c.d')).toBe(3);
  });

  it('with listenToPast calls onMessage for each past message with the model as it was then', () => {
    const { calls } = watch([{ a: 1 }, { b: 2 }, { a: 3 }], { listenToPast: true });
    expect(calls).toEqual([
      { message: { a: 1 }, model: { a: 1 }, meta: { past: true, kind: 'object', at: 1 } },
      { message: { b: 2 }, model: { a: 1, b: 2 }, meta: { past: true, kind: 'object', at: 2 } },
      { message: { a: 3 }, model: { a: 3, b: 2 }, meta: { past: true, kind: 'object', at: 3 } },
    ]);
  });

  it('calls onMessage for new pushes, with past false, whether or not it listens to the past', () => {
    for (const listenToPast of [false, true]) {
      const { dataLayer, calls } = watch([], { listenToPast });
      dataLayer.push({ event: 'user_sign_in' });
      expect(calls).toEqual([
        { message: { event: 'user_sign_in' }, model: { event: 'user_sign_in' }, meta: { past: false, kind: 'object', at: 1 } },
      ]);
    }
  });

  it('handles every item of a push with several arguments, in order', () => {
    const { dataLayer, messages } = watch([]);
    expect(dataLayer.push({ a: 1 }, { b: 2 }, { c: 3 })).toBe(3);
    expect(messages()).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('calls the push that was already installed first, with the same arguments, and returns its result', () => {
    const order: string[] = [];
    const dataLayer: unknown[] = [];
    const seen: unknown[][] = [];
    dataLayer.push = function (this: unknown[], ...items: unknown[]) {
      order.push('previous push');
      seen.push(items);
      expect(this).toBe(dataLayer);
      Array.prototype.push.apply(this, items);
      return 'result of the previous push' as unknown as number;
    };
    watch(dataLayer, { onMessage: () => order.push('onMessage') });
    const message = { event: 'x' };
    expect(dataLayer.push(message, 2)).toBe('result of the previous push');
    expect(seen).toEqual([[message, 2]]);
    expect(seen[0][0]).toBe(message);
    expect(order).toEqual(['previous push', 'onMessage']);
    expect([...dataLayer]).toEqual([message, 2]);
  });

  it('hands the previous push exactly the arguments it got: none, one undefined, or several with an undefined among them', () => {
    const dataLayer: unknown[] = [];
    const seen: unknown[][] = [];
    dataLayer.push = function (this: unknown[], ...items: unknown[]) {
      seen.push(items);
      return Array.prototype.push.apply(this, items);
    };
    const { messages } = watch(dataLayer);
    expect(dataLayer.push()).toBe(0);
    expect(dataLayer.push(undefined)).toBe(1);
    expect(dataLayer.push({ a: 1 }, undefined, { b: 2 })).toBe(4);
    expect(seen).toEqual([[], [undefined], [{ a: 1 }, undefined, { b: 2 }]]);
    expect(dataLayer).toHaveLength(4);
    expect(messages()).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('lets another helper wrapped before or after it see every push too', () => {
    const dataLayer: unknown[] = [];
    const wrapWithHelper = (log: unknown[]) => {
      const previous = dataLayer.push;
      dataLayer.push = function (...items: unknown[]) {
        const result = previous.apply(dataLayer, items);
        log.push(...items);
        return result;
      };
    };
    const before: unknown[] = [];
    const after: unknown[] = [];
    wrapWithHelper(before);
    const { messages } = watch(dataLayer);
    wrapWithHelper(after);
    dataLayer.push({ a: 1 });
    dataLayer.push({ b: 2 }, { c: 3 });
    expect(before).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(messages()).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(after).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(dataLayer).toHaveLength(3);
  });

  it('installs once per array: a second watch returns the first watcher and nothing is processed twice', () => {
    const host: Record<string, unknown> = { dataLayer: [{ a: 1 }] };
    const first: unknown[] = [];
    const second: unknown[] = [];
    const secondErrors: unknown[] = [];
    const watcher = watchDataLayer(host, { listenToPast: true, onMessage: (m) => first.push(m) });
    const again = watchDataLayer(host, {
      listenToPast: true,
      onMessage: (m) => second.push(m),
      onError: (e) => secondErrors.push(e),
    });
    (host.dataLayer as unknown[]).push({ b: 2 });
    expect(again).toBe(watcher);
    expect(first).toEqual([{ a: 1 }, { b: 2 }]);
    expect(second).toEqual([]);
    expect(String(secondErrors[0])).toMatch(/already watched/);
    expect([...(host.dataLayer as unknown[])]).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('stop() puts back Array.prototype.push when the array had no push of its own', () => {
    const { dataLayer, watcher, calls } = watch([]);
    expect(Object.hasOwn(dataLayer, 'push')).toBe(true);
    watcher.stop();
    expect(Object.hasOwn(dataLayer, 'push')).toBe(false);
    expect(dataLayer.push).toBe(Array.prototype.push);
    dataLayer.push({ a: 1 });
    expect(calls).toEqual([]);
  });

  it('stop() puts back the push that was there before, and a new watcher can then install', () => {
    const dataLayer: unknown[] = [];
    const gtmPush = function (...items: unknown[]) {
      return Array.prototype.push.apply(dataLayer, items);
    };
    dataLayer.push = gtmPush;
    const { watcher, calls } = watch(dataLayer);
    watcher.stop();
    expect(dataLayer.push).toBe(gtmPush);
    dataLayer.push({ a: 1 });
    expect(calls).toEqual([]);
    const next = watch(dataLayer, { listenToPast: true });
    expect(next.watcher).not.toBe(watcher);
    expect(next.messages()).toEqual([{ a: 1 }]);
  });

  it('stop() after someone wrapped push leaves their wrapper working and only stops processing', () => {
    const { dataLayer, watcher, calls } = watch([]);
    const laterSeen: unknown[] = [];
    const ours = dataLayer.push;
    dataLayer.push = function (...items: unknown[]) {
      laterSeen.push(...items);
      return ours.apply(dataLayer, items);
    };
    const theirs = dataLayer.push;
    watcher.stop();
    expect(dataLayer.push).toBe(theirs);
    expect(dataLayer.push({ a: 1 })).toBe(1);
    expect(laterSeen).toEqual([{ a: 1 }]);
    expect([...dataLayer]).toEqual([{ a: 1 }]);
    expect(calls).toEqual([]);
  });

  it('reports a dataLayer that is not an array and leaves it alone', () => {
    const notArray = { push() {} };
    const { errors, host, watcher } = watch(undefined, {}, { dataLayer: notArray });
    expect(host.dataLayer).toBe(notArray);
    expect(String(errors[0].error)).toMatch(/not an array/);
    expect(watcher.get('a')).toBeUndefined();
  });

  it('works with GTM already on the page: its gtm.js message and its push wrapper stay intact', () => {
    const gtmWindow = window as unknown as Record<string, unknown>;
    const gtmSeen: unknown[] = [];
    let uniqueEventId = 0;
    // What the GTM snippet and gtm.js leave behind before the bridge loads.
    const dataLayer: unknown[] = [{ 'gtm.start': 1700000000000, event: 'gtm.js' }];
    const arrayPush = dataLayer.push;
    dataLayer.push = function (...items: unknown[]) {
      arrayPush.apply(dataLayer, items);
      for (const item of items) {
        if (item && typeof item === 'object') (item as Record<string, unknown>)['gtm.uniqueEventId'] = ++uniqueEventId;
        gtmSeen.push(item);
      }
      return true as unknown as number;
    };
    gtmWindow.dataLayer = dataLayer;
    try {
      const { calls, watcher } = watch(undefined, { listenToPast: true }, gtmWindow);
      expect(calls[0]).toEqual({
        message: { 'gtm.start': 1700000000000, event: 'gtm.js' },
        model: { gtm: { start: 1700000000000 }, event: 'gtm.js' },
        meta: { past: true, kind: 'object', at: 1 },
      });
      expect(dataLayer.push({ event: 'user_sign_in', userId: 'u-1' })).toBe(true);
      expect(gtmSeen).toEqual([{ event: 'user_sign_in', userId: 'u-1', 'gtm.uniqueEventId': 1 }]);
      expect(calls[1].meta).toEqual({ past: false, kind: 'object', at: 2 });
      expect(calls[1].model).toEqual({
        gtm: { start: 1700000000000, uniqueEventId: 1 },
        event: 'user_sign_in',
        userId: 'u-1',
      });
      watcher.stop();
      expect(dataLayer.push).not.toBe(Array.prototype.push);
      dataLayer.push({ event: 'after_stop' });
      expect(gtmSeen).toHaveLength(2);
      expect(calls).toHaveLength(2);
    } finally {
      delete gtmWindow.dataLayer;
    }
  });
});

describe('queue and errors', () => {
  it('handles a push made inside onMessage after the current message, never recursively', () => {
    const order: string[] = [];
    const host: Record<string, unknown> = {};
    watchDataLayer(host, {
      onMessage: (message) => {
        const name = (message as { name: string }).name;
        order.push(`start ${name}`);
        if (name === 'a') dataLayer.push({ name: 'b' }, { name: 'c' });
        if (name === 'b') dataLayer.push({ name: 'd' });
        order.push(`end ${name}`);
      },
    });
    const dataLayer = host.dataLayer as unknown[];
    dataLayer.push({ name: 'a' });
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d']);
  });

  it('handles pushes made while the history is replayed right after the message that made them', () => {
    const host: Record<string, unknown> = { dataLayer: [{ a: 1 }, { b: 2 }] };
    const seen: Array<[unknown, boolean]> = [];
    watch(undefined, (reader) => ({
      listenToPast: true,
      onMessage: (message, meta) => {
        seen.push([message, meta.past]);
        const model = reader.at(meta.at);
        if (typeof model.a === 'number' && model.a < 3 && 'a' in (message as object)) {
          (host.dataLayer as unknown[]).push({ a: model.a + 1 });
        }
      },
       }), host);
    expect(seen).toEqual([
      [{ a: 1 }, true],
      [{ a: 2 }, false],
      [{ a: 3 }, false],
      [{ b: 2 }, true],
    ]);
    expect([...(host.dataLayer as unknown[])]).toEqual([{ a: 1 }, { b: 2 }, { a: 2 }, { a: 3 }]);
  });

  it('a message the listener does not want is merged when the model is read, and is never copied for onMessage', () => {
    let reads = 0;
    const message = Object.defineProperty({ event: 'page_view' }, 'page', {
      get: () => {
        reads++;
        return '/cars';
      },
      enumerable: true,
    });
    const wanted: unknown[] = [];
    const { dataLayer, watcher, calls } = watch([], {
      wants: (pushed, kind) => {
        wanted.push([pushed, kind]);
        return (pushed as { event?: unknown }).event === 'user_sign_in';
      },
    });
    dataLayer.push(message);
    expect(wanted).toEqual([[message, 'object']]);
    expect((wanted[0] as unknown[])[0]).toBe(message); // the live message, not a copy
    expect(reads).toBe(0); // its merge waits until the model is read
    expect(calls).toEqual([]);
    expect(watcher.get('page')).toBe('/cars');
    expect(reads).toBe(1); // the merge read it; no copy did
    dataLayer.push({ event: 'user_sign_in' });
    expect(calls.map((call) => call.model)).toEqual([{ event: 'user_sign_in', page: '/cars' }]);
  });

  it('reports an exception in onMessage and still delivers the following messages', () => {
    const boom = new Error('handler failed');
    const delivered: unknown[] = [];
    const { dataLayer, errors } = watch([], {
      onMessage: (message) => {
        delivered.push(message);
        if ((message as { n: number }).n === 1) throw boom;
      },
    });
    const pushed = { n: 1 };
    dataLayer.push(pushed, { n: 2 });
    dataLayer.push({ n: 3 });
    expect(delivered).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(errors).toEqual([{ error: boom, message: pushed }]);
  });
});
