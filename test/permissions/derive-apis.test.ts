import { describe, expect, it } from 'vitest';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { toPermissions } from '../../src/toolchain/permissions/to-permissions';

/** The permissions derived from a snippet, as {publicId: params}; fails on derivation problems. */
function derived(code: string): Record<string, unknown> {
  const { usage, problems } = deriveUsage(code);
  expect(problems).toEqual([]);
  return Object.fromEntries(toPermissions(usage).map((p) => [p.publicId, p.params]));
}

const globals = (...keys: [string, boolean, boolean, boolean][]) =>
  ({ access_globals: { keys: keys.map(([key, read, write, execute]) => ({ key, read, write, execute })) } });

describe('each web API needs its permission', () => {
  it('callInWindow executes its path', () => {
    expect(derived("const callInWindow = require('callInWindow'); callInWindow('analytics.identify', 'u1');"))
      .toEqual(globals(['analytics.identify', false, false, true]));
  });

  it('copyFromWindow reads and setInWindow writes their key', () => {
    expect(derived("const c = require('copyFromWindow'); const s = require('setInWindow'); c('a.b'); s('x', 1, true);"))
      .toEqual(globals(['a.b', true, false, false], ['x', false, true, false]));
  });

  it('createQueue reads and writes its array key', () => {
    expect(derived("const createQueue = require('createQueue'); createQueue('dataLayer');"))
      .toEqual(globals(['dataLayer', true, true, false]));
  });

  it('createArgumentsQueue reads and writes both keys', () => {
    expect(derived("const q = require('createArgumentsQueue'); q('ga', 'ga.q');"))
      .toEqual(globals(['ga', true, true, false], ['ga.q', true, true, false]));
  });

  it('aliasInWindow writes toPath and reads fromPath', () => {
    expect(derived("const aliasInWindow = require('aliasInWindow'); aliasInWindow('_fbq', 'fbq');"))
      .toEqual(globals(['_fbq', false, true, false], ['fbq', true, false, false]));
  });

  it('injectScript, sendPixel and injectHiddenIframe need their URL', () => {
    expect(derived(`
      const injectScript = require('injectScript');
      const sendPixel = require('sendPixel');
      const injectHiddenIframe = require('injectHiddenIframe');
      injectScript('https://cdn.example.com/sdk.js', data.gtmOnSuccess, data.gtmOnFailure);
      sendPixel('https://px.example.com/collect?id=1');
      injectHiddenIframe('https://frames.example.com/sync.html');
    `)).toEqual({
      inject_script: { urls: ['https://cdn.example.com/sdk.js'] },
      send_pixel: { allowedUrls: 'specific', urls: ['https://px.example.com/collect?id=1'] },
      inject_hidden_iframe: { urls: ['https://frames.example.com/sync.html'] },
    });
  });

  it('isConsentGranted and addConsentListener read, the consent-state setters write every consent type', () => {
    expect(derived(`
      const isConsentGranted = require('isConsentGranted');
      const addConsentListener = require('addConsentListener');
      const updateConsentState = require('updateConsentState');
      const setDefaultConsentState = require('setDefaultConsentState');
      isConsentGranted('analytics_storage');
      addConsentListener('ad_storage', function (type, granted) {});
      setDefaultConsentState({ ad_storage: 'denied', region: ['DE'], wait_for_update: 500 });
      updateConsentState({ 'ad_storage': 'granted' });
    `)).toEqual({
      access_consent: { consentTypes: [
        { consentType: 'ad_storage', read: true, write: true },
        { consentType: 'analytics_storage', read: true, write: false },
        { consentType: 'wait_for_update', read: false, write: true },
      ] },
    });
  });

  it('localStorage.getItem reads, setItem and removeItem write', () => {
    expect(derived(`
      const localStorage = require('localStorage');
      localStorage.getItem('last_identify');
      localStorage.setItem('last_identify', 'x');
      localStorage.removeItem('old_key');
    `)).toEqual({
      access_local_storage: { keys: [
        { key: 'last_identify', read: true, write: true },
        { key: 'old_key', read: false, write: true },
      ] },
    });
  });

  it('getCookieValues reads and setCookie sets its cookie', () => {
    expect(derived("const g = require('getCookieValues'); const s = require('setCookie'); g('ajs_user_id'); s('seen', '1', {domain: 'auto'});"))
      .toEqual({
        get_cookies: { cookieAccess: 'specific', cookieNames: ['ajs_user_id'] },
        set_cookies: { allowedCookies: [{ name: 'seen', domain: '*', path: '*', secure: 'any', session: 'any' }] },
      });
  });

  it('copyFromDataLayer reads its key and gtagSet writes its flattened keys', () => {
    expect(derived(`
      const copyFromDataLayer = require('copyFromDataLayer');
      const gtagSet = require('gtagSet');
      copyFromDataLayer('user.id');
      gtagSet({ ads_data_redaction: true, developer_id: { abc: true }, 'a.b': 1 });
      gtagSet('url_passthrough', true);
    `)).toEqual({
      read_data_layer: { allowedKeys: 'specific', keyPatterns: ['user.id'] },
      write_data_layer: { keyPatterns: ['a.b', 'ads_data_redaction', 'developer_id.abc', 'url_passthrough'] },
    });
  });

  it('getUrl and getQueryParameters need get_url for the components and query keys read', () => {
    expect(derived(`
      const getUrl = require('getUrl');
      const getQueryParameters = require('getQueryParameters');
      getUrl('host');
      getUrl('query', false, null, 'gclid');
      getQueryParameters('utm_source');
    `)).toEqual({
      get_url: { urlParts: 'specific', host: true, query: true, queriesAllowed: 'specific', queryKeys: ['gclid', 'utm_source'] },
    });
  });

  it('getUrl without a component needs the whole URL', () => {
    expect(derived("const getUrl = require('getUrl'); getUrl();")).toEqual({ get_url: { urlParts: 'any', queriesAllowed: 'any' } });
  });

  it('getReferrerUrl and getReferrerQueryParameters need get_referrer', () => {
    expect(derived("const r = require('getReferrerUrl'); const q = require('getReferrerQueryParameters'); r('path'); q('ref');"))
      .toEqual({ get_referrer: { urlParts: 'specific', path: true, query: true, queriesAllowed: 'specific', queryKeys: ['ref'] } });
  });

  it('reading the whole query string needs any query key', () => {
    expect(derived("const getUrl = require('getUrl'); getUrl('query');"))
      .toEqual({ get_url: { urlParts: 'specific', query: true, queriesAllowed: 'any' } });
  });

  it('the parameterless permissions follow their API', () => {
    expect(derived(`
      const logToConsole = require('logToConsole');
      const getContainerVersion = require('getContainerVersion');
      const readTitle = require('readTitle');
      const readCharacterSet = require('readCharacterSet');
      const addEventCallback = require('addEventCallback');
      const readAnalyticsStorage = require('readAnalyticsStorage');
      const templateStorage = require('templateStorage');
      logToConsole('x'); getContainerVersion(); readTitle(); readCharacterSet();
      addEventCallback(function () {}); readAnalyticsStorage(); templateStorage.setItem('k', 1);
    `)).toEqual({
      logging: { environments: 'debug' },
      read_container_data: {}, read_title: {}, read_character_set: {}, read_event_metadata: {},
      read_analytics_storage: {}, access_template_storage: {},
    });
  });

  it('APIs without a permission need none', () => {
    expect(derived(`
      const callLater = require('callLater'); const sha256 = require('sha256'); const JSON = require('JSON');
      const queryPermission = require('queryPermission'); const makeString = require('makeString');
      callLater(function () {}); sha256('x', function () {}); JSON.stringify({}); queryPermission('logging'); makeString(1);
    `)).toEqual({});
  });

  it('a direct require(api)(…) call is followed too', () => {
    expect(derived("require('callInWindow')('analytics.reset'); require('localStorage').getItem('k');"))
      .toEqual({
        access_globals: { keys: [{ key: 'analytics.reset', read: false, write: false, execute: true }] },
        access_local_storage: { keys: [{ key: 'k', read: true, write: false }] },
      });
  });

  it('an API required but never used needs nothing', () => {
    expect(derived("const injectScript = require('injectScript'); const readTitle = require('readTitle');")).toEqual({});
  });

  it('a logging API passed around as a value still needs logging', () => {
    expect(derived("const log = require('logToConsole'); const debug = data.debug ? log : function () {}; debug('x');"))
      .toEqual({ logging: { environments: 'debug' } });
  });
});
