// Each vendor's fields by vendor id (src/core/vendors/ids.ts): the "Send to <vendor>" checkbox
// with its options (SEND_FIELD) and the fields holding account keys or ids (KEY_FIELDS). The
// type makes a new VendorId fail to compile until it has its fields/<vendor>.ts here;
// test/template/vendor-places.test.ts checks the other places a vendor needs.
import type { VendorId } from '../../core/model';
import type { Field } from '../../toolchain/fields';
import * as antsomi from './antsomi';
import * as connecto from './connecto';
import * as customerio from './customerio';
import * as gist from './gist';
import * as mutiny from './mutiny';
import * as segment from './segment';

export interface VendorFields {
  SEND_FIELD: Field;
  KEY_FIELDS: readonly string[];
}

export const VENDOR_FIELDS = { segment, customerio, gist, mutiny, connecto, antsomi } as const satisfies { [id in VendorId]: VendorFields };
