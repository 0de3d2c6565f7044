// The vendor modules this build holds, by id: all six here. The bridge build swaps this module
// for a one-vendor registry to make its per-vendor bundles (src/bridge/build.ts), so a missing
// entry means "not in this build" and the engine reports it instead of calling it.
import { VENDOR as ANTSOMI } from './antsomi';
import { VENDOR as CONNECTO } from './connecto';
import { VENDOR as CUSTOMERIO } from './customerio';
import { VENDOR as GIST } from './gist';
import { VENDOR as MUTINY } from './mutiny';
import { VENDOR as SEGMENT } from './segment';
import type { VendorId } from '../model';
import type { VendorModule } from './types';

export type Registry = { [id in VendorId]?: VendorModule };

export const VENDORS: Registry = {
  segment: SEGMENT,
  customerio: CUSTOMERIO,
  gist: GIST,
  mutiny: MUTINY,
  connecto: CONNECTO,
  antsomi: ANTSOMI,
};
