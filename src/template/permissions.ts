// Build only (never in the template's code): the keys the Platform (platform.ts) asks GTM about
// at run time, by Platform API, for the permission deriver (TemplateSource.queried). The code
// carries no copy of these lists, since every byte of it lands in every page: at run time GTM
// answers queryPermission from ___WEB_PERMISSIONS___, which the build writes from this
// declaration. The one source is core's: each vendor's WINDOW paths and script URL patterns,
// and the Google consent types.
import { KNOWN_CONSENT_TYPES, VENDOR_IDS, WINDOWS } from '../core/index';
import type { WindowUse } from '../core/index';

/** Every vendor's list for one Platform API, in VENDOR_IDS order. */
const everyVendor = (api: keyof WindowUse): string[] => VENDOR_IDS.flatMap((vendor) => WINDOWS[vendor][api] ?? []);

export const QUERIED_KEYS: { readonly [api: string]: readonly string[] } = {
  callInWindow: everyVendor('callInWindow'),
  // core reads a page function before calling it (is it there yet?), so every callable is readable.
  copyFromWindow: everyVendor('callInWindow').concat(everyVendor('copyFromWindow')),
  setInWindow: everyVendor('setInWindow'),
  createQueue: everyVendor('createQueue'),
  createArgumentsQueue: everyVendor('createArgumentsQueue'),
  aliasInWindow: everyVendor('aliasInWindow'),
  injectScript: everyVendor('injectScript'),
  isConsentGranted: KNOWN_CONSENT_TYPES,
  addConsentListener: KNOWN_CONSENT_TYPES,
  // The key mapping reads whatever keys the marketer maps.
  copyFromDataLayer: ['*'],
};
