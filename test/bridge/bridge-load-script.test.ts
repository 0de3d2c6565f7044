// Vendors loaded by the bridge itself (`loadScript: true`), end to end in happy-dom with script
// loading and evaluation on: the bridge adds the vendor's <script>, happy-dom fetches it (a fetch
// interceptor answers with the demo's stand-in SDK, or 404 for a vendor that is down) and runs
// it, and the SDK drains what the bridge queued before it arrived.
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StubVendor } from '../../src/demo/vendors/stubs';
import { servingWindow, startOn, segmentStub } from './harness';

const GIST_URL = 'https://widget.getgist.com/';
const CONNECTO_URL = 'https://server.connecto.io/javascripts/connect.prod.min.js';
const signIn = { event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com', traits: { plan: 'pro' } };

const sdks: Partial<Record<StubVendor, string>> = {};
beforeAll(async () => {
  for (const vendor of ['gist', 'connecto'] as const) {
    const result = await build({
      stdin: { contents: `import { STUBS } from './stubs';\nSTUBS.${vendor}();\n`, resolveDir: join(__dirname, '../../src/demo/vendors'), loader: 'ts' },
      bundle: true, write: false, format: 'iife', target: 'es2017', logLevel: 'silent',
    });
    sdks[vendor] = result.outputFiles[0].text;
  }
});

/**
 * A page whose script requests are answered here: `serve` maps a URL to the stand-in SDK it gets,
 * any other URL is down (404). Every requested URL and every call an SDK received are recorded.
 */
function loadingPage(serve: Record<string, StubVendor>) {
  const { win, requested } = servingWindow(Object.fromEntries(Object.entries(serve).map(([url, vendor]) => [url, sdks[vendor]!])));
  const received: Array<[string, string, ...unknown[]]> = [];
  win.__demoRecord = (vendor: string, method: string, args: unknown[]) => received.push([vendor, method, ...args]);
  return { win, requested, received };
}

const statusOf = (outcomes: Array<{ results: Array<{ vendor: string; status: string; message: string }> }>) =>
  outcomes.map((run) => Object.fromEntries(run.results.map((r) => [r.vendor, r.status])));

describe('vendors loaded by the bridge (loadScript)', () => {
  it("loads Gist's script once; the identify queued before it arrived is delivered when it runs, later ones go straight to gist.identify", async () => {
    const { win, requested, received } = loadingPage({ [GIST_URL]: 'gist' });
    const bridge = startOn(win, { destinations: [{ vendor: 'gist', appId: 'app_1', loadScript: true }] });
    win.dataLayer.push(signIn);
    const [first] = await bridge.flush();
    expect(first.results[0]).toMatchObject({ vendor: 'gist', status: 'queued', message: expect.stringContaining("Gist's script loaded") });
    expect(requested).toEqual([GIST_URL]);
    expect([...win.document.querySelectorAll('script')].map((s: { src: string }) => s.src)).toEqual([GIST_URL]);
    expect(received).toEqual([['gist', 'identify', 'u1', { email: 'ann@example.com', plan: 'pro' }]]);

    win.dataLayer.push({ event: 'user_identify', user_id: 'u1', email: 'ann@example.com', traits: { plan: 'team' } });
    expect(statusOf(await bridge.flush())).toEqual([{ gist: 'sent' }]);
    expect(received[1]).toEqual(['gist', 'identify', 'u1', { email: 'ann@example.com', plan: 'team' }]);
    expect(requested).toEqual([GIST_URL]);
  });

  it('a vendor whose script fails to load reports failed, and the other vendors still get their identify', async () => {
    const { win, requested, received } = loadingPage({ [GIST_URL]: 'gist' });
    const segment = segmentStub(win);
    const bridge = startOn(win, {
      destinations: [
        { vendor: 'segment' },
        { vendor: 'connecto', licenseKey: 'lic_1', loadScript: true },
        { vendor: 'gist', appId: 'app_1', loadScript: true },
      ],
    });
    win.dataLayer.push(signIn);
    const [run] = await bridge.flush();
    expect(statusOf([run])).toEqual([{ segment: 'sent', connecto: 'failed', gist: 'queued' }]);
    expect(run.results[1].message).toBe(`script failed to load (${CONNECTO_URL})`);
    expect(requested.sort()).toEqual([CONNECTO_URL, GIST_URL]);
    expect(segment).toEqual([['identify', 'u1', { email: 'ann@example.com', plan: 'pro' }]]);
    expect(received).toEqual([['gist', 'identify', 'u1', { email: 'ann@example.com', plan: 'pro' }]]);
  });

  it('a script that failed to load is not requested again: later identifies report the failure at once', async () => {
    const { win, requested } = loadingPage({});
    const segment = segmentStub(win);
    const bridge = startOn(win, { destinations: [{ vendor: 'segment' }, { vendor: 'gist', appId: 'app_1', loadScript: true }] });
    win.dataLayer.push(signIn);
    win.dataLayer.push({ event: 'user_identify', user_id: 'u1', email: 'ann@example.com' });
    const runs = await bridge.flush();
    expect(statusOf(runs)).toEqual([{ segment: 'sent', gist: 'failed' }, { segment: 'sent', gist: 'failed' }]);
    expect(runs[1].results[1].message).toContain("Gist's script failed to load");
    expect(requested).toEqual([GIST_URL]);
    expect(segment).toHaveLength(2);
  });

  it('a loaded SDK stand-in also serves a vendor without a pre-load queue: Connecto gets the identify once its script has run', async () => {
    const { win, requested, received } = loadingPage({ [CONNECTO_URL]: 'connecto' });
    const bridge = startOn(win, { destinations: [{ vendor: 'connecto', licenseKey: 'lic_1', loadScript: true }] });
    win.dataLayer.push(signIn);
    expect(statusOf(await bridge.flush())).toEqual([{ connecto: 'sent' }]);
    expect(requested).toEqual([CONNECTO_URL]);
    expect(win._TConnecto).toEqual({ licenseKey: 'lic_1' });
    expect(received.map((call) => call.slice(0, 3))).toEqual([['connecto', 'identify', 'u1']]);
  });
});
