import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';
import { checkPermissions, isGranted, keyPatternCovers } from '../../src/toolchain/permissions/check';
import { urlPatternCovers } from '../../src/sandbox/permit';
import { decodePermissions, type Permission } from '../../src/toolchain/permissions/codec';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { toPermissions } from '../../src/toolchain/permissions/to-permissions';

const perm = (publicId: string, params: Permission['params'] = {}): Permission => ({ publicId, versionId: '1', params, isRequired: true });
const usageOf = (code: string) => deriveUsage(code).usage;
const rulesOf = (declared: Permission[], code: string) => checkPermissions(declared, usageOf(code)).map((p) => p.rule);

describe('checkPermissions: what the code needs but the template does not declare', () => {
  const code = "const callInWindow = require('callInWindow');\ncallInWindow('analytics.identify', 'u1');";

  it('accepts exactly the derived permissions', () => {
    expect(checkPermissions(toPermissions(usageOf(code)), usageOf(code))).toEqual([]);
  });

  it('reports a missing permission where the code needs it, naming permission and key', () => {
    const [p] = checkPermissions([], usageOf(code));
    expect(p).toMatchObject({ rule: 'permission-missing', about: 'access_globals', line: 2, column: 14 });
    expect(p.message).toContain("execute on 'analytics.identify'");
    expect(p.message).toContain('GTM refuses it at run time');
  });

  it('reports a declared key without the access the code uses', () => {
    const declared = [perm('access_globals', { keys: [{ key: 'analytics.identify', read: true, write: false, execute: false }] })];
    expect(checkPermissions(declared, usageOf(code))).toMatchObject([
      { rule: 'permission-missing', line: 2 },
      { rule: 'permission-unused', message: "access_globals declares read on 'analytics.identify', which the code never does" },
    ]);
  });

  it('reports one problem per missing need, not per call', () => {
    expect(rulesOf([], "const r = require('readTitle'); r(); r();")).toEqual(['permission-missing']);
  });

  it('reports a URL outside the declared patterns', () => {
    const declared = [perm('inject_script', { urls: ['https://cdn.segment.com/analytics.js/v1/*/analytics.min.js'] })];
    const inside = "const i = require('injectScript'); i('https://cdn.segment.com/analytics.js/v1/' + data.key + '/analytics.min.js');";
    const outside = "const i = require('injectScript'); i('https://cdn.segment.com/next/' + data.key + '.js');";
    expect(rulesOf(declared, inside)).toEqual([]);
    expect(rulesOf(declared, outside)).toEqual(['permission-missing', 'permission-unused']);
  });
});

describe('checkPermissions: what the template declares but the code does not need', () => {
  it('reports a whole permission the code never needs', () => {
    expect(checkPermissions([perm('read_title')], { requirements: [] })).toEqual([
      { rule: 'permission-unused', about: 'read_title', message: 'read_title is declared but the code never needs it' },
    ]);
  });

  it('reports unused keys, URL patterns and cookie names one by one', () => {
    const code = "const g = require('getCookieValues'); const s = require('sendPixel'); g('a'); s('https://px.example.com/a');";
    const declared = [
      perm('get_cookies', { cookieAccess: 'specific', cookieNames: ['a', 'b'] }),
      perm('send_pixel', { allowedUrls: 'specific', urls: ['https://px.example.com/*', 'https://other.example.com/*'] }),
    ];
    expect(checkPermissions(declared, usageOf(code)).map((p) => p.message)).toEqual([
      'get_cookies declares the cookie b, which the code never uses',
      'send_pixel declares the URL pattern https://other.example.com/*, which the code never uses',
    ]);
  });

  it("lets a declared 'any' cover specific use but flags it as broader than needed", () => {
    const code = "const c = require('copyFromDataLayer'); c('user.id');";
    const problems = checkPermissions([perm('read_data_layer', { allowedKeys: 'any' })], usageOf(code));
    expect(problems).toEqual([{ rule: 'permission-broader', about: 'read_data_layer',
      message: 'read_data_layer allows any data layer key, but the code only needs specific ones' }]);
  });

  it("needs a declared 'any' when the code takes any key", () => {
    const code = "function permit(v, a) { return v; }\nconst c = require('copyFromDataLayer');\nc(permit(data.key, '*'));";
    expect(rulesOf([perm('read_data_layer', { allowedKeys: 'any' })], code)).toEqual([]);
    expect(rulesOf([perm('read_data_layer', { allowedKeys: 'specific', keyPatterns: ['user.id'] })], code))
      .toEqual(['permission-missing', 'permission-unused']);
  });

  it('reads get_url grants per component and query key', () => {
    const code = "const q = require('getQueryParameters'); q('utm_source');";
    expect(rulesOf([perm('get_url', { urlParts: 'specific', query: true, queriesAllowed: 'specific', queryKeys: ['utm_source'] })], code)).toEqual([]);
    expect(rulesOf([perm('get_url', { urlParts: 'specific', host: true, queriesAllowed: 'any' })], code))
      .toEqual(['permission-missing', 'permission-unused', 'permission-broader']);
    expect(checkPermissions([perm('get_url', { urlParts: 'any', queriesAllowed: 'any' })], usageOf(code)).map((p) => p.message)).toEqual([
      'get_url allows every URL part, but the code only reads query',
      "get_url allows any query key, but the code only reads 'utm_source'",
    ]);
  });

  it('ignores the default queriesAllowed when the query is never read', () => {
    const code = "const u = require('getUrl'); u('host');";
    expect(rulesOf([perm('get_url', { urlParts: 'specific', host: true, queriesAllowed: 'any' })], code)).toEqual([]);
  });

  it('flags logging in all environments as broader than debug', () => {
    const code = "const log = require('logToConsole'); log('x');";
    expect(rulesOf([perm('logging', { environments: 'debug' })], code)).toEqual([]);
    expect(rulesOf([perm('logging', { environments: 'all' })], code)).toEqual(['permission-broader']);
  });

  it('does not call keys unused for a permission whose use it could not resolve', () => {
    const code = "const i = require('injectScript'); i(data.url);";
    const { usage } = deriveUsage(code);
    expect(checkPermissions([perm('inject_script', { urls: ['https://cdn.example.com/*'] })], usage)).toEqual([]);
  });
});

