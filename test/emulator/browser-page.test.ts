import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { runTemplate } from '../../src/toolchain/emulator';
import { createBrowserPage } from '../../src/toolchain/emulator/page/browser-page';
import { accessGlobals, getCookies, localStorageKeys, permission, setCookies } from '../fixtures/emulator/permissions';

describe('createBrowserPage', () => {
  let window: Window;
  afterEach(async () => {
    await window.happyDOM.close();
  });

  it('runs window APIs against the real window object', async () => {
    window = new Window({ url: 'https://shop.example.com/' });
    const calls: unknown[] = [];
    Object.assign(window, { analytics: { identify: (...args: unknown[]) => calls.push(args) } });
    const page = createBrowserPage(window as unknown as globalThis.Window);
    const run = await runTemplate(`require('callInWindow')('analytics.identify', 'u1', {plan: 'pro'}); require('createQueue')('dataLayer')({event: 'x'});`, {}, {
      page, permissions: [accessGlobals({ 'analytics.identify': 'x', dataLayer: 'rw' })],
    });
    expect(run.error).toBeUndefined();
    expect(calls).toEqual([['u1', { plan: 'pro' }]]);
    expect((window as unknown as { dataLayer: unknown[] }).dataLayer).toEqual([{ event: 'x' }]);
  });

  it('reads the location, title, cookies and localStorage of the document', async () => {
    window = new Window({ url: 'https://shop.example.com/cars?brand=Audi' });
    window.document.title = 'Cars';
    window.localStorage.setItem('seen', '1');
    const page = createBrowserPage(window as unknown as globalThis.Window);
    const code = `
      require('setCookie')('uid', 'a b');
      return [require('getUrl')('path'), require('getQueryParameters')('brand'), require('readTitle')(),
        require('getCookieValues')('uid'), require('localStorage').getItem('seen')];`;
    const run = await runTemplate(code, {}, {
      page, type: 'MACRO',
      permissions: [
        permission('get_url', { urlParts: 'any', queriesAllowed: 'any' }), permission('read_title'),
        setCookies({ name: 'uid' }), getCookies('uid'), localStorageKeys({ seen: 'r' }),
      ],
    });
    expect(run.result).toEqual(['/cars', 'Audi', 'Cars', ['a b'], '1']);
    expect(window.document.cookie).toBe('uid=a%20b');
  });

  it('runs callLater callbacks on a real timer even when nobody drains', async () => {
    window = new Window();
    const page = createBrowserPage(window as unknown as globalThis.Window);
    await runTemplate(`require('callLater')(() => require('setInWindow')('later', true));`, {}, {
      page, drain: false, permissions: [accessGlobals({ later: 'w' })],
    });
    expect((window as unknown as { later?: boolean }).later).toBeUndefined();
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    expect((window as unknown as { later?: boolean }).later).toBe(true);
  });
});
