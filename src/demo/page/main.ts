// The demo page's script (bundled to /assets/demo.js, loaded in <head>): sets up the data
// layer and consent as a site would, installs the vendor snippets the chosen runtime needs, then
// starts either the container preview (the built template run by the emulator on this window,
// driven by the container's triggers) or the dataLayer bridge. ui.ts wires the page.
import type { ContainerExport } from '../../toolchain/container-export/model';
import { booleanParam } from '../../toolchain/container-export/parameters';
import { startPreview } from '../../toolchain/container-export/preview/preview';
import { createBrowserPage } from '../../toolchain/emulator/page/browser-page';
import { localScriptUrl, VENDORS, type DemoVendor } from '../shared';
import { record } from './recorder';
import { captureSegmentNetwork } from './segment-network';
import { readSettings, signedInUser } from './settings';
import { installSnippets } from './snippets';
import { startUi, type TagLog } from './ui';

type Win = Window & Record<string, any>;
interface DemoPage {
  brand?: string;
  container: ContainerExport;
}

/** The container with the template's "Skip if unchanged" ticked on every tag (the demo's ?dedupe=on). */
function withDedupe(container: ContainerExport): ContainerExport {
  const tag = container.containerVersion.tag.map((t) => ({
    ...t,
    parameter: [...(t.parameter ?? []).filter((p) => p.key !== 'dedupe'), booleanParam('dedupe', true)],
  }));
  return { ...container, containerVersion: { ...container.containerVersion, tag } };
}

const win = window as Win;
const demo = win.demoPage as DemoPage;
const settings = readSettings(win.location.search);
const tagLog: TagLog[] = [];

win.__demoRecord = (vendor: DemoVendor, method: string, args: unknown[]) => record(vendor, method, args, 'sdk', settings.via);
captureSegmentNetwork(win, (body) => record('segment', String(body.type), [body], 'network', settings.via));

// The site's own data layer: consent default, the signed-in user, the car page's brand
const dataLayer: unknown[] = (win.dataLayer = win.dataLayer ?? []);
win.gtag = function gtag() {
  // gtag pushes its arguments object, as Google's snippet does
  // eslint-disable-next-line prefer-rest-params
  dataLayer.push(arguments);
};
if (settings.consent) win.gtag('consent', 'default', { analytics_storage: settings.consent });
const user = signedInUser();
if (user) dataLayer.push({ userId: user.userId, email: user.email, traits: user.traits });
if (demo.brand) dataLayer.push({ oemname: demo.brand });

// analytics.js finds its CDN through analytics._cdn: point it at the demo server
win.analytics = Object.assign(Array.isArray(win.analytics) ? win.analytics : [], { _cdn: `${win.location.origin}/cdn/cdn.segment.com` });

if (settings.via === 'container') {
  // Customer.io's and Mutiny's snippets belong to the page (the container does not load them)
  installSnippets(win, ['customerio', 'mutiny'], settings.fail);
  const browserPage = createBrowserPage(win, { container: { containerId: demo.container.containerVersion.container.publicId, previewMode: true } });
  const page = {
    ...browserPage,
    // the template asks for the vendors' real URLs: the demo serves them locally, nothing else loads
    loadScript: (url: string) => {
      const local = localScriptUrl(url, settings.fail);
      return local === null ? Promise.resolve(false) : browserPage.loadScript(local);
    },
  };
  startPreview(settings.dedupe ? withDedupe(demo.container) : demo.container, {
    page,
    onTag: (fired) => {
      const entry: TagLog = { tag: fired.tag.name, event: fired.event, status: 'running' };
      tagLog.push(entry);
      void fired.run.then((run) => {
        entry.status = run.error ? `error: ${run.error.message}` : run.successCalls ? 'success' : run.failureCalls ? 'failure' : 'no result';
        entry.logs = run.logs;
        win.dispatchEvent(new Event('demo:tags'));
      });
      win.dispatchEvent(new Event('demo:tags'));
    },
  });
} else {
  installSnippets(win, VENDORS, settings.fail);
  win.identifyBridgeConfig = {
    destinations: VENDORS.map((vendor) => ({ vendor })),
    rules: [{ event: 'get_dealer_details', tags: ['brand'], source: 'model' }],
    consent: { type: 'analytics_storage', whenDenied: 'wait' },
    dedupe: settings.dedupe === true,
  };
  const script = win.document.createElement('script');
  script.src = '/assets/identify-bridge.min.js';
  win.document.head.appendChild(script);
}

win.__demo = { settings, tagLog };
startUi(win, settings, tagLog);