describe('a declared block in the shape of a GTM export', () => {
  it('is checked against the identify bundle both ways', () => {
    const declared = decodePermissions(JSON.parse(fixture('declared-permissions.json')));
    const { usage } = deriveUsage(fixture('analytics-identify.js'));
    const problems = checkPermissions(declared, usage);
    expect(problems.filter((p) => p.line !== undefined)).toEqual([{
      rule: 'permission-missing', about: 'access_globals', line: 46, column: 16,
      message: "callInWindow needs access_globals (execute on 'cioanalytics.reset'), but access_globals is declared without "
        + "execute on 'cioanalytics.reset' in ___WEB_PERMISSIONS___; GTM refuses it at run time",
    }]);
    expect(problems.filter((p) => p.line === undefined).map((p) => [p.rule, p.message])).toEqual([
      ['permission-broader', 'logging logs in all environments; debug (preview mode) is enough'],
      ['permission-unused', "access_globals declares execute on 'analytics', which the code never does"],
      ['permission-unused', "access_globals declares read on 'dataLayer', which the code never does"],
      ['permission-unused', "access_consent declares read on 'ad_storage', which the code never does"],
      ['permission-unused', 'get_cookies is declared but the code never needs it'],
      ['permission-unused', 'read_title is declared but the code never needs it'],
    ]);
  });
});

describe('isGranted, the run-time question', () => {
  const declared = decodePermissions(JSON.parse(fixture('declared-permissions.json')));

  it('grants a concrete call the declared permissions allow', () => {
    expect(isGranted(declared, { permission: 'access_globals', key: 'analytics.identify', access: 'execute' })).toBe(true);
    expect(isGranted(declared, { permission: 'inject_script', key: 'https://cdn.segment.com/analytics.js/v1/k1/analytics.min.js' })).toBe(true);
    expect(isGranted(declared, { permission: 'get_cookies', key: 'anything' })).toBe(true);
  });

  it('refuses what is not declared, or declared without that access', () => {
    expect(isGranted(declared, { permission: 'access_globals', key: 'analytics.identify', access: 'write' })).toBe(false);
    expect(isGranted(declared, { permission: 'inject_script', key: 'https://evil.example.com/x.js' })).toBe(false);
    expect(isGranted(declared, { permission: 'inject_script', key: 'https://cdn.segment.com@evil.com/analytics.js/v1/x' })).toBe(false);
    expect(isGranted(declared, { permission: 'send_pixel', key: 'https://px.example.com/' })).toBe(false);
  });
});

describe('pattern coverage', () => {
  it('covers a derived URL pattern with a declared one only when every matching URL is allowed', () => {
    expect(urlPatternCovers('https://cdn.segment.com/analytics.js/v1/*', 'https://cdn.segment.com/analytics.js/v1/*/analytics.min.js')).toBe(true);
    expect(urlPatternCovers('https://*.linkedin.com/*', 'https://px.ads.linkedin.com/collect?*')).toBe(true);
    expect(urlPatternCovers('https://cdn.example.com/*.js', 'https://cdn.example.com/*')).toBe(false);
    expect(urlPatternCovers('https://cdn.example.com/a.js', 'https://*.example.com/a.js')).toBe(false);
  });

  it('covers data layer keys with exact keys and trailing .* patterns', () => {
    expect(keyPatternCovers('user.*', 'user.email')).toBe(true);
    expect(keyPatternCovers('user.*', 'user')).toBe(false);
    expect(keyPatternCovers('user.email', 'user.email')).toBe(true);
    expect(keyPatternCovers('user.email', 'user.name')).toBe(false);
  });
});
