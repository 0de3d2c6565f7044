// core's Platform on GTM's sandbox APIs. Every window path, script URL, storage key and consent
// type core passes in goes through permit()/permitUrl() against the lists core declares
// (WINDOWS per vendor, STORAGE_KEY, KNOWN_CONSENT_TYPES): at build time the permission deriver
// reads those lists, so ___WEB_PERMISSIONS___ holds exactly them (inject_script only each
// vendor's own host); at run time anything else is refused with a debug message instead of a
// GTM permission error at the page.
import {
  addConsentListener, aliasInWindow, callInWindow, callLater, copyFromWindow, createArgumentsQueue, createQueue,
  getContainerVersion, getTimestampMillis, injectScript, isConsentGranted, localStorage, logToConsole, setInWindow, sha256,
} from 'gtm-sandbox';
import { KNOWN_CONSENT_TYPES, STORAGE_KEY, WINDOWS } from '../core/index';
import { permit, permitUrl } from '../toolchain/sandbox/permit';
import type { Platform } from '../core/index';

const W = WINDOWS;
const CALLABLE = W.segment.callInWindow.concat(
  W.customerio.callInWindow, W.gist.callInWindow, W.mutiny.callInWindow, W.connecto.callInWindow, W.antsomi.callInWindow);
const READABLE = W.segment.copyFromWindow.concat(
  W.customerio.copyFromWindow, W.gist.copyFromWindow, W.mutiny.copyFromWindow, W.connecto.copyFromWindow, W.antsomi.copyFromWindow);
const WRITABLE = W.segment.setInWindow.concat(
  W.customerio.setInWindow, W.gist.setInWindow, W.mutiny.setInWindow, W.connecto.setInWindow, W.antsomi.setInWindow);
const QUEUES = W.segment.createQueue.concat(
  W.customerio.createQueue, W.gist.createQueue, W.mutiny.createQueue, W.connecto.createQueue, W.antsomi.createQueue);
const ARGUMENT_QUEUES = W.segment.createArgumentsQueue.concat(
  W.customerio.createArgumentsQueue, W.gist.createArgumentsQueue, W.mutiny.createArgumentsQueue,
  W.connecto.createArgumentsQueue, W.antsomi.createArgumentsQueue);
const ALIASES = W.segment.aliasInWindow.concat(
  W.customerio.aliasInWindow, W.gist.aliasInWindow, W.mutiny.aliasInWindow, W.connecto.aliasInWindow, W.antsomi.aliasInWindow);
const SCRIPTS = W.segment.injectScript.concat(
  W.customerio.injectScript, W.gist.injectScript, W.mutiny.injectScript, W.connecto.injectScript, W.antsomi.injectScript);

/** Longest argument list core passes to a page function (the sandbox has no spread). */
const MAX_ARGS = 4;

/** logToConsole only in GTM preview/debug mode: outside it the template stays silent. */
export function debugLogger(): (message: string) => void {
  const version = getContainerVersion();
  const debug = version.debugMode === true || version.previewMode === true;
  return (message: string) => {
    if (debug) logToConsole(message);
  };
}

function refused(log: (message: string) => void, api: string, value: string): void {
  log('gtm-identify error: ' + api + ' ' + value + ' is outside what this template is allowed to touch; not done');
}

function callPath(path: string, args: unknown[], log: (message: string) => void): unknown {
  const allowed = permit(path, CALLABLE);
  if (allowed === undefined || args.length > MAX_ARGS) {
    refused(log, 'callInWindow', path);
    return undefined;
  }
  if (args.length === 0) return callInWindow(allowed);
  if (args.length === 1) return callInWindow(allowed, args[0]);
  if (args.length === 2) return callInWindow(allowed, args[0], args[1]);
  if (args.length === 3) return callInWindow(allowed, args[0], args[1], args[2]);
  return callInWindow(allowed, args[0], args[1], args[2], args[3]);
}

