import { describe, expect, it } from 'vitest';
import { createTestPage } from '../../src/toolchain/emulator';
import { getCookies, localStorageKeys, permission, setCookies } from '../fixtures/emulator/permissions';
import { evaluate, runTag } from '../fixtures/emulator/run';

describe('getCookieValues', () => {
  it('returns every value of a cookie name, URI-decoded unless told not to', async () => {
    const page = createTestPage({ cookies: ['uid=a%40b.com; path=/', 'other=1', 'uid=second; path=/shop'] });
    const code = `const get = require('getCookieValues'); return [get('uid'), get('uid', false), get('none')];`;
    expect(await evaluate(code, [getCookies('uid', 'none')], page)).toEqual([['a@b.com', 'second'], ['a%40b.com', 'second'], []]);
  });

  it('refuses a cookie the permission does not name', async () => {
    const run = await runTag(`require('getCookieValues')('_ga');`, [getCookies('uid')]);
    expect(run.error?.message).toBe("get_cookies: cookie '_ga' is not allowed");
  });
});

describe('setCookie', () => {
  it('writes an encoded cookie that getCookieValues reads back', async () => {
    const page = createTestPage();
    const code = `
      require('setCookie')('uid', 'a b;c', {path: '/', 'max-age': 3600});
      return require('getCookieValues')('uid');`;
    expect(await evaluate(code, [setCookies({ name: 'uid' }), getCookies('uid')], page)).toEqual(['a b;c']);
    expect(page.readCookies()).toBe('uid=a%20b%3Bc');
  });

  it('deletes a cookie written with max-age 0', async () => {
    const page = createTestPage({ cookies: ['uid=1'] });
    await evaluate(`require('setCookie')('uid', '', {'max-age': 0}); return 0;`, [setCookies({ name: 'uid' })], page);
    expect(page.readCookies()).toBe('');
  });

  it('refuses options the permission does not allow', async () => {
    const run = await runTag(`require('setCookie')('uid', '1', {secure: false});`, [setCookies({ name: 'uid', secure: 'secure' })]);
    expect(run.error?.message).toBe("set_cookies: cookie 'uid' is not allowed with these options");
  });
});

describe('readAnalyticsStorage', () => {
  it('reads the client id and GA4 sessions from the _ga cookies', async () => {
    const page = createTestPage({ cookies: ['_ga=GA1.1.111.222', '_ga_ABC123=GS1.1.1700000000.4.1.1700000100.0.0.0', '_ga_XYZ=GS2.1.s1700000500$o7$g1$t1700000600'] });
    expect(await evaluate(`return require('readAnalyticsStorage')();`, [permission('read_analytics_storage')], page)).toEqual({
      client_id: '111.222',
      sessions: [
        { measurement_id: 'G-ABC123', session_id: '1700000000', session_number: 4 },
        { measurement_id: 'G-XYZ', session_id: '1700000500', session_number: 7 },
      ],
    });
  });

  it('returns undefined without an analytics cookie', async () => {
    expect(await evaluate(`return require('readAnalyticsStorage')();`, [permission('read_analytics_storage')])).toBeUndefined();
  });
});

describe('localStorage', () => {
  it('stores strings and answers null for missing keys', async () => {
    const page = createTestPage({ localStorage: { seen: 'yes' } });
    const code = `
      const ls = require('localStorage');
      const stored = ls.setItem('last', 42);
      const read = [ls.getItem('seen'), ls.getItem('last'), ls.getItem('never')];
      ls.removeItem('seen');
      return [stored, read, ls.getItem('seen')];`;
    expect(await evaluate(code, [localStorageKeys({ seen: 'rw', last: 'rw', never: 'r' })], page)).toEqual([true, ['yes', '42', null], null]);
  });

  it('setItem returns false when the browser has no storage', async () => {
    const page = createTestPage({ localStorage: null });
    expect(await evaluate(`return require('localStorage').setItem('k', 'v');`, [localStorageKeys({ k: 'w' })], page)).toBe(false);
  });

  it('refuses writes to a key that is only readable', async () => {
    const run = await runTag(`require('localStorage').setItem('k', 'v');`, [localStorageKeys({ k: 'r' })]);
    expect(run.error?.message).toBe("access_local_storage: 'k' needs write");
  });
});

describe('templateStorage', () => {
  it('keeps references for the page lifetime, across runs of the template', async () => {
    const page = createTestPage();
    const allowed = [permission('access_template_storage')];
    await evaluate(`require('templateStorage').setItem('state', {count: 1}); return 0;`, allowed, page);
    const code = `
      const ts = require('templateStorage');
      const state = ts.getItem('state');
      state.count += 1;
      return [ts.getItem('state').count, ts.getItem('missing')];`;
    expect(await evaluate(code, allowed, page)).toEqual([2, undefined]);
    expect(await evaluate(`const ts = require('templateStorage'); ts.clear(); return ts.getItem('state');`, allowed, page)).toBeUndefined();
  });

  it('is refused without access_template_storage', async () => {
    const run = await runTag(`require('templateStorage').getItem('x');`);
    expect(run.error?.message).toBe('access_template_storage: the template does not declare access_template_storage');
  });
});
