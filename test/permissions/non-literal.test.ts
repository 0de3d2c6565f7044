// Issue 2 §3: a non-literal argument that a permission is keyed on is a lint error, for every
// keyed API, unless the source declares its allowed values in one place (permit / permitUrl).
import { describe, expect, it } from 'vitest';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { positionIn } from '../snippet-position';

const PERMIT = 'function permit(value, allowed) { return value; }\nfunction permitUrl(url, patterns) { return url; }\n';

/** [api, call with KEY where the keyed argument goes, permission, the allowed value permit() declares] */
const KEYED: [string, string, string, string | null][] = [
  ['callInWindow', 'callInWindow(KEY, 1)', 'access_globals', 'analytics.identify'],
  ['copyFromWindow', 'copyFromWindow(KEY)', 'access_globals', 'analytics'],
  ['setInWindow', 'setInWindow(KEY, 1)', 'access_globals', 'identified'],
  ['createQueue', 'createQueue(KEY)', 'access_globals', 'dataLayer'],
  ['createArgumentsQueue', "createArgumentsQueue(KEY, 'ga.q')", 'access_globals', 'ga'],
  ['aliasInWindow', "aliasInWindow(KEY, 'fbq')", 'access_globals', '_fbq'],
  ['injectScript', 'injectScript(KEY)', 'inject_script', 'https://cdn.example.com/sdk.js'],
  ['sendPixel', 'sendPixel(KEY)', 'send_pixel', 'https://px.example.com/collect'],
  ['injectHiddenIframe', 'injectHiddenIframe(KEY)', 'inject_hidden_iframe', 'https://frames.example.com/sync.html'],
  ['isConsentGranted', 'isConsentGranted(KEY)', 'access_consent', 'analytics_storage'],
  ['addConsentListener', 'addConsentListener(KEY, function () {})', 'access_consent', 'ad_storage'],
  ['localStorage', 'localStorage.getItem(KEY)', 'access_local_storage', 'identify.last'],
  ['getCookieValues', 'getCookieValues(KEY)', 'get_cookies', '_ga'],
  ['setCookie', "setCookie(KEY, 'v')", 'set_cookies', 'seen'],
  ['copyFromDataLayer', 'copyFromDataLayer(KEY)', 'read_data_layer', 'userId'],
  ['getQueryParameters', 'getQueryParameters(KEY)', 'get_url', 'utm_source'],
  ['getReferrerQueryParameters', 'getReferrerQueryParameters(KEY)', 'get_referrer', 'q'],
  ['getUrl', 'getUrl(KEY)', 'get_url', 'host'],
  ['getReferrerUrl', 'getReferrerUrl(KEY)', 'get_referrer', 'host'],
  // these take a settings object: nothing to permit() as one value, so only the error is checked
  ['gtagSet', 'gtagSet(KEY)', 'write_data_layer', null],
  ['updateConsentState', 'updateConsentState(KEY)', 'access_consent', null],
  ['setDefaultConsentState', 'setDefaultConsentState(KEY)', 'access_consent', null],
];

const codeFor = (api: string, call: string, key: string): string => `const ${api} = require('${api}');\n${PERMIT}${call.replace('KEY', key)};`;

describe('a keyed argument the deriver cannot resolve', () => {
  it.each(KEYED)('%s with a run-time value is an unresolvable-argument error at that argument, naming the permission', (api, call, permission) => {
    const code = codeFor(api, call, 'data.key');
    const { problems } = deriveUsage(code);
    expect(problems.map((p) => ({ rule: p.rule, line: p.line, column: p.column }))).toEqual([
      { rule: 'unresolvable-argument', ...positionIn(code, 'data.key') },
    ]);
    expect(problems[0].message).toContain(`so the ${permission} permission cannot be derived`);
    expect(problems[0].message).toMatch(/wrap it: permit(Url)?\(/);
  });

  it.each(KEYED.filter((row) => row[3] !== null))('%s with the run-time value wrapped in its allowed values needs exactly those', (api, call, permission, allowed) => {
    const wrapper = permission === 'inject_script' || permission === 'send_pixel' || permission === 'inject_hidden_iframe' ? 'permitUrl' : 'permit';
    const { usage, problems } = deriveUsage(codeFor(api, call, `${wrapper}(data.key, ['${allowed}'])`));
    expect(problems).toEqual([]);
    const keyed = usage.requirements.filter((r) => r.permission === permission);
    // the permitted value is what the permission is keyed on (a query key for the query APIs)
    expect(keyed.some((r) => r.key === allowed || r.queryKey === allowed), JSON.stringify(keyed)).toBe(true);
    expect(keyed.some((r) => r.anyKey || r.anyQueryKey)).toBe(false);
  });
});
