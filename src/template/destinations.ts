// The Destinations section of the fields → core's destinations: one table of each vendor's
// options instead of one block per vendor. A vendor is sent to when its "send<Vendor>" box is
// ticked; each option comes from the field named vendor id + Option (customerioGlobal holds
// Customer.io's globalName). test/template/fields.test.ts checks every such field exists.
import { VENDOR_IDS } from '../core/index';
import type { Destination, VendorId } from '../core/index';

export const DESTINATION_OPTIONS: { [id in VendorId]: readonly string[] } = {
  segment: ['writeKey', 'loadScript'],
  customerio: ['writeKey', 'loadScript', 'globalName', 'region'],
  gist: ['appId', 'loadScript', 'overwriteTags', 'waitMs'],
  mutiny: [],
  connecto: ['licenseKey', 'loadScript', 'waitMs'],
  antsomi: ['portalId', 'propertyId', 'loadScript', 'customerIdFrom', 'customerIdHash', 'customerIdEmail', 'vocabulary'],
};

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.substring(1);

/** The field that holds `option` of `vendor`. */
export function optionField(vendor: VendorId, option: string): string {
  return vendor + capitalized(option === 'globalName' ? 'global' : option);
}

export const sendField = (vendor: VendorId): string => 'send' + capitalized(vendor);

/** The ticked destinations, in the order of VENDOR_IDS, with their options as the fields hold them. */
export function destinations(fields: { [name: string]: unknown }): Destination[] {
  const list: Destination[] = [];
  for (let i = 0; i < VENDOR_IDS.length; i++) {
    const vendor = VENDOR_IDS[i];
    if (!fields[sendField(vendor)]) continue;
    const options: { [option: string]: unknown } = {};
    DESTINATION_OPTIONS[vendor].forEach((option) => {
      options[option] = fields[optionField(vendor, option)];
    });
    list.push({ vendor: vendor, options: options } as Destination);
  }
  return list;
}
