// An in-memory page: a plain object as `window`, a cookie jar, a Map-backed localStorage, a
// fixed clock and a scheduler that runs callbacks only when drained. Scripts "load" by running
// a function the test registers for their URL; any other URL fails to load, as it would
// offline. Pixels and iframes are recorded and succeed unless told otherwise.
import { ConsentState, type ConsentValue } from './consent-state';
import { CookieJar } from './cookie-jar';
import { templateStores, type ContainerInfo, type PageEnvironment, type StorageLike } from './page';
import { Scheduler } from './scheduler';

/** What loading a script URL does: run a function against the window, or fail. */
export type ScriptBehaviour = ((window: Record<string, unknown>) => void) | 'fail';

export interface TestPageOptions {
  url?: string;
  referrer?: string;
  title?: string;
  characterSet?: string;
  /** Initial globals; the object itself becomes `window`. */
  globals?: Record<string, unknown>;
  dataLayerName?: string;
  /** Messages already pushed; creates `window[dataLayerName]`. */
  dataLayer?: unknown[];
  /** Cookies as `document.cookie` writes, e.g. ['_ga=GA1.1.1.2', 'a=b; path=/']. */
  cookies?: string[];
  /** Initial localStorage contents; null makes localStorage unavailable. */
  localStorage?: Record<string, string> | null;
  /** Default consent states. */
  consent?: Record<string, ConsentValue>;
  container?: Partial<ContainerInfo>;
  now?: number | (() => number);
  random?: () => number;
  scripts?: Record<string, ScriptBehaviour>;
  /** Whether a pixel (or hidden iframe) load succeeds; default: always. */
  pixelLoads?: (url: string) => boolean;
  iframeLoads?: (url: string) => boolean;
}

export interface TestPage extends PageEnvironment {
  /** Every script URL actually loaded, in order (a cached injectScript adds nothing). */
  readonly loadedScripts: string[];
  readonly pixels: string[];
  readonly iframes: string[];
  /** Each logToConsole call's arguments. */
  readonly consoleCalls: unknown[][];
}

export const DEFAULT_TEST_CONTAINER: ContainerInfo = {
  containerId: 'GTM-TEST',
  version: 'QUICK_PREVIEW',
  environmentName: '',
  environmentMode: false,
  debugMode: false,
  previewMode: false,
};

class MapStorage implements StorageLike {
  private readonly items: Map<string, string>;
  constructor(initial: Record<string, string>) {
    this.items = new Map(Object.entries(initial));
  }
  getItem(key: string): string | null {
    return this.items.has(key) ? (this.items.get(key) as string) : null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export function createTestPage(options: TestPageOptions = {}): TestPage {
  const url = options.url ?? 'https://www.example.com/';
  const clock = options.now;
  const now = typeof clock === 'function' ? clock : () => clock ?? 1_700_000_000_000;
  const window = options.globals ?? {};
  const dataLayerName = options.dataLayerName ?? 'dataLayer';
  if (options.dataLayer) window[dataLayerName] = options.dataLayer;
  const jar = new CookieJar(now, new URL(url).hostname);
  for (const cookie of options.cookies ?? []) jar.write(cookie);
  const page: TestPage = {
    window,
    dataLayerName,
    container: { ...DEFAULT_TEST_CONTAINER, ...options.container },
    consent: new ConsentState(options.consent),
    scheduler: new Scheduler(),
    localStorage: options.localStorage === null ? undefined : new MapStorage(options.localStorage ?? {}),
    loadedScripts: [],
    pixels: [],
    iframes: [],
    consoleCalls: [],
    url: () => url,
    referrer: () => options.referrer ?? '',
    title: () => options.title ?? 'Test page',
    characterSet: () => options.characterSet ?? 'UTF-8',
    readCookies: () => jar.read(),
    writeCookie: (cookie) => jar.write(cookie),
    now,
    random: options.random ?? Math.random,
    loadScript: (scriptUrl) => Promise.resolve().then(() => {
      page.loadedScripts.push(scriptUrl);
      const behaviour = options.scripts?.[scriptUrl];
      if (behaviour === undefined || behaviour === 'fail') return false;
      behaviour(window);
      return true;
    }),
    sendPixel: (pixelUrl) => {
      page.pixels.push(pixelUrl);
      return Promise.resolve(options.pixelLoads?.(pixelUrl) ?? true);
    },
    injectIframe: (frameUrl) => {
      page.iframes.push(frameUrl);
      return Promise.resolve(options.iframeLoads?.(frameUrl) ?? true);
    },
    log: (args) => {
      page.consoleCalls.push(args);
    },
    templateStorage: templateStores(),
  };
  return page;
}
