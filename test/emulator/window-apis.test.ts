import { describe, expect, it } from 'vitest';
import { createTestPage } from '../../src/toolchain/emulator';
import { accessGlobals } from '../fixtures/emulator/permissions';
import { evaluate, runTag } from '../fixtures/emulator/run';

describe('copyFromWindow', () => {
  it('reads a dotted path as a deep copy the template cannot use to change the page', async () => {
    const page = createTestPage({ globals: { app: { user: { id: 'u1', tags: ['a'] } } } });
    const code = `
      const copyFromWindow = require('copyFromWindow');
      const user = copyFromWindow('app.user');
      user.id = 'changed';
      user.tags.push('b');
      return user;`;
    expect(await evaluate(code, [accessGlobals({ 'app.user': 'r' })], page)).toEqual({ id: 'changed', tags: ['a', 'b'] });
    expect(page.window.app).toEqual({ user: { id: 'u1', tags: ['a'] } });
  });

  it('gives undefined for a missing path and for values the sandbox cannot hold', async () => {
    const page = createTestPage({ globals: { when: new Date(0), re: /x/ } });
    const code = `
      const copyFromWindow = require('copyFromWindow');
      return [copyFromWindow('missing.deep.key'), copyFromWindow('when'), copyFromWindow('re')];`;
    expect(await evaluate(code, [accessGlobals({ 'missing.deep.key': 'r', when: 'r', re: 'r' })], page)).toEqual([undefined, undefined, undefined]);
  });

  it('copies objects that refer to themselves without looping', async () => {
    const node: Record<string, unknown> = { name: 'root' };
    node.self = node;
    const page = createTestPage({ globals: { node } });
    const code = `
      const copyFromWindow = require('copyFromWindow');
      const copy = copyFromWindow('node');
      return copy.self.self.name;`;
    expect(await evaluate(code, [accessGlobals({ node: 'r' })], page)).toBe('root');
  });

  it('returns page functions as callable functions whose arguments and results are copied', async () => {
    const seen: unknown[] = [];
    const page = createTestPage({ globals: { lib: { echo: (value: { n: number }) => { seen.push(value); return { back: value.n }; } } } });
    const code = `
      const copyFromWindow = require('copyFromWindow');
      const echo = copyFromWindow('lib.echo');
      const arg = {n: 1};
      const result = echo(arg);
      arg.n = 2;
      return result;`;
    expect(await evaluate(code, [accessGlobals({ 'lib.echo': 'r' })], page)).toEqual({ back: 1 });
    expect(seen).toEqual([{ n: 1 }]);
  });
});

describe('setInWindow', () => {
  it('keeps an existing value unless told to override it', async () => {
    const page = createTestPage({ globals: { flag: 'page' } });
    const code = `
      const setInWindow = require('setInWindow');
      return [setInWindow('flag', 'template'), setInWindow('fresh', 1), setInWindow('flag', 'forced', true)];`;
    expect(await evaluate(code, [accessGlobals({ flag: 'w', fresh: 'w' })], page)).toEqual([false, true, true]);
    expect(page.window).toMatchObject({ flag: 'forced', fresh: 1 });
  });

  it('creates missing intermediate objects of a dotted path', async () => {
    const page = createTestPage();
    await evaluate(`require('setInWindow')('a.b.c', 42); return true;`, [accessGlobals({ 'a.b.c': 'w' })], page);
    expect(page.window).toEqual({ a: { b: { c: 42 } } });
  });

  it('hands the page a deep copy, so later sandbox changes do not reach it', async () => {
    const page = createTestPage();
    await evaluate(`
      const config = {list: [1], nested: {on: true}};
      require('setInWindow')('config', config);
      config.list.push(2);
      config.nested.on = false;
      return true;`, [accessGlobals({ config: 'w' })], page);
    expect(page.window.config).toEqual({ list: [1], nested: { on: true } });
  });

  it('hands the page functions that page code can call with its own values', async () => {
    const page = createTestPage();
    await evaluate(`
      require('setInWindow')('onReady', function (payload) {
        payload.seen = true;
        return {ok: payload.n + 1};
      });
      return true;`, [accessGlobals({ onReady: 'w' })], page);
    const payload = { n: 1 };
    const onReady = page.window.onReady as (p: { n: number }) => unknown;
    expect(onReady(payload)).toEqual({ ok: 2 });
    expect(payload).toEqual({ n: 1 });
  });
});

describe('callInWindow', () => {
  it('calls the function at a dotted path with copied arguments and its owner as this', async () => {
    const calls: unknown[] = [];
    const analytics = {
      name: 'analytics',
      identify(this: { name: string }, id: string, traits: Record<string, unknown>) {
        calls.push([this.name, id, traits]);
        traits.mutated = true;
        return 'ok';
      },
    };
    const page = createTestPage({ globals: { analytics } });
    const code = `
      const traits = {plan: 'pro'};
      const result = require('callInWindow')('analytics.identify', 'u1', traits);
      return [result, traits];`;
    expect(await evaluate(code, [accessGlobals({ 'analytics.identify': 'x' })], page)).toEqual(['ok', { plan: 'pro' }]);
    expect(calls).toEqual([['analytics', 'u1', { plan: 'pro', mutated: true }]]);
  });

  it('returns undefined when the path holds no function', async () => {
    const page = createTestPage({ globals: { analytics: { identify: 'not a function' } } });
    expect(await evaluate(`return require('callInWindow')('analytics.identify', 1);`, [accessGlobals({ 'analytics.identify': 'x' })], page)).toBeUndefined();
  });

  it('lets the page call back into sandbox functions passed as arguments', async () => {
    const page = createTestPage({ globals: { sdk: { ready: (callback: (v: unknown) => void) => callback({ from: 'page' }) } } });
    const code = `
      let received;
      require('callInWindow')('sdk.ready', function (value) { received = value; });
      return received;`;
    expect(await evaluate(code, [accessGlobals({ 'sdk.ready': 'x' })], page)).toEqual({ from: 'page' });
  });

  it('gives a page function back unchanged when the sandbox passes it on to the page', async () => {
    const original = () => 'page';
    const page = createTestPage({ globals: { fn: original } });
    await evaluate(`require('setInWindow')('alias', require('copyFromWindow')('fn')); return true;`, [accessGlobals({ fn: 'r', alias: 'w' })], page);
    expect(page.window.alias).toBe(original);
  });
});

