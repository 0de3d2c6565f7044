// Every vendor id, kept apart from the registry (registry.ts): a build that holds fewer vendor
// modules (the bridge's per-vendor bundles) still knows and names all of them.
import type { VendorId } from '../model';

export const VENDOR_IDS: VendorId[] = ['segment', 'customerio', 'gist', 'mutiny', 'connecto', 'antsomi'];

/** The VendorId spelled by `value`, or null. */
export const vendorId = (value: unknown): VendorId | null =>
  VENDOR_IDS.indexOf(value as VendorId) >= 0 ? (value as VendorId) : null;
