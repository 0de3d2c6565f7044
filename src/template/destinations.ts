// The Destinations section of the fields → core's destinations, with no block per vendor: a
// vendor is sent to when its "send<Vendor>" box is ticked; each option comes from the field named
// vendor id + Option (customerioGlobal holds Customer.io's globalName).
import { VENDOR_IDS } from '../core/index';
import type { Destination, VendorId } from '../core/index';

/** Every vendor's options (the fields the code reads; test/template/fields.test.ts checks both ways). */
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
export const optionField = (vendor: VendorId, option: string): string => vendor + capitalized(option === 'globalName' ? 'global' : option);

export const sendField = (vendor: VendorId): string => 'send' + capitalized(vendor);

/**
 * The ticked destinations, in the order of VENDOR_IDS. A vendor's options are its fields (those
 * named after its id), each under its option name: gistAppId → appId (customerioGlobal →
 * globalName); DESTINATION_OPTIONS lists them, and test/template/fields.test.ts holds the two
 * together.
 */
export function destinations(fields: { [name: string]: unknown }): Destination[] {
  return VENDOR_IDS.filter((vendor) => fields[sendField(vendor)]).map((vendor) => {
    const options: { [option: string]: unknown } = {};
    for (let name in fields) {
      if (name.substring(0, vendor.length) !== vendor) continue;
      const option = name.charAt(vendor.length).toLowerCase() + name.substring(vendor.length + 1);
      options[option === 'global' ? 'globalName' : option] = fields[name];
    }
    return { vendor: vendor, options: options } as Destination;
  });
}
