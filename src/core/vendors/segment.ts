// Segment analytics.js (docs/reference/vendors.md#segment, #mapping). The API rules live in
// analytics-js.ts.
//
// Decisions:
// - Global `analytics`; the SDK (or the page's snippet stub) is used when `analytics.identify`
//   is a function, otherwise the call is queued in the `analytics` array.
// - Loading (option `loadScript`) needs a write key of letters, digits, '_' or '-'; the script is
//   https://cdn.segment.com/analytics.js/v1/<writeKey>/analytics.min.js (write key URL-encoded).
//   Without a usable key the call fails when loading is needed, and is reported as such.
// - Reset: `analytics.reset()`, through the stub when the SDK is not loaded yet (and loading
//   the script when configured, so the stored ids are really cleared).
import { analyticsJsVendor } from './analytics-js';
import type { SetupOf } from './analytics-js';
import type { VendorModule } from './types';
import type { WindowUse } from '../model';

// The write key takes the place of `*`.
const SCRIPT_URL = 'https://cdn.segment.com/analytics.js/v1/*/analytics.min.js';

export const WINDOW = {
  callInWindow: ['analytics.identify', 'analytics.reset'],
  copyFromWindow: ['analytics'],
  setInWindow: ['analytics._writeKey'],
  createQueue: ['analytics'],
  injectScript: [SCRIPT_URL],
} satisfies WindowUse;

const segmentSetup: SetupOf = (_raw, keyInUrl) => ({
  callGlobals: ['analytics'],
  queueGlobal: 'analytics',
  scriptUrl: keyInUrl === null ? null : SCRIPT_URL.split('*').join(keyInUrl),
});

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = analyticsJsVendor('Segment', 'analytics.js', segmentSetup);
