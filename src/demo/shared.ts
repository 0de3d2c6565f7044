// What the demo server and the demo page agree on: the demo's vendor keys, where each vendor's
// script is served locally, and the page's settings.
import type { KeyValues } from '../container/keys';
import type { VendorId } from '../core/model';
import { VENDOR_IDS, WINDOWS } from '../core/vendors/index';
import { permitUrl } from '../sandbox/permit';

/** Well-formed keys, so that every tag of the container really loads its vendor's script. */
export const DEMO_KEYS: KeyValues = {
  segmentWriteKey: 'demo_segment_key',
  customerioWriteKey: 'demo_customerio_key',
  gistAppId: 'demo_gist_app',
  connectoLicenseKey: 'demo_connecto_license',
  antsomiPortalId: '561236459',
  antsomiPropertyId: '565018647',
};

export const VENDORS: readonly VendorId[] = VENDOR_IDS;
export type DemoVendor = VendorId;

/** Vendors the demo runs with their real client; every other vendor has a stand-in in vendors/stubs.ts. */
export const REAL_CLIENTS: readonly VendorId[] = ['segment'];

/** Mutiny's script is per customer (core allows none): the demo's stand-in. */
const MUTINY_SCRIPT_URL = 'https://demo.mutiny.invalid/mutiny.js';

/** Real script URLs of each vendor, as the sites' snippets load them. */
export const SCRIPT_URLS: Record<DemoVendor, string> = {
  segment: `https://cdn.segment.com/analytics.js/v1/${DEMO_KEYS.segmentWriteKey}/analytics.min.js`,
  customerio: `https://cdp.customer.io/v1/analytics-js/snippet/${DEMO_KEYS.customerioWriteKey}/analytics.min.js`,
  gist: 'https://widget.getgist.com/',
  mutiny: MUTINY_SCRIPT_URL,
  connecto: 'https://server.connecto.io/javascripts/connect.prod.min.js',
  antsomi: 'https://st-a.cdp.asia/insight.js',
};

/** The vendor whose script `url` is: by core's injectScript patterns (the template's permissions). */
export function vendorOfUrl(url: string): DemoVendor | null {
  if (url === MUTINY_SCRIPT_URL) return 'mutiny';
  return VENDOR_IDS.find((vendor) => permitUrl(url, WINDOWS[vendor].injectScript ?? []) !== undefined) ?? null;
}

/** Local route for a vendor URL, /cdn/<host><path>; for a failing vendor the server answers 404. */
export function localScriptUrl(url: string, failing: readonly DemoVendor[]): string | null {
  const match = /^https:\/\/([^/]+)(\/.*)?$/.exec(url);
  const vendor = vendorOfUrl(url);
  if (!match || vendor === null) return null;
  return `/cdn/${match[1]}${match[2] ?? '/'}${failing.includes(vendor) ? '?down=1' : ''}`;
}

export type Runtime = 'container' | 'bridge';

/** The page's settings; query parameters set them and sessionStorage keeps them across pages. */
export interface DemoSettings {
  /** Which runtime sends: the container preview (template) or the dataLayer bridge. */
  via: Runtime;
  /** analytics_storage as the page's consent default; null = no consent mode on the page. */
  consent: 'granted' | 'denied' | null;
  /** Vendors whose script the server answers with 404. */
  fail: DemoVendor[];
  /** "Skip if unchanged" on every identify (the container's tags and the bridge); off by default. */
  dedupe?: boolean;
}

/** One call a vendor received, as the panel shows it. */
export interface Received {
  vendor: DemoVendor;
  method: string;
  args: unknown[];
  /** 'network' for calls captured from a real client's requests, 'sdk' for stub SDK calls. */
  seen: 'network' | 'sdk';
  via: Runtime;
}

export const CARS = [
  { slug: 'audi-q5', brand: 'Audi', model: 'Q5 Sportback' },
  { slug: 'bmw-x3', brand: 'BMW', model: 'X3 xDrive30e' },
  { slug: 'volvo-ex30', brand: 'Volvo', model: 'EX30' },
] as const;
