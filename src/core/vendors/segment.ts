// Segment analytics.js (vendors.md §1, §8.3). The API rules live in analytics-js.ts.
//
// Decisions:
// - Global `analytics`; the SDK (or the page's snippet stub) is used when `analytics.identify`
//   is a function, otherwise the call is queued in the `analytics` array.
// - Loading (option `loadScript`) needs a write key of letters, digits, '_' or '-'; the script is
//   https://cdn.segment.com/analytics.js/v1/<writeKey>/analytics.min.js (write key URL-encoded).
//   Without a usable key the call fails when loading is needed, and is reported as such.
// - Reset: `analytics.reset()`, through the stub when the SDK is not loaded yet (and loading
//   the script when configured, so the stored ids are really cleared).
import { flag } from '../checks';
import { analyticsJsVendor } from './analytics-js';
import { KEY_CHARS, optionsObject, readKey, urlSegment } from './options';
import type { AnalyticsJsSetup } from './analytics-js';
import type { VendorModule } from './types';
import type { WindowUse } from '../model';

export const WINDOW: WindowUse = {
  callInWindow: ['analytics.identify', 'analytics.reset'],
  copyFromWindow: ['analytics', 'analytics.identify', 'analytics.reset'],
  setInWindow: ['analytics._writeKey'],
  createQueue: ['analytics'],
  createArgumentsQueue: [],
  aliasInWindow: [],
  injectScript: ['https://cdn.segment.com/analytics.js/v1/*/analytics.min.js'],
};

function segmentSetup(options: unknown): AnalyticsJsSetup {
  const raw = optionsObject(options);
  const load = flag(raw.loadScript, false);
  const key = readKey(raw.writeKey, 'Segment write key', KEY_CHARS);
  const keyInUrl = key.value === null ? null : urlSegment(key.value);
  return {
    callGlobals: ['analytics'],
    queueGlobal: 'analytics',
    scriptUrl: load && keyInUrl !== null ? 'https://cdn.segment.com/analytics.js/v1/' + keyInUrl + '/analytics.min.js' : null,
    loadError: load && keyInUrl === null ? 'cannot load analytics.js: ' + key.error : null,
    writeKey: key.value,
  };
}

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = analyticsJsVendor('Segment', segmentSetup);
