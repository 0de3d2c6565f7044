// callLater, injectScript, sendPixel, injectHiddenIframe: everything whose callbacks run
// asynchronously. With a cacheToken, injectScript loads a URL once per page and token; callers
// arriving while it loads are notified together when it finishes, later callers get the
// cached result [DOC: "only one script element will be created for this URL"]; a failed load
// is forgotten so the next call retries [INF].
import type { PageEnvironment } from '../page/page';
import { callLaterWith, type ApiFactory } from './context';

interface Waiter {
  onSuccess: unknown;
  onFailure: unknown;
}

interface CachedLoad {
  loaded: boolean;
  waiters: Waiter[];
}

const scriptCaches = new WeakMap<PageEnvironment, Map<string, CachedLoad>>();

function cacheOf(page: PageEnvironment): Map<string, CachedLoad> {
  if (!scriptCaches.has(page)) scriptCaches.set(page, new Map());
  return scriptCaches.get(page) as Map<string, CachedLoad>;
}

/** Starts outside work and, when it settles, runs `done` as a scheduled task. */
function whenSettled(page: PageEnvironment, work: Promise<boolean>, done: (ok: boolean) => void): void {
  page.scheduler.track(work.then((ok) => ok === true, () => false).then((ok) => {
    page.scheduler.schedule(() => done(ok));
  }));
}

function notify(waiters: Waiter[], ok: boolean): void {
  for (const waiter of waiters) {
    const callback = ok ? waiter.onSuccess : waiter.onFailure;
    if (typeof callback === 'function') callback();
  }
}

function injectScript(page: PageEnvironment, url: string, waiter: Waiter, cacheToken: unknown): void {
  if (typeof cacheToken !== 'string' || cacheToken === '') {
    whenSettled(page, page.loadScript(url), (ok) => notify([waiter], ok));
    return;
  }
  const cache = cacheOf(page);
  const key = `${cacheToken}\u0000${url}`;
  const cached = cache.get(key);
  if (cached?.loaded) {
    callLaterWith(page, waiter.onSuccess);
    return;
  }
  if (cached) {
    cached.waiters.push(waiter);
    return;
  }
  const load: CachedLoad = { loaded: false, waiters: [waiter] };
  cache.set(key, load);
  whenSettled(page, page.loadScript(url), (ok) => {
    if (ok) load.loaded = true;
    else cache.delete(key);
    notify(load.waiters.splice(0), ok);
  });
}

export const NETWORK_APIS: Record<string, ApiFactory> = {
  callLater: ({ page }) => (fn: unknown) => callLaterWith(page, fn),
  injectScript: ({ page, permissions }) => (url: string, onSuccess?: unknown, onFailure?: unknown, cacheToken?: unknown) => {
    permissions.enforce('inject_script', url);
    injectScript(page, String(url), { onSuccess, onFailure }, cacheToken);
  },
  sendPixel: ({ page, permissions }) => (url: string, onSuccess?: unknown, onFailure?: unknown) => {
    permissions.enforce('send_pixel', url);
    whenSettled(page, page.sendPixel(String(url)), (ok) => notify([{ onSuccess, onFailure }], ok));
  },
  injectHiddenIframe: ({ page, permissions }) => (url: string, onSuccess?: unknown) => {
    permissions.enforce('inject_hidden_iframe', url);
    whenSettled(page, page.injectIframe(String(url)), (ok) => notify([{ onSuccess, onFailure: undefined }], ok));
  },
};
