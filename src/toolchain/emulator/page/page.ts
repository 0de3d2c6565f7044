// The page a template runs against: everything GTM's web APIs read or change outside the
// sandbox. createTestPage (test-page.ts) is an in-memory page for tests and ___TESTS___;
// createBrowserPage (browser-page.ts) wraps a real window. The API implementations only ever
// talk to this interface, so the same emulator runs in Node and in a browser.
import type { ConsentState } from './consent-state';
import type { Scheduler } from './scheduler';

export interface ContainerInfo {
  containerId: string;
  version: string;
  environmentName: string;
  environmentMode: boolean;
  debugMode: boolean;
  previewMode: boolean;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PageEnvironment {
  /** The global object that window APIs read, write and call into. */
  readonly window: Record<string, unknown>;
  /** Name of the GTM data layer array on `window`. */
  readonly dataLayerName: string;
  readonly container: ContainerInfo;
  readonly consent: ConsentState;
  readonly scheduler: Scheduler;
  /** Absent when the browser blocks storage. */
  readonly localStorage: StorageLike | undefined;
  url(): string;
  referrer(): string;
  title(): string;
  characterSet(): string;
  /** `document.cookie` read and write. */
  readCookies(): string;
  writeCookie(cookie: string): void;
  now(): number;
  /** A number in [0, 1). */
  random(): number;
  /** Loads one script; resolves true on load, false on error. Caching is the emulator's job. */
  loadScript(url: string): Promise<boolean>;
  /** Requests an image; resolves true when it loads. */
  sendPixel(url: string): Promise<boolean>;
  /** Adds a hidden iframe; resolves true when it loads. */
  injectIframe(url: string): Promise<boolean>;
  /** The console output of logToConsole (arguments already copied to the page). */
  log(args: unknown[]): void;
  /** One template's templateStorage: a map kept for the page's lifetime. */
  templateStorage(templateId: string): Map<string, unknown>;
}

/** PageEnvironment.templateStorage over a fresh set of per-template maps. */
export function templateStores(): (templateId: string) => Map<string, unknown> {
  const stores = new Map<string, Map<string, unknown>>();
  return (templateId) => {
    if (!stores.has(templateId)) stores.set(templateId, new Map());
    return stores.get(templateId) as Map<string, unknown>;
  };
}

/** debug-only logging is active in debug (preview) mode. */
export const isDebugMode = (page: PageEnvironment): boolean => page.container.debugMode || page.container.previewMode;
