// Vendor snippets the way a site pastes them into its <head>, in short form: a queue or loader
// stub on the vendor's global and an async <script> for its SDK (served locally by the demo).
import { DEMO_KEYS, localScriptUrl, SCRIPT_URLS, type DemoVendor } from '../shared';

type Win = Window & Record<string, any>;

/** Adds the vendor's script; a failing vendor's route answers 404. */
function loadVendorScript(win: Win, vendor: DemoVendor, failing: readonly DemoVendor[]): void {
  const script = win.document.createElement('script');
  script.async = true;
  script.src = localScriptUrl(SCRIPT_URLS[vendor], failing) ?? '';
  win.document.head.appendChild(script);
}

/** analytics.js-style stub: methods push [method, ...args] until the SDK replays them. */
function analyticsStub(win: Win, global: string, writeKey: string): void {
  const stub: any = Array.isArray(win[global]) ? win[global] : [];
  for (const name of ['identify', 'reset', 'track', 'page', 'group', 'alias']) {
    stub[name] = (...args: unknown[]) => {
      stub.push([name, ...args]);
      return stub;
    };
  }
  stub._writeKey = writeKey;
  win[global] = stub;
}

const INSTALL: Record<DemoVendor, (win: Win) => void> = {
  segment: (win) => analyticsStub(win, 'analytics', DEMO_KEYS.segmentWriteKey),
  customerio: (win) => analyticsStub(win, 'cioanalytics', DEMO_KEYS.customerioWriteKey),
  gist: (win) => {
    win.gist = win.gist ?? [];
    win.gist.push(['setAppId', DEMO_KEYS.gistAppId], ['trackPageView']);
  },
  mutiny: () => undefined,
  connecto: () => undefined,
  antsomi: (win) => {
    const queue: unknown[] = [];
    const webEvent: any = function (...args: unknown[]) {
      queue.push(args);
    };
    webEvent.queue = queue;
    webEvent.track = webEvent;
    win.web_event = webEvent;
    win._portalId = DEMO_KEYS.antsomiPortalId;
    win._propId = DEMO_KEYS.antsomiPropertyId;
  },
};

export function installSnippets(win: Win, vendors: readonly DemoVendor[], failing: readonly DemoVendor[]): void {
  for (const vendor of vendors) {
    INSTALL[vendor](win);
    loadVendorScript(win, vendor, failing);
  }
}
