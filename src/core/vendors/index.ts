// The vendor registry: one entry per VendorId with its identify/reset and its WINDOW
// declaration (the paths and script URL patterns the template turns into GTM permissions).
import { identify as antsomiIdentify, reset as antsomiReset, WINDOW as ANTSOMI_WINDOW } from './antsomi';
import { identify as connectoIdentify, reset as connectoReset, WINDOW as CONNECTO_WINDOW } from './connecto';
import { identify as customerioIdentify, reset as customerioReset, WINDOW as CUSTOMERIO_WINDOW } from './customerio';
import { identify as gistIdentify, reset as gistReset, WINDOW as GIST_WINDOW } from './gist';
import { identify as mutinyIdentify, reset as mutinyReset, WINDOW as MUTINY_WINDOW } from './mutiny';
import { identify as segmentIdentify, reset as segmentReset, WINDOW as SEGMENT_WINDOW } from './segment';
import type { VendorId, WindowUse } from '../model';
import type { VendorModule } from './types';

export const VENDOR_IDS: VendorId[] = ['segment', 'customerio', 'gist', 'mutiny', 'connecto', 'antsomi'];

export const VENDORS: { [id in VendorId]: VendorModule } = {
  segment: { name: 'Segment', window: SEGMENT_WINDOW, identify: segmentIdentify, reset: segmentReset },
  customerio: { name: 'Customer.io', window: CUSTOMERIO_WINDOW, identify: customerioIdentify, reset: customerioReset },
  gist: { name: 'Gist', window: GIST_WINDOW, identify: gistIdentify, reset: gistReset },
  mutiny: { name: 'Mutiny', window: MUTINY_WINDOW, identify: mutinyIdentify, reset: mutinyReset },
  connecto: { name: 'Connecto', window: CONNECTO_WINDOW, identify: connectoIdentify, reset: connectoReset },
  antsomi: { name: 'Antsomi', window: ANTSOMI_WINDOW, identify: antsomiIdentify, reset: antsomiReset },
};

/** Every vendor's WINDOW declaration, by vendor id. */
export const WINDOWS: { [id in VendorId]: WindowUse } = {
  segment: SEGMENT_WINDOW,
  customerio: CUSTOMERIO_WINDOW,
  gist: GIST_WINDOW,
  mutiny: MUTINY_WINDOW,
  connecto: CONNECTO_WINDOW,
  antsomi: ANTSOMI_WINDOW,
};

/** The VendorId spelled by `value`, or null. */
export function vendorId(value: unknown): VendorId | null {
  for (let i = 0; i < VENDOR_IDS.length; i++) {
    if (VENDOR_IDS[i] === value) return VENDOR_IDS[i];
  }
  return null;
}
