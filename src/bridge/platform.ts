// Core's Platform on a real browser window (the template's is built from GTM's sandbox APIs).
// It keeps the sandbox's contract where core relies on it — values cross as copies, callbacks
// run asynchronously and exactly once — and it shields the page from us and us from the page:
// an exception or a rejected promise from vendor code is logged, never thrown or left
// unhandled.
import { createLane } from '../core/lane';
import type { Platform } from '../core/index';
import { isUnsafeKey } from '../core/checks';
import { snapshot } from './datalayer/snapshot';

/** The page's window (or a stand-in such as a happy-dom Window). */
export type Win = Record<string, any>;
/** Runs page-facing code; what it throws is logged as `what` threw, and `fallback` returned. */
type Guard = <T>(what: string, fallback: T, fn: () => T, failed?: (reason: string) => void) => T;
type Later = (fn: () => void) => void;

export interface PlatformOptions {
  debug: boolean;
  /** The consent state of a type from the data layer; absent: no consent checks. */
  consentOf?: (type: string) => 'granted' | 'denied' | undefined;
}

export interface BridgePlatform extends Platform {
  /** Tells consent listeners about changes since they last heard (call after consent commands). */
  consentChanged(): void;
  /** Logs a failure of ours or of the page's (debug only). */
  problem(error: unknown): void;
}

// Split paths, kept with the check that no part reaches a prototype: vendors ask for the same few
// paths ('analytics.identify') on every run, built anew each time, so they are found by comparing
// (a Map would hash every new string). null: a path with such a part.
const PATHS: string[] = [];
const PARTS: Array<string[] | null> = [];
function split(path: string): string[] | null {
  for (let i = 0; i < PATHS.length; i++) if (PATHS[i] === path) return PARTS[i];
  const parts = path.split('.');
  const safe = parts.some(isUnsafeKey) ? null : parts;
  if (PATHS.length < 16) PARTS[PATHS.push(path) - 1] = safe;
  return safe;
}

/** The object holding the last segment of a dotted path, and that segment; null when unreachable. */
function resolve(win: Win, path: string): { owner: Win; key: string } | null {
  const parts = split(path);
  let owner: unknown = win;
  for (let i = 0; parts && i < parts.length; i++) {
    if (owner === null || (typeof owner !== 'object' && typeof owner !== 'function')) return null;
    if (i === parts.length - 1) return { owner: owner as Win, key: parts[i] };
    owner = (owner as Win)[parts[i]];
  }
  return null;
}

/** A copy of a value from the page (snapshot.ts); values that are not objects are what they are. */
const copy = (value: unknown) => (value !== null && typeof value === 'object' ? snapshot(value) : value);

/**
 * A copy of a value core hands to the page: JSON that core built (plain objects, lists and
 * primitives, no cycles), so a plain recursive copy does; functions are passed as they are.
 */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!isUnsafeKey(key)) out[key] = copyJson((value as Record<string, unknown>)[key]);
  return out;
}

function read(win: Win, path: string): unknown {
  const at = resolve(win, path);
  return at ? at.owner[at.key] : undefined;
}

function write(win: Win, path: string, value: unknown): boolean {
  const at = resolve(win, path);
  return !!at && ((at.owner[at.key] = value), true);
}

/** Pushes `item` onto the array (or anything with a push) at `path`, if there is one. */
function pushAt(win: Win, path: string, item: unknown): void {
  const queue = read(win, path) as unknown[] | undefined;
  if (queue && typeof queue.push === 'function') queue.push(item);
}

/** String(value), or a stand-in when even that throws (a revoked Proxy, a hostile toString). */
export function printable(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be printed';
  }
}

