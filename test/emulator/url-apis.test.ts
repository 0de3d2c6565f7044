import { describe, expect, it } from 'vitest';
import { createTestPage } from '../../src/toolchain/emulator';
import { getUrl, injectScript, permission } from '../fixtures/emulator/permissions';
import { evaluate, runTag } from '../fixtures/emulator/run';

const URL = 'https://shop.example.com:8443/cars/audi.html?utm_source=news&brand=Audi&brand=VW#details';
const anyUrl = permission('get_url', { urlParts: 'any', queriesAllowed: 'any' });

describe('getUrl', () => {
  it('returns the full URL and each component as GTM names them', async () => {
    const page = createTestPage({ url: URL });
    const code = `const g = require('getUrl'); return [g(), g('protocol'), g('host'), g('port'), g('path'), g('query'), g('extension'), g('fragment')];`;
    expect(await evaluate(code, [anyUrl], page)).toEqual([
      URL, 'https', 'shop.example.com', '8443', '/cars/audi.html', 'utm_source=news&brand=Audi&brand=VW', 'html', 'details',
    ]);
  });

  it('reports the default port of the scheme when the URL has none', async () => {
    expect(await evaluate(`return require('getUrl')('port');`, [anyUrl], createTestPage({ url: 'https://example.com/' }))).toBe('443');
  });

  it('refuses a component the permission does not list, and the full URL under specific parts', async () => {
    const allowed = [getUrl(['path'])];
    expect((await runTag(`require('getUrl')('host');`, allowed)).error?.message).toBe("get_url: URL component 'host' is not allowed");
    expect((await runTag(`require('getUrl')();`, allowed)).error?.message).toBe('get_url: the full URL needs urlParts and queriesAllowed "any"');
    expect((await runTag(`require('getUrl')('path');`, allowed)).error).toBeUndefined();
  });
});

describe('getQueryParameters', () => {
  it('returns the first value, or all values with retrieveAll', async () => {
    const page = createTestPage({ url: URL });
    const code = `const q = require('getQueryParameters'); return [q('brand'), q('brand', true), q('missing'), q('missing', true)];`;
    expect(await evaluate(code, [anyUrl], page)).toEqual(['Audi', ['Audi', 'VW'], undefined, []]);
  });

  it('refuses a query key outside the allowed keys, naming it', async () => {
    const run = await runTag(`require('getQueryParameters')('gclid');`, [getUrl(['query'], ['utm_source'])], { url: URL });
    expect(run.error?.message).toBe("get_url: query key 'gclid' is not allowed");
  });
});

describe('referrer APIs', () => {
  it('read the referrer with the get_referrer permission', async () => {
    const page = createTestPage({ referrer: 'https://www.google.com/search?q=audi' });
    const code = `return [require('getReferrerUrl')('host'), require('getReferrerQueryParameters')('q')];`;
    expect(await evaluate(code, [permission('get_referrer', { urlParts: 'any', queriesAllowed: 'any' })], page)).toEqual(['www.google.com', 'audi']);
  });

  it('are refused with only get_url declared', async () => {
    expect((await runTag(`require('getReferrerUrl')();`, [anyUrl])).error?.message).toBe(
      'get_referrer: the full URL needs urlParts and queriesAllowed "any" (the template does not declare get_referrer)',
    );
  });
});

describe('parseUrl', () => {
  it('splits a URL into URL-object parts with searchParams as an object', async () => {
    expect(await evaluate(`return require('parseUrl')('https://u:p@example.com:81/a/b?x=1&y=2&y=3#h');`)).toEqual({
      href: 'https://u:p@example.com:81/a/b?x=1&y=2&y=3#h', origin: 'https://example.com:81', protocol: 'https:',
      username: 'u', password: 'p', host: 'example.com:81', hostname: 'example.com', port: '81', pathname: '/a/b',
      search: '?x=1&y=2&y=3', searchParams: { x: '1', y: ['2', '3'] }, hash: '#h',
    });
  });

  it('returns undefined for a malformed URL', async () => {
    expect(await evaluate(`return require('parseUrl')('not a url');`)).toBeUndefined();
  });
});

// The emulator asks sandbox/permit.ts matchesUrlPattern, the matcher the template and the static
// check use (its semantics and evidence are pinned in test/permissions/grant-semantics.test.ts).
describe('URL match patterns in the emulator', () => {
  const inject = (url: string, pattern: string) => runTag(`require('injectScript')('${url}');`, [injectScript(pattern)]);

  it('refuses a query string that an exact pattern does not spell out, like the template and the static check', async () => {
    const pattern = 'https://us-assets.i.posthog.com/static/array.js';
    expect((await inject('https://us-assets.i.posthog.com/static/array.js', pattern)).error).toBeUndefined();
    expect((await inject('https://us-assets.i.posthog.com/static/array.js?v=2', pattern)).error?.message).toBe(
      "inject_script: 'https://us-assets.i.posthog.com/static/array.js?v=2' matches no allowed URL pattern",
    );
  });

  it('lets a path ending in / or * cover everything below it, query included', async () => {
    expect((await inject('https://consent.cookiebot.com/uc.js?cbid=1', 'https://*.cookiebot.com/')).error).toBeUndefined();
    expect((await inject('https://tag.rmp.rakuten.com/123/x.js?v=2', 'https://tag.rmp.rakuten.com/*')).error).toBeUndefined();
  });

  it('refuses http, the bare domain of a *. pattern, and a path that climbs out with ..', async () => {
    const refused = /^inject_script: '.*' matches no allowed URL pattern$/;
    expect((await inject('http://cdn.example.com/sdk.js', 'https://cdn.example.com/sdk.js')).error?.message).toMatch(refused);
    expect((await inject('https://cookiebot.com/x', 'https://*.cookiebot.com/')).error?.message).toMatch(refused);
    expect((await inject('https://cdn.example.com/lib/../evil.js', 'https://cdn.example.com/lib/*')).error?.message).toMatch(refused);
  });
});
