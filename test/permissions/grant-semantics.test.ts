// The decided GTM semantics of "do these permissions grant this use", pinned once and asked of
// every place that answers it: permissions/check.ts isGranted (static check), the emulator's
// PermissionChecker (run time, queryPermission) and, for URLs, sandbox/permit.ts
// matchesUrlPattern (compiled into the template). Evidence tags as in
// docs/reference/gtm-template-format.md: [DOC] Google's permissions page
// (developers.google.com/tag-platform/tag-manager/templates/permissions), [REAL] real exports,
// [INF] the page and the exports are silent, so the stricter reading is taken.
import { describe, expect, it } from 'vitest';
import { PermissionChecker } from '../../src/toolchain/emulator';
import { checkPermissions, isGranted, type Need } from '../../src/toolchain/permissions/check';
import type { Permission } from '../../src/toolchain/permissions/codec';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { matchesUrlPattern } from '../../src/sandbox/permit';
import {
  accessGlobals, getCookies, injectScript, localStorageKeys, logging, permission, readDataLayer, setCookies,
} from '../fixtures/emulator/permissions';

/** [use, declared, static need, emulator call (id, ...args), granted]. */
type Case = [string, Permission[], Need, [string, ...unknown[]], boolean];

const url = (declared: string, used: string, granted: boolean): Case =>
  [`${used} under ${declared}`, [injectScript(declared)], { permission: 'inject_script', key: used }, ['inject_script', used], granted];