export function createPlatform(win: Win, options: PlatformOptions): BridgePlatform {
  const log = (message: string) => {
    if (options.debug) win.console.log(message);
  };
  const problem = (error: unknown) => log('gtm-identify bridge: ' + printable(error));
  const guard: Guard = (what, fallback, fn, failed) => {
    try {
      return fn();
    } catch (error) {
      const reason = what + ' threw: ' + printable(error);
      problem(reason);
      if (failed) failed(reason);
      return fallback;
    }
  };
  const later: Later = (fn) => win.setTimeout(() => guard('a callback', undefined, fn), 0);
  /** localStorage's `method`, answering `fallback` when the page has none or it throws (e.g. blocked cookies). */
  const storage = (method: 'getItem' | 'setItem' | 'removeItem', fallback?: null) => (...args: string[]): any => guard('localStorage', fallback, () => {
    const store = win.localStorage as Record<string, (...args: string[]) => unknown> | null;
    return store ? store[method](...args) : fallback;
  });
  const consent = options.consentOf && consentListeners(options.consentOf, guard, problem);
  const scripts = new Map<string, Promise<boolean>>();

  return {
    callInWindow: (path, args, failed) => guard(path, undefined, () => {
      const at = resolve(win, path);
      const fn = at && at.owner[at.key];
      if (typeof fn !== 'function') return undefined;
      const result = fn.apply(at!.owner, copyJson(args) as unknown[]);
      // Mutiny's identify returns a promise its stub may reject: never leave that unhandled.
      if (!result || typeof result.then !== 'function') return copy(result);
      guard(path + ' result', undefined, () => result.then(undefined, (error: unknown) => problem(path + ' rejected: ' + printable(error))));
    }, failed),
    copyFromWindow: (path) => guard(path, undefined, () => copy(read(win, path))),
    setInWindow: (path, value, override) => guard(path, false, () => (override || read(win, path) === undefined) && write(win, path, copyJson(value))),
    createQueue: (path) => {
      guard(path, false, () => read(win, path) === undefined && write(win, path, []));
      return (item) => guard(path + '.push', undefined, () => pushAt(win, path, copyJson(item)));
    },
    createArgumentsQueue: (fnPath, arrayPath) => {
      guard(fnPath, undefined, () => {
        if (typeof read(win, fnPath) !== 'function') {
          write(win, fnPath, function queueArguments() {
            pushAt(win, arrayPath, arguments);
          });
        }
        if (read(win, arrayPath) === undefined) write(win, arrayPath, []);
      });
      return (...args) => guard(fnPath, undefined, () => {
        const fn = read(win, fnPath);
        if (typeof fn === 'function') fn(...(copyJson(args) as unknown[]));
      });
    },
    aliasInWindow: (toPath, fromPath) => guard(toPath, false, () => write(win, toPath, read(win, fromPath))),
    // One <script> per cache token; every caller hears, asynchronously, whether it loaded — also
    // callers that come after it settled.
    injectScript: (url, onSuccess, onFailure, cacheToken) => {
      let loading = scripts.get(cacheToken);
      if (!loading) {
        scripts.set(cacheToken, loading = new Promise<boolean>((settle) => guard('injectScript', false, () => {
          const doc = win.document;
          const script = doc.createElement('script');
          script.async = true;
          script.onload = () => settle(true);
          script.onerror = () => settle(false);
          script.src = url;
          return (doc.head || doc.documentElement).appendChild(script);
        }) || settle(false)));
      }
      loading.then((loaded) => later(loaded ? onSuccess : onFailure));
    },
    callLater: later,
    now: () => Date.now(),
    // Fails where the page has no crypto.subtle (e.g. a page on plain http) or it throws.
    sha256: (input, onSuccess, onFailure) => {
      const fail = () => later(onFailure);
      const digest = guard('crypto', null, () => win.crypto.subtle.digest('SHA-256', new (win.TextEncoder || TextEncoder)().encode(input)) as Promise<ArrayBuffer>);
      if (!digest) return fail();
      digest.then((hash) => later(() => onSuccess(Array.from(new Uint8Array(hash), (byte) => (byte < 16 ? '0' : '') + byte.toString(16)).join(''))), fail);
    },
    storage: { getItem: storage('getItem', null), setItem: storage('setItem'), removeItem: storage('removeItem') },
    consent,
    serial: createLane(() => Date.now()).add,
    consentChanged: () => consent && consent.changed(),
    log,
    problem,
  };
}

/**
 * How many runs wait for a consent grant at most: a page that never grants keeps the latest
 * HELD, in push order; older ones are dropped (and said in debug mode), so memory stays bounded.
 * Only the oldest go, so a logout is never overtaken by a sign-in held before it.
 */
export const HELD = 1000;

/** Platform.consent from the data layer's consent state; `changed` tells listeners what changed. */
function consentListeners(consentOf: (type: string) => 'granted' | 'denied' | undefined, guard: Guard, problem: (error: unknown) => void) {
  let listeners: Array<{ type: string; listener: (granted: boolean) => boolean | void; granted: boolean; done?: boolean }> = [];
  let dropping = false;
  // Unset consent counts as granted, as GTM's isConsentGranted does.
  const isGranted = (type: string) => consentOf(type) !== 'denied';
  return {
    isGranted,
    onChange: (type: string, listener: (granted: boolean) => void) => {
      if (listeners.push({ type, listener, granted: isGranted(type) }) <= HELD) return;
      // said once: a page that never grants would fill the console
      listeners.shift();
      if (!dropping) problem('consent: more than ' + HELD + ' runs wait for consent; the oldest are dropped, the latest ' + HELD + ' wait');
      dropping = true;
    },
    changed: () => {
      for (const entry of listeners.slice()) {
        const granted = isGranted(entry.type);
        if (granted === entry.granted) continue;
        entry.granted = granted;
        entry.done = guard('a consent listener', undefined, () => entry.listener(granted)) === true;
      }
      listeners = listeners.filter((entry) => !entry.done); // used-up listeners go
    },
  };
}
