// Every window path and script URL a vendor module touches must be in its WINDOW declaration,
// because the template derives GTM permissions from those lists and guards calls with them.
import { describe, expect, it } from 'vitest';
import { matchesUrlPattern, isUrlPattern } from '../../src/sandbox/permit';
import { VENDORS, VENDOR_IDS, WINDOWS } from '../../src/core/vendors/index';
import type { IdentifyInput, VendorId, WindowUse } from '../../src/core/model';
import { FakePlatform } from './fake-platform';
import type { Win } from './fake-platform';
import { analyticsSdk, analyticsStub, antsomiSdk, antsomiStub, callOf, connectoSdk, context, gistSdk, gistStub, mutinySdk } from './helpers';

const INPUT: IdentifyInput = {
  userId: 'u-1', email: 'ann@example.com', traits: { phone: '123', createdAt: 1700000000 }, tags: 'vip, brand=Audi', company: { name: 'Acme' },
};

const OPTIONS: Record<VendorId, unknown[]> = {
  segment: [{}, { loadScript: true, writeKey: 'k1' }],
  customerio: [{}, { loadScript: true, writeKey: 'k1' }, { loadScript: true, writeKey: 'k1', region: 'eu' }, { globalName: 'analytics' }],
  gist: [{}, { loadScript: true, appId: 'abc123' }],
  mutiny: [{}],
  connecto: [{ waitMs: 50 }, { loadScript: true, licenseKey: 'LK', waitMs: 50 }],
  antsomi: [{}, { vocabulary: 'devguide' }, { loadScript: true, portalId: 1, propertyId: 2 }],
};

/** Page states to run each vendor against: nothing, a stub, a loaded SDK. */
const PAGES: Array<(win: Win) => void> = [
  () => undefined,
  (win) => { analyticsStub(win); analyticsStub(win, 'cioanalytics'); gistStub(win); antsomiStub(win); },
  (win) => { analyticsSdk(win); analyticsSdk(win, 'cioanalytics'); gistSdk(win); mutinySdk(win); connectoSdk(win); antsomiSdk(win); },
];

const KEYED: Array<keyof WindowUse> = ['callInWindow', 'copyFromWindow', 'setInWindow', 'createQueue'];

function undeclared(platform: FakePlatform, declared: WindowUse): string[] {
  const problems: string[] = [];
  for (const call of platform.calls) {
    const api = call.api as keyof WindowUse;
    const paths = KEYED.includes(api) ? [call.args[0]]
      : api === 'createArgumentsQueue' || api === 'aliasInWindow' ? call.args.slice(0, 2) : [];
    for (const path of paths) if (!(declared[api] ?? []).concat(api === 'copyFromWindow' ? declared.callInWindow ?? [] : []).includes(path as string)) problems.push(api + ' ' + String(path));
    if (api === 'injectScript' && !(declared.injectScript ?? []).some((pattern) => matchesUrlPattern(call.args[0] as string, pattern))) {
      problems.push('injectScript ' + String(call.args[0]));
    }
  }
  return problems;
}

describe('WINDOW declarations', () => {
  for (const vendor of VENDOR_IDS) {
    it(vendor + ' touches only the window paths and script URLs it declares', () => {
      let runs = 0;
      for (const options of OPTIONS[vendor]) {
        for (const page of PAGES) {
          for (const action of ['identify', 'reset']) {
            const platform = new FakePlatform();
            page(platform.win);
            const ctx = context(platform);
            if (action === 'identify') VENDORS[vendor]!.identify(callOf(INPUT), options, ctx, () => undefined);
            else VENDORS[vendor]!.reset(options, ctx, () => undefined);
            platform.flush();
            expect(undeclared(platform, WINDOWS[vendor]), vendor + ' ' + action + ' ' + JSON.stringify(options)).toEqual([]);
            runs++;
          }
        }
      }
      expect(runs).toBeGreaterThan(0);
    });
  }

  it('declares only well-formed https URL patterns', () => {
    for (const vendor of VENDOR_IDS) {
      for (const pattern of WINDOWS[vendor].injectScript ?? []) expect(isUrlPattern(pattern), pattern).toBe(true);
    }
  });

  it('notices an undeclared path (the check itself can fail)', () => {
    const platform = new FakePlatform();
    platform.callInWindow('somewhere.else', []);
    expect(undeclared(platform, WINDOWS.segment)).toEqual(['callInWindow somewhere.else']);
  });
});
