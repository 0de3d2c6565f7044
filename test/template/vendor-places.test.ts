// Adding a vendor touches many files (docs/adding-a-vendor.md lists them in order). For every
// vendor id this test finds each place and, when one is missing, names it: core's registry and
// window declarations, the template's fields and scenarios, the permissions the built template
// declares for it, the ready-made container's keys, and the demo's stand-in and script URL.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VENDOR_IDS, VENDORS, WINDOWS } from '../../src/core/vendors/index';
import type { VendorId } from '../../src/core/model';
import { VENDOR_KEYS } from '../../src/container/keys';
import { DEMO_KEYS, REAL_CLIENTS, SCRIPT_URLS, vendorOfUrl } from '../../src/demo/shared';
import { DESTINATION_OPTIONS, optionField, sendField } from '../../src/template/destinations';
import { FIELDS } from '../../src/template/fields';
import { VENDOR_FIELDS } from '../../src/template/fields/vendors';
import { SCENARIO_FILES } from '../../src/template/index';
import type { Field } from '../../src/toolchain/fields';
import { builtPermissions, ROOT } from './built';

const exists = (path: string) => existsSync(resolve(ROOT, path));
const names = (fields: readonly Field[]): string[] =>
  fields.flatMap((f) => [f.name, ...names(f.subParams ?? []), ...names((f.radioItems ?? []).flatMap((i) => i.subParams ?? []))]);

let stubs: Record<string, unknown>;
let globals: Set<string>;

beforeAll(async () => {
  vi.stubGlobal('window', {}); // stubs.ts takes the page's window when loaded; its functions are not run here
  ({ STUBS: stubs } = await import('../../src/demo/vendors/stubs'));
  const access = (await builtPermissions()).find((p) => p.publicId === 'access_globals');
  globals = new Set(((access?.params as { keys?: { key: string }[] } | undefined)?.keys ?? []).map((k) => k.key));
});
afterAll(() => vi.unstubAllGlobals());

/** Every place `vendor` needs, as `place: what is missing`; empty when the vendor is complete. */
function missingPlaces(vendor: VendorId): string[] {
  const missing: string[] = [];
  const need = (ok: unknown, place: string) => {
    if (!ok) missing.push(place);
  };
  need(exists(`src/core/vendors/${vendor}.ts`), `src/core/vendors/${vendor}.ts: the vendor module`);
  need(VENDORS[vendor], `src/core/vendors/registry.ts: VENDORS.${vendor}`);
  need(WINDOWS[vendor], `src/core/vendors/index.ts: WINDOWS.${vendor}`);
  need(exists(`test/core/${vendor}.test.ts`), `test/core/${vendor}.test.ts: the vendor module's tests`);

  const fields = (VENDOR_FIELDS as Partial<typeof VENDOR_FIELDS>)[vendor];
  need(exists(`src/template/fields/${vendor}.ts`) && fields, `src/template/fields/${vendor}.ts and fields/vendors.ts: the vendor's fields`);
  const destinations = FIELDS.find((f) => f.name === 'destinationsGroup')?.subParams ?? [];
  need(destinations[VENDOR_IDS.indexOf(vendor)] === fields?.SEND_FIELD, `src/template/fields/index.ts: the Destinations group lists ${sendField(vendor)} in the order of VENDOR_IDS`);
  need(fields?.SEND_FIELD.name === sendField(vendor), `src/template/fields/${vendor}.ts: the checkbox is named ${sendField(vendor)}`);
  const own = fields ? names([fields.SEND_FIELD]) : [];
  need(DESTINATION_OPTIONS[vendor], `src/template/destinations.ts: DESTINATION_OPTIONS.${vendor}`);
  for (const option of DESTINATION_OPTIONS[vendor] ?? []) need(own.includes(optionField(vendor, option)), `src/template/fields/${vendor}.ts: the field ${optionField(vendor, option)} for the option ${option}`);
  for (const key of fields?.KEY_FIELDS ?? []) need(own.includes(key), `src/template/fields/${vendor}.ts: KEY_FIELDS names ${key}, which is not one of its fields`);

  const scenarios = `src/template/tests/${vendor}.scenarios.ts`;
  need(exists(scenarios) && SCENARIO_FILES.includes(scenarios), `${scenarios}, listed in SCENARIO_FILES of src/template/index.ts`);
  const paths = Object.values(WINDOWS[vendor] ?? {}).flat().filter((path) => !path.startsWith('https://'));
  for (const path of paths) need(globals.has(path), `src/template/permissions.ts: ${path} (WINDOWS.${vendor}) is not among the built template's access_globals keys`);

  for (const key of fields?.KEY_FIELDS ?? []) {
    need(key in VENDOR_KEYS, `src/container/keys.ts: VENDOR_KEYS.${key}`);
    need(key in DEMO_KEYS, `src/demo/shared.ts: DEMO_KEYS.${key}`);
  }
  need(REAL_CLIENTS.includes(vendor) || vendor in stubs, `src/demo/vendors/stubs.ts: STUBS.${vendor} (or REAL_CLIENTS in src/demo/shared.ts)`);
  need(SCRIPT_URLS[vendor] && vendorOfUrl(SCRIPT_URLS[vendor]) === vendor, `src/demo/shared.ts: SCRIPT_URLS.${vendor}, a URL WINDOWS.${vendor}.injectScript permits`);
  if (DESTINATION_OPTIONS[vendor]?.includes('loadScript')) {
    need(WINDOWS[vendor]?.injectScript?.length, `src/core/vendors/${vendor}.ts: WINDOW.injectScript, the script URL patterns (the vendor has a Load option)`);
  }
  return missing;
}

describe('every vendor has its place everywhere a vendor is needed', () => {
  it.each(VENDOR_IDS)('%s', (vendor) => {
    expect(missingPlaces(vendor)).toEqual([]);
  });

  it('names a missing place: a vendor id with nothing else', () => {
    const missing = missingPlaces('newvendor' as VendorId);
    expect(missing).toContain('src/core/vendors/registry.ts: VENDORS.newvendor');
    expect(missing).toContain('src/template/fields/newvendor.ts and fields/vendors.ts: the vendor\'s fields');
    expect(missing).toContain('src/template/tests/newvendor.scenarios.ts, listed in SCENARIO_FILES of src/template/index.ts');
    expect(missing).toContain('src/demo/vendors/stubs.ts: STUBS.newvendor (or REAL_CLIENTS in src/demo/shared.ts)');
    expect(missing).toContain('src/demo/shared.ts: SCRIPT_URLS.newvendor, a URL WINDOWS.newvendor.injectScript permits');
  });

  it('gives every key of the ready-made container to one vendor', () => {
    const owned = VENDOR_IDS.flatMap((vendor) => [...VENDOR_FIELDS[vendor].KEY_FIELDS]);
    expect(owned.sort()).toEqual(Object.keys(VENDOR_KEYS).sort());
  });
});
