// One refused call per permission kind: the template run stops with a PermissionError whose
// message names the permission (and the key, URL or access it lacks).
import { describe, expect, it } from 'vitest';
import { PermissionError, runTemplate } from '../../src/toolchain/emulator';
import type { Permission } from '../../src/toolchain/permissions/codec';
import {
  accessConsent, accessGlobals, getCookies, getUrl, injectHiddenIframe, injectScript, localStorageKeys, permission,
  readDataLayer, sendPixel, setCookies, writeDataLayer,
} from '../fixtures/emulator/permissions';

const refusals: [string, string, Permission[], string][] = [
  ['access_globals', `require('setInWindow')('analytics', {});`, [accessGlobals({ analytics: 'r' })], "access_globals: 'analytics' needs write"],
  ['access_local_storage', `require('localStorage').getItem('uid');`, [localStorageKeys({ other: 'rw' })], "access_local_storage: 'uid' needs read"],
  ['access_consent', `require('addConsentListener')('ad_storage', () => {});`, [accessConsent({ analytics_storage: 'r' })], "access_consent: 'ad_storage' needs read"],
  ['access_template_storage', `require('templateStorage').setItem('a', 1);`, [], 'access_template_storage: the template does not declare access_template_storage'],
  ['get_cookies', `require('getCookieValues')('_ga');`, [getCookies('uid')], "get_cookies: cookie '_ga' is not allowed"],
  ['set_cookies', `require('setCookie')('_ga', '1');`, [setCookies({ name: 'uid' })], "set_cookies: cookie '_ga' is not allowed with these options"],
  ['get_url', `require('getUrl')('fragment');`, [getUrl(['path', 'query'])], "get_url: URL component 'fragment' is not allowed"],
  ['get_referrer', `require('getReferrerUrl')('host');`, [], "get_referrer: URL component 'host' is not allowed (the template does not declare get_referrer)"],
  ['inject_script', `require('injectScript')('https://evil.example.org/x.js');`, [injectScript('https://cdn.example.com/*')], "inject_script: 'https://evil.example.org/x.js' matches no allowed URL pattern"],
  ['send_pixel', `require('sendPixel')('https://px.example.org/p');`, [sendPixel('https://px.example.com/*')], "send_pixel: 'https://px.example.org/p' matches no allowed URL pattern"],
  ['inject_hidden_iframe', `require('injectHiddenIframe')('https://f.example.org/');`, [injectHiddenIframe('https://f.example.com/')], "inject_hidden_iframe: 'https://f.example.org/' matches no allowed URL pattern"],
  ['read_data_layer', `require('copyFromDataLayer')('user.email');`, [readDataLayer('user.id')], "read_data_layer: 'user.email' is not an allowed key"],
  ['write_data_layer', `require('gtagSet')({ads_data_redaction: true});`, [writeDataLayer('url_passthrough')], "write_data_layer: 'ads_data_redaction' is not an allowed key"],
  ['read_title', `require('readTitle')();`, [], 'read_title: the template does not declare read_title'],
  ['read_character_set', `require('readCharacterSet')();`, [], 'read_character_set: the template does not declare read_character_set'],
  ['read_container_data', `require('getContainerVersion')();`, [], 'read_container_data: the template does not declare read_container_data'],
  ['read_event_metadata', `require('addEventCallback')(() => {});`, [], 'read_event_metadata: the template does not declare read_event_metadata'],
  ['read_analytics_storage', `require('readAnalyticsStorage')();`, [], 'read_analytics_storage: the template does not declare read_analytics_storage'],
  ['logging', `require('logToConsole')('x');`, [], 'logging: the template does not declare logging'],
];

describe('permission enforcement', () => {
  it.each(refusals)('refuses an access %s does not grant, naming the permission', async (id, code, permissions, message) => {
    const run = await runTemplate(`${code}\ndata.gtmOnSuccess();`, {}, { permissions });
    expect(run.error).toBeInstanceOf(PermissionError);
    expect((run.error as PermissionError).permission).toBe(id);
    expect(run.error?.message).toBe(message);
    expect(run.successCalls).toBe(0);
  });

  it('lets any of several declared entries of one permission grant the access', async () => {
    const twoEntries = [accessGlobals({ a: 'r' }), accessGlobals({ b: 'x' })];
    const run = await runTemplate(`require('callInWindow')('b'); data.gtmOnSuccess();`, {}, { permissions: twoEntries });
    expect(run.error).toBeUndefined();
  });

  it('lets send_pixel allow any URL with allowedUrls any', async () => {
    const run = await runTemplate(`require('sendPixel')('https://anything.example/p');`, {}, { permissions: [permission('send_pixel', { allowedUrls: 'any' })] });
    expect(run.error).toBeUndefined();
  });
});
