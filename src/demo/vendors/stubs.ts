// Stand-in SDKs for the vendors without a real client in this repository: each takes over its
// global the way the vendor's script does (draining the queue the snippet or the template left)
// and records every call it receives through window.__demoRecord. Segment is the real
// @segment/analytics-next bundle instead (its requests are captured by the page).
type Record_ = (vendor: string, method: string, args: unknown[]) => void;
type Win = Window & Record<string, any>;

const win = window as Win;
const record: Record_ = (vendor, method, args) => (win.__demoRecord as Record_ | undefined)?.(vendor, method, args);

/** A recording method. */
const method = (vendor: string, name: string, result?: () => unknown) => (...args: unknown[]) => {
  record(vendor, name, args);
  return result?.();
};

function gist(): void {
  // Gist's snippet queue: ['identify', id, props], ['setAppId', id], ['trackPageView'] …
  const queue: unknown[][] = Array.isArray(win.gist) ? win.gist : [];
  const sdk: Record<string, unknown> = {
    identify: method('gist', 'identify'),
    chat: method('gist', 'chat'),
    setAppId: () => undefined,
    trackPageView: () => undefined,
  };
  win.gist = sdk;
  for (const [name, ...args] of queue) (sdk[name as string] as ((...a: unknown[]) => void) | undefined)?.(...args);
}

function connecto(): void {
  win._connecto = { identify: method('connecto', 'identify'), getIdentity: () => 'connecto-anon-1' };
}

function antsomi(): void {
  // Antsomi's loader stub: web_event(...) and web_event.track(...) push arguments to web_event.queue
  const queue: ArrayLike<unknown>[] = win.web_event?.queue ?? [];
  win.web_event = { track: method('antsomi', 'track'), resetAnonymousUId: method('antsomi', 'resetAnonymousUId') };
  for (const args of queue) win.web_event.track(...Array.from(args));
}

function mutiny(): void {
  win.mutiny = { client: { identify: method('mutiny', 'identify') } };
}

/** Customer.io's analytics.js API on cioanalytics, replaying the snippet's [method, ...args] queue. */
function customerio(): void {
  const queue: unknown[][] = Array.isArray(win.cioanalytics) ? win.cioanalytics.slice() : [];
  const sdk: Record<string, unknown> = {
    identify: method('customerio', 'identify'),
    reset: method('customerio', 'reset'),
    page: () => undefined,
    track: method('customerio', 'track'),
  };
  win.cioanalytics = sdk;
  for (const [name, ...args] of queue) (sdk[name as string] as ((...a: unknown[]) => void) | undefined)?.(...args);
}

export const STUBS = { gist, connecto, antsomi, mutiny, customerio } as const;
export type StubVendor = keyof typeof STUBS;
