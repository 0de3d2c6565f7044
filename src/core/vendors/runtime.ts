// Delivery helpers shared by the vendor modules: is a page function there, load a vendor's
// script with exactly one completion, and wait a bounded time for an SDK to appear (the
// sandbox has no timers, so waiting is callLater re-checks against platform.now()).
import { getType } from '../../sandbox/lang';
import { once } from '../once';
import { outcome } from './types';
import type { Done, Outcome, VendorModule } from './types';
import type { Platform } from '../platform';

/** Longest bounded wait a destination may configure (ms). */
export const MAX_WAIT_MS = 30000;
export const DEFAULT_WAIT_MS = 5000;

/** What the page holds at `path`, as getType names it ('undefined' when nothing). */
export const typeAt = (platform: Platform, path: string): string => getType(platform.copyFromWindow(path));

export const isFunctionAt = (platform: Platform, path: string): boolean => typeAt(platform, path) === 'function';

/** Calls a page function for its effect; why it threw (see Platform.callInWindow), or null. */
export function callPage(platform: Platform, path: string, args: unknown[]): string | null {
  let error: string | null = null;
  platform.callInWindow(path, args, (reason) => {
    error = reason;
  });
  return error;
}

/** 'sent' with `message`, or 'failed' with why the page function threw. */
export const sentUnless = (error: string | null, message: string): Outcome =>
  error === null ? outcome('sent', message) : outcome('failed', error);

/** Injects `url` once per page (the URL is the cache token); `done(true|false)` exactly once. */
export function loadScript(platform: Platform, url: string, done: (loaded: boolean) => void): void {
  const finish = once(done);
  platform.injectScript(url, () => finish(true), () => finish(false), url);
}

/** 'failed': the page holds something else under the vendor's global; it is left alone. */
export const notTheSdk = (global: string, type: string, vendor: string): Outcome =>
  outcome('failed', 'window.' + global + ' is a ' + type + ', not ' + vendor + "'s SDK; nothing sent");

/**
 * A call we put in the page's `queue`: 'queued' until the vendor's script runs it; with `url`,
 * once that script has loaded ('failed' when it cannot load).
 */
export function queued(platform: Platform, url: string | null, vendor: string, queue: string, done: Done): void {
  if (url === null) return done(outcome('queued', vendor + ' not loaded yet; queued in ' + queue));
  loadScript(platform, url, (loaded) => {
    if (loaded) done(outcome('queued', 'queued; ' + vendor + "'s script loaded and runs it"));
    else done(outcome('failed', 'queued, but ' + vendor + "'s script failed to load (" + url + ')'));
  });
}

/**
 * Calls `done(true)` as soon as `ready()` holds (checked now, then after each callLater), or
 * `done(false)` once `boundMs` have passed on platform.now().
 */
export function waitUntil(platform: Platform, ready: () => boolean, boundMs: number, done: (ready: boolean) => void): void {
  const start = platform.now();
  const finish = once(done);
  const check = () => {
    if (ready()) return finish(true);
    if (platform.now() - start >= boundMs) return finish(false);
    platform.callLater(check);
  };
  check();
}

/** The reset of a vendor that has no logout call: skipped, saying so. */
export const noReset = (name: string): VendorModule['reset'] =>
  (_options, _context, done) => done(outcome('skipped', name + ' has no reset/logout; nothing to do'));