const CASES: Case[] = [
  // inject_script: "URL match patterns" [DOC]; shapes `https://stapecdn.com/dtag/*`,
  // `https://*.cookiebot.com/`, `https://us-assets.i.posthog.com/static/array.js` [REAL].
  url('https://us-assets.i.posthog.com/static/array.js', 'https://us-assets.i.posthog.com/static/array.js', true),
  // The query string is part of the match: nothing says GTM drops it [INF].
  url('https://us-assets.i.posthog.com/static/array.js', 'https://us-assets.i.posthog.com/static/array.js?v=2', false),
  // ... and so is the fragment [INF].
  url('https://cdn.example.com/a.js', 'https://cdn.example.com/a.js#x', false),
  // A pattern ending in / covers everything below it, query included: Cookiebot declares
  // https://*.cookiebot.com/ and injects https://consent.cookiebot.com/uc.js?cbid=… [REAL].
  url('https://*.cookiebot.com/', 'https://consent.cookiebot.com/uc.js?cbid=1&implementation=gtm', true),
  url('https://stapecdn.com/dtag/*', 'https://stapecdn.com/dtag/v9.js', true),
  // *. is any subdomain, not the bare domain [INF].
  url('https://*.cookiebot.com/', 'https://cookiebot.com/uc.js', false),
  url('https://cdn.example.com/*', 'http://cdn.example.com/a.js', false),
  // A path the browser resolves elsewhere than its text says matches nothing [INF].
  url('https://cdn.example.com/lib/*', 'https://cdn.example.com/lib/../evil.js', false),
  url('https://cdn.example.com/lib/*', 'https://cdn.example.com/lib/%2E%2E/evil.js', false),

  // read_data_layer: "a leading series of dotted references, with a trailing wildcard" [DOC].
  ['user.email under user.*', [readDataLayer('user.*')], { permission: 'read_data_layer', key: 'user.email' }, ['read_data_layer', 'user.email'], true],
  ['user.a.b under user.*', [readDataLayer('user.*')], { permission: 'read_data_layer', key: 'user.a.b' }, ['read_data_layer', 'user.a.b'], true],
  // The wildcard stands for what follows the dot: not user itself [INF].
  ['user under user.*', [readDataLayer('user.*')], { permission: 'read_data_layer', key: 'user' }, ['read_data_layer', 'user'], false],
  ['username under user.*', [readDataLayer('user.*')], { permission: 'read_data_layer', key: 'username' }, ['read_data_layer', 'username'], false],
  // A bare * has no leading reference: not a wildcard [INF].
  ['email under *', [readDataLayer('*')], { permission: 'read_data_layer', key: 'email' }, ['read_data_layer', 'email'], false],
  // Neither allowedKeys nor keyPatterns: nothing is granted [INF].
  ['email under an empty read_data_layer', [permission('read_data_layer')], { permission: 'read_data_layer', key: 'email' }, ['read_data_layer', 'email'], false],

  // access_globals: "each key is a dot separated path" with read/write/execute boxes [DOC]: no
  // wildcards, and a key does not cover the paths below it [INF].
  ['analytics.identify under analytics', [accessGlobals({ analytics: 'rwx' })], { permission: 'access_globals', key: 'analytics.identify', access: 'execute' }, ['access_globals', 'execute', 'analytics.identify'], false],
  ['readwrite needs both boxes', [accessGlobals({ q: 'r' })], { permission: 'access_globals', key: 'q', access: 'write' }, ['access_globals', 'readwrite', 'q'], false],
  // access_local_storage: "a simple array of keys, no wildcards" [DOC].
  ['uid.* is no wildcard in local storage', [localStorageKeys({ 'uid.*': 'r' })], { permission: 'access_local_storage', key: 'uid.x', access: 'read' }, ['access_local_storage', 'read', 'uid.x'], false],

  // get_cookies: cookieAccess any|specific + cookieNames [REAL]; a name is exact.
  ['_ga under cookieNames _ga', [getCookies('_ga')], { permission: 'get_cookies', key: '_ga' }, ['get_cookies', '_ga'], true],
  ['_ga_X under cookieNames _ga', [getCookies('_ga')], { permission: 'get_cookies', key: '_ga_X' }, ['get_cookies', '_ga_X'], false],
  // set_cookies: a name of * is no wildcard; only domain and path take * [REAL: data-tag] [INF].
  ['any cookie under name *', [setCookies({ name: '*' })], { permission: 'set_cookies', key: 'uid' }, ['set_cookies', 'uid', {}], false],
  ['a secure-only entry refuses a non-secure cookie', [setCookies({ name: 'uid', secure: 'secure' })],
    { permission: 'set_cookies', key: 'uid', cookieOptions: {} }, ['set_cookies', 'uid', {}], false],

  // logging: environments debug logs in preview mode only [DOC]; the emulator runs outside it.
  ['logging outside debug under environments debug', [logging('debug')], { permission: 'logging', debugMode: false }, ['logging'], false],
  ['logging outside debug under environments all', [logging('all')], { permission: 'logging', debugMode: false }, ['logging'], true],
];

describe('one answer to "is this use granted"', () => {
  it.each(CASES)('%s: the static check and the emulator agree', (_use, declared, need, [id, ...args], granted) => {
    expect(isGranted(declared, need)).toBe(granted);
    expect(new PermissionChecker(declared, () => false).allows(id, ...args)).toBe(granted);
    if (id === 'inject_script') expect(matchesUrlPattern(String(args[0]), (declared[0].params.urls as string[])[0])).toBe(granted);
  });

  it('reports a derived injectScript URL with a query string as missing under an exact pattern', () => {
    const { usage } = deriveUsage(`require('injectScript')('https://us-assets.i.posthog.com/static/array.js?v=2');`);
    const problems = checkPermissions([injectScript('https://us-assets.i.posthog.com/static/array.js')], usage);
    expect(problems.map((p) => p.rule)).toContain('permission-missing');
  });

  it('lets the static check leave set_cookies options to run time, where the emulator checks them', () => {
    const declared = [setCookies({ name: 'uid', secure: 'secure' })];
    expect(isGranted(declared, { permission: 'set_cookies', key: 'uid' })).toBe(true);
    expect(new PermissionChecker(declared, () => false).allows('set_cookies', 'uid', { secure: true })).toBe(true);
  });
});
