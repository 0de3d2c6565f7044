// The per-vendor IIFEs (dist/identify-bridge.<vendor>.min.js as buildBridge makes them): each
// holds one vendor module, identifies through it like the all-vendor bundle, and refuses a
// config naming a vendor it does not hold with one clear console warning.
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridge, BRIDGE_FILES, vendorIifeFile } from '../../src/bridge/build';
import { VENDOR_IDS } from '../../src/core/vendors/ids';
import type { VendorId } from '../../src/core/model';
import { scriptPage, type Win } from './harness';

let files: Record<string, string> = {};
beforeAll(async () => {
  const built = await buildBridge(process.cwd());
  expect(built.problems).toEqual([]);
  files = built.files;
}, 30_000);

const startWith = (vendor: VendorId) => (win: Win) => {
  win.identifyBridgeConfig = { destinations: [{ vendor }] };
};

describe('the per-vendor IIFE bundles', () => {
  it('are built for every vendor next to the all-vendor bundle, each one smaller', () => {
    const all = files[BRIDGE_FILES.iife];
    expect(all.length).toBeGreaterThan(0);
    for (const vendor of VENDOR_IDS) expect(files[vendorIifeFile(vendor)].length).toBeLessThan(all.length);
  });

  it('parse as ES2017, for browsers of the last five years (no ?., ??, object spread or newer regex syntax left)', () => {
    const scripts = [BRIDGE_FILES.iife, ...VENDOR_IDS.map(vendorIifeFile)];
    expect(Object.keys(files)).toEqual(expect.arrayContaining([...scripts, BRIDGE_FILES.esm]));
    for (const file of scripts) expect(() => parse(files[file], { ecmaVersion: 2017, sourceType: 'script' }), file).not.toThrow();
    expect(() => parse(files[BRIDGE_FILES.esm], { ecmaVersion: 2017, sourceType: 'module' })).not.toThrow();
    // the check itself can fail: optional chaining is ES2020
    expect(() => parse('a?.b', { ecmaVersion: 2017 })).toThrow();
  });

  it('the Segment bundle identifies a sign-in through a Segment stub', async () => {
    const calls: unknown[][] = [];
    const { win, warnings } = scriptPage(files[vendorIifeFile('segment')], (w) => {
      w.analytics = { identify: (...args: unknown[]) => calls.push(args) };
      w.dataLayer = [{ event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com', tags: 'brand=Audi' }];
      startWith('segment')(w);
    });
    const outcomes = await win.identifyBridge.running.flush();
    expect(calls).toEqual([['u1', { email: 'ann@example.com', brand: 'Audi' }]]);
    expect(outcomes.map((o: { results: unknown[] }) => o.results)).toEqual([[{ vendor: 'segment', status: 'sent', message: 'identify called on window.analytics' }]]);
    expect(warnings).toEqual([]);
  });

  it('the Segment bundle names the bundles to use when the config asks for Gist, and starts nothing', () => {
    const { win, warnings } = scriptPage(files[vendorIifeFile('segment')], (w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }, { vendor: 'gist', appId: 'abc' }] };
    });
    expect(warnings).toEqual([
      '[identify-bridge] not started, the config has problems: destination 2: gist is not in this bundle (it has segment); ' +
        'load identify-bridge.min.js or identify-bridge.gist.min.js',
    ]);
    expect(win.dataLayer).toBeUndefined();
  });

  it('each bundle starts for its own vendor and refuses every other one', () => {
    for (const held of VENDOR_IDS) {
      for (const vendor of VENDOR_IDS) {
        const { win, warnings } = scriptPage(files[vendorIifeFile(held)], startWith(vendor));
        if (vendor === held) {
          expect(warnings, held).toEqual([]);
          expect(Array.isArray(win.dataLayer), held).toBe(true);
        } else {
          expect(warnings.join('\n'), `${held} bundle, ${vendor} config`).toContain(`${vendor} is not in this bundle (it has ${held})`);
        }
        win.happyDOM.abort();
      }
    }
  });

  it('the all-vendor bundle starts for all six vendors at once', () => {
    const { win, warnings } = scriptPage(files[BRIDGE_FILES.iife], (w) => {
      w.identifyBridgeConfig = { destinations: VENDOR_IDS.map((vendor) => ({ vendor, portalId: '1', propertyId: '2' })) };
    });
    expect(warnings).toEqual([]);
    expect(Array.isArray(win.dataLayer)).toBe(true);
  });
});