describe('createQueue', () => {
  it('creates the array when absent and pushes copies through it', async () => {
    const page = createTestPage();
    await evaluate(`
      const push = require('createQueue')('dataLayer');
      const event = {event: 'user_sign_in'};
      push(event, {second: true});
      event.event = 'changed';
      return true;`, [accessGlobals({ dataLayer: 'rw' })], page);
    expect(page.window.dataLayer).toEqual([{ event: 'user_sign_in' }, { second: true }]);
  });

  it('pushes through the array\'s own push, so a hooked data layer sees every item', async () => {
    const seen: unknown[] = [];
    const dataLayer: unknown[] = [];
    const originalPush = dataLayer.push.bind(dataLayer);
    dataLayer.push = (...items: unknown[]) => { seen.push(...items); return originalPush(...items); };
    const page = createTestPage({ globals: { dataLayer } });
    await evaluate(`require('createQueue')('dataLayer')({a: 1}); return true;`, [accessGlobals({ dataLayer: 'rw' })], page);
    expect(seen).toEqual([{ a: 1 }]);
    expect([...dataLayer]).toEqual([{ a: 1 }]);
  });

  it('creates the objects of a dotted array path', async () => {
    const page = createTestPage();
    await evaluate(`require('createQueue')('web_event.queue')('x'); return true;`, [accessGlobals({ 'web_event.queue': 'rw' })], page);
    expect(page.window).toEqual({ web_event: { queue: ['x'] } });
  });
});

describe('createArgumentsQueue', () => {
  it('creates a global function that pushes its arguments object, like gtag', async () => {
    const page = createTestPage();
    await evaluate(`
      const gtag = require('createArgumentsQueue')('gtag', 'dataLayer');
      gtag('set', {currency: 'EUR'});
      return true;`, [accessGlobals({ gtag: 'rw', dataLayer: 'rw' })], page);
    const [entry] = page.window.dataLayer as IArguments[];
    expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    expect(Array.from(entry)).toEqual(['set', { currency: 'EUR' }]);
    (page.window.gtag as (...args: unknown[]) => void)('event', 'page');
    expect((page.window.dataLayer as unknown[]).length).toBe(2);
  });

  it('keeps a function that already exists at the function key', async () => {
    const existing = () => 'existing';
    const page = createTestPage({ globals: { gtag: existing } });
    await evaluate(`require('createArgumentsQueue')('gtag', 'dataLayer'); return true;`, [accessGlobals({ gtag: 'rw', dataLayer: 'rw' })], page);
    expect(page.window.gtag).toBe(existing);
    expect(page.window.dataLayer).toEqual([]);
  });
});

describe('aliasInWindow', () => {
  it('makes one global refer to the same page value as another', async () => {
    const push = () => 1;
    const page = createTestPage({ globals: { dataLayer: { push } } });
    expect(await evaluate(`return require('aliasInWindow')('gtagPush', 'dataLayer.push');`, [accessGlobals({ gtagPush: 'w', 'dataLayer.push': 'r' })], page)).toBe(true);
    expect(page.window.gtagPush).toBe(push);
  });

  it('returns false when the parent of the target path does not exist', async () => {
    const page = createTestPage({ globals: { source: 1 } });
    expect(await evaluate(`return require('aliasInWindow')('missing.target', 'source');`, [accessGlobals({ 'missing.target': 'w', source: 'r' })], page)).toBe(false);
  });
});

describe('window API permissions', () => {
  it('refuses callInWindow without execute, naming the key and access', async () => {
    const run = await runTag(`require('callInWindow')('analytics.identify', 'u1');`, [accessGlobals({ 'analytics.identify': 'r' })]);
    expect(run.error?.message).toBe("access_globals: 'analytics.identify' needs execute");
  });

  it('refuses createQueue without both read and write on the array key', async () => {
    const run = await runTag(`require('createQueue')('dataLayer');`, [accessGlobals({ dataLayer: 'w' })]);
    expect(run.error?.message).toBe("access_globals: 'dataLayer' needs read");
  });

  it('says when access_globals is not declared at all', async () => {
    const run = await runTag(`require('copyFromWindow')('x');`);
    expect(run.error?.message).toBe("access_globals: 'x' needs read (the template does not declare access_globals)");
  });

  it('refuses aliasInWindow without read on the source path', async () => {
    const run = await runTag(`require('aliasInWindow')('to', 'from');`, [accessGlobals({ to: 'w', from: 'w' })]);
    expect(run.error?.message).toBe("access_globals: 'from' needs read");
  });
});