function queue(path: string, log: (message: string) => void): (item: unknown) => void {
  const allowed = permit(path, QUEUES);
  if (allowed === undefined) {
    refused(log, 'createQueue', path);
    return () => undefined;
  }
  return createQueue(allowed);
}

function argumentsQueue(fnPath: string, arrayPath: string, log: (message: string) => void): (...args: unknown[]) => void {
  const fn = permit(fnPath, ARGUMENT_QUEUES);
  const array = permit(arrayPath, ARGUMENT_QUEUES);
  if (fn === undefined || array === undefined) {
    refused(log, 'createArgumentsQueue', fnPath + ' ' + arrayPath);
    return () => undefined;
  }
  return createArgumentsQueue(fn, array);
}

function alias(toPath: string, fromPath: string, log: (message: string) => void): boolean {
  const to = permit(toPath, ALIASES);
  const from = permit(fromPath, ALIASES);
  if (to === undefined || from === undefined) {
    refused(log, 'aliasInWindow', toPath + ' ' + fromPath);
    return false;
  }
  return aliasInWindow(to, from);
}

function load(url: string, onSuccess: () => void, onFailure: () => void, cacheToken: string, log: (message: string) => void): void {
  const allowed = permitUrl(url, SCRIPTS);
  if (allowed === undefined) {
    refused(log, 'injectScript', url);
    return callLater(onFailure);
  }
  injectScript(allowed, onSuccess, onFailure, cacheToken);
}

function storage(log: (message: string) => void): Platform['storage'] {
  return {
    getItem: (name) => {
      const allowed = permit(name, [STORAGE_KEY]);
      if (allowed === undefined) refused(log, 'localStorage', name);
      return allowed === undefined ? null : localStorage.getItem(allowed);
    },
    setItem: (name, value) => {
      const allowed = permit(name, [STORAGE_KEY]);
      if (allowed === undefined) return refused(log, 'localStorage', name);
      localStorage.setItem(allowed, value);
    },
    removeItem: (name) => {
      const allowed = permit(name, [STORAGE_KEY]);
      if (allowed === undefined) return refused(log, 'localStorage', name);
      localStorage.removeItem(allowed);
    },
  };
}

function consent(log: (message: string) => void): NonNullable<Platform['consent']> {
  return {
    isGranted: (type) => {
      const allowed = permit(type, KNOWN_CONSENT_TYPES);
      if (allowed === undefined) {
        refused(log, 'isConsentGranted', type);
        return false;
      }
      return isConsentGranted(allowed);
    },
    onChange: (type, listener) => {
      const allowed = permit(type, KNOWN_CONSENT_TYPES);
      if (allowed === undefined) return refused(log, 'addConsentListener', type);
      addConsentListener(allowed, (_type: string, granted: boolean) => listener(granted));
    },
  };
}

/** The Platform core runs on inside GTM. */
export function gtmPlatform(log: (message: string) => void): Platform {
  return {
    callInWindow: (path, args) => callPath(path, args, log),
    copyFromWindow: (path) => {
      const allowed = permit(path, READABLE);
      if (allowed === undefined) return refused(log, 'copyFromWindow', path);
      return copyFromWindow(allowed);
    },
    setInWindow: (path, value, override) => {
      const allowed = permit(path, WRITABLE);
      if (allowed === undefined) {
        refused(log, 'setInWindow', path);
        return false;
      }
      return setInWindow(allowed, value, override);
    },
    createQueue: (path) => queue(path, log),
    createArgumentsQueue: (fnPath, arrayPath) => argumentsQueue(fnPath, arrayPath, log),
    aliasInWindow: (toPath, fromPath) => alias(toPath, fromPath, log),
    injectScript: (url, onSuccess, onFailure, cacheToken) => load(url, onSuccess, onFailure, cacheToken, log),
    callLater: (fn) => callLater(fn),
    now: () => getTimestampMillis(),
    sha256: (input, onSuccess, onFailure) => sha256(input, onSuccess, onFailure, { outputEncoding: 'hex' }),
    storage: storage(log),
    consent: consent(log),
    log: (message) => log(message),
  };
}
