// Customer.io Data Pipelines (docs/reference/vendors.md#customerio, #mapping): the analytics.js
// API (analytics-js.ts) on the `cioanalytics` global of the current snippet, or on `analytics`
// for older snippets (option `globalName`).
//
// Decisions:
// - The page's SDK or snippet stub is used when `<globalName>.identify` is a function.
// - Loading (option `loadScript`, write key of letters, digits, '_' or '-'; `region` 'us' →
//   https://cdp.customer.io, 'eu' → https://cdp-eu.customer.io, path
//   /v1/analytics-js/snippet/<writeKey>/analytics.min.js): the current snippet tells the bundle
//   its global through a `data-global-customerio-analytics-key` attribute on the script tag;
//   GTM's injectScript cannot set attributes, and without it the bundle reads its queue from
//   `window.analytics` (checked in @customerio/cdp-analytics-browser's standalone entry). So a
//   Customer.io loaded by us lives on `analytics`: the call is queued there (with `_writeKey`)
//   and later runs call `analytics.identify`.
// - `analytics` may be Segment's: Customer.io uses it only when its write key is ours (the
//   `shared` rule of analytics-js.ts), so the write key is needed for older snippets too.
//   Segment and Customer.io on one page also share the ajs_* storage keys (see the reference): the current
//   snippet (cioanalytics) is the one to use there.
// - Without loading, a call is queued on `<globalName>` for the page's snippet to adopt.
// - The email may be the user id (Customer.io parses it); "use email as user id" covers that.
// - Reset: `reset()` like Segment.
import { choice } from '../checks';
import { analyticsJsVendor } from './analytics-js';
import type { AnalyticsGlobal, SetupOf } from './analytics-js';
import type { VendorModule } from './types';
import type { WindowUse } from '../model';

// US, then EU; the write key takes the place of `*`.
const SCRIPT_URLS = [
  'https://cdp.customer.io/v1/analytics-js/snippet/*/analytics.min.js',
  'https://cdp-eu.customer.io/v1/analytics-js/snippet/*/analytics.min.js',
];

export const WINDOW = {
  callInWindow: ['cioanalytics.identify', 'cioanalytics.reset', 'analytics.identify', 'analytics.reset'],
  copyFromWindow: ['cioanalytics', 'analytics', 'analytics._writeKey', 'analytics.settings.writeKey'],
  setInWindow: ['cioanalytics._writeKey', 'analytics._writeKey'],
  createQueue: ['cioanalytics', 'analytics'],
  injectScript: SCRIPT_URLS,
} satisfies WindowUse;

const GLOBALS: AnalyticsGlobal[] = ['cioanalytics', 'analytics'];

const customerioSetup: SetupOf = (raw, keyInUrl) => {
  const global = choice(raw.globalName, GLOBALS, 'cioanalytics');
  const pattern = SCRIPT_URLS[choice(raw.region, ['us', 'eu'], 'us') === 'eu' ? 1 : 0];
  const loading = keyInUrl !== null;
  return {
    callGlobals: loading && global !== 'analytics' ? [global, 'analytics'] : [global],
    queueGlobal: loading ? 'analytics' : global,
    scriptUrl: loading ? pattern.split('*').join(keyInUrl as string) : null,
    shared: 'analytics',
  };
};

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = analyticsJsVendor('Customer.io', 'Customer.io', customerioSetup);
