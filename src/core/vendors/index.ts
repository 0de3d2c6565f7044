// The vendors: their ids (ids.ts), the registry of their identify/reset (registry.ts), and
// their WINDOW declarations (the paths and script URL patterns the template turns into GTM
// permissions).
import { WINDOW as ANTSOMI_WINDOW } from './antsomi';
import { WINDOW as CONNECTO_WINDOW } from './connecto';
import { WINDOW as CUSTOMERIO_WINDOW } from './customerio';
import { WINDOW as GIST_WINDOW } from './gist';
import { WINDOW as MUTINY_WINDOW } from './mutiny';
import { WINDOW as SEGMENT_WINDOW } from './segment';
import type { VendorId, WindowUse } from '../model';

export { VENDOR_IDS, vendorId } from './ids';
export { ANTSOMI_WINDOW, CONNECTO_WINDOW, CUSTOMERIO_WINDOW, GIST_WINDOW, MUTINY_WINDOW, SEGMENT_WINDOW };
export { VENDORS } from './registry';
export type { Registry } from './registry';

/** Every vendor's WINDOW declaration, by vendor id. */
export const WINDOWS: { [id in VendorId]: WindowUse } = {
  segment: SEGMENT_WINDOW,
  customerio: CUSTOMERIO_WINDOW,
  gist: GIST_WINDOW,
  mutiny: MUTINY_WINDOW,
  connecto: CONNECTO_WINDOW,
  antsomi: ANTSOMI_WINDOW,
};
