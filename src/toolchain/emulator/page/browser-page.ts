// A page over a real browser window: the window object itself, document.cookie, location,
// document.referrer/title/characterSet, window.localStorage, real <script>, image and iframe
// loads, console.log, and callbacks flushed by setTimeout(0). Consent state and container
// information are the emulator's own (no GTM container runs them here).
import { ConsentState, type ConsentValue } from './consent-state';
import { templateStores, type ContainerInfo, type PageEnvironment, type StorageLike } from './page';
import { Scheduler } from './scheduler';

export interface BrowserPageOptions {
  dataLayerName?: string;
  container?: Partial<ContainerInfo>;
  consent?: Record<string, ConsentValue>;
}

function storageOf(win: Window): StorageLike | undefined {
  try {
    return win.localStorage ?? undefined;
  } catch {
    return undefined; // blocked third-party storage throws on access
  }
}

/** Appends an element and resolves when it loads (true) or errors (false). */
function loadElement(element: HTMLScriptElement | HTMLImageElement | HTMLIFrameElement, parent?: Element): Promise<boolean> {
  return new Promise((resolve) => {
    element.onload = () => resolve(true);
    element.onerror = () => resolve(false);
    if (parent) parent.appendChild(element);
  });
}

export function createBrowserPage(win: Window, options: BrowserPageOptions = {}): PageEnvironment {
  const doc = win.document;
  return {
    window: win as unknown as Record<string, unknown>,
    dataLayerName: options.dataLayerName ?? 'dataLayer',
    container: {
      containerId: '', version: '', environmentName: '', environmentMode: false, debugMode: false, previewMode: false,
      ...options.container,
    },
    consent: new ConsentState(options.consent),
    scheduler: new Scheduler((flush) => win.setTimeout(flush, 0)),
    localStorage: storageOf(win),
    url: () => win.location.href,
    referrer: () => doc.referrer,
    title: () => doc.title,
    characterSet: () => doc.characterSet,
    readCookies: () => doc.cookie,
    writeCookie: (cookie) => {
      doc.cookie = cookie;
    },
    now: () => Date.now(),
    random: () => Math.random(),
    loadScript: (url) => {
      const script = doc.createElement('script');
      script.async = true;
      script.src = url;
      return loadElement(script, doc.head ?? doc.documentElement);
    },
    sendPixel: (url) => {
      const image = new (win as unknown as { Image: typeof Image }).Image(1, 1);
      const loaded = loadElement(image);
      image.src = url;
      return loaded;
    },
    injectIframe: (url) => {
      const frame = doc.createElement('iframe');
      frame.style.display = 'none';
      frame.src = url;
      return loadElement(frame, doc.body ?? doc.documentElement);
    },
    log: (args) => {
      (win as unknown as { console: Console }).console.log(...args);
    },
    templateStorage: templateStores(),
  };
}
