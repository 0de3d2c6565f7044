// core's Platform on GTM's sandbox APIs. Every window path, script URL, storage key and consent
// type core passes in goes through permit()/permitUrl() against the lists core declares
// (WINDOWS per vendor, STORAGE_KEY, KNOWN_CONSENT_TYPES): at build time the permission deriver
// reads those lists, so ___WEB_PERMISSIONS___ holds exactly them (inject_script only each
// vendor's own host); at run time anything else is refused with a debug message instead of a
// GTM permission error at the page.
import {
  addConsentListener, aliasInWindow, callInWindow, callLater, copyFromWindow, createArgumentsQueue, createQueue,
  getContainerVersion, getTimestampMillis, injectScript, isConsentGranted, localStorage, logToConsole, queryPermission,
  setInWindow, sha256, templateStorage,
} from 'gtm-sandbox';
import {
  ANTSOMI_WINDOW as ANTSOMI, CONNECTO_WINDOW as CONNECTO, CUSTOMERIO_WINDOW as CUSTOMERIO, GIST_WINDOW as GIST,
  KNOWN_CONSENT_TYPES, MUTINY_WINDOW as MUTINY, SEGMENT_WINDOW as SEGMENT, STORAGE_KEY, createLane,
} from '../core/index';
import { permit } from '../sandbox/permit';
import type { Lane, Platform } from '../core/index';

// Each API's list joins the vendors that use it (test/template/template.test.ts checks that
// every declared path reaches the permissions).
const CALLABLE = SEGMENT.callInWindow.concat(
  CUSTOMERIO.callInWindow, GIST.callInWindow, MUTINY.callInWindow, CONNECTO.callInWindow, ANTSOMI.callInWindow);
const READABLE = CALLABLE.concat(SEGMENT.copyFromWindow, CUSTOMERIO.copyFromWindow, GIST.copyFromWindow, CONNECTO.copyFromWindow,
  ANTSOMI.copyFromWindow);
const WRITABLE = SEGMENT.setInWindow.concat(CUSTOMERIO.setInWindow, CONNECTO.setInWindow, ANTSOMI.setInWindow);
const QUEUES = SEGMENT.createQueue.concat(CUSTOMERIO.createQueue, GIST.createQueue);
const ARGUMENT_QUEUES = ANTSOMI.createArgumentsQueue;
const ALIASES = ANTSOMI.aliasInWindow;
const SCRIPTS = SEGMENT.injectScript.concat(CUSTOMERIO.injectScript, GIST.injectScript, CONNECTO.injectScript, ANTSOMI.injectScript);

/**
 * A script URL core asks to load, if the template's permissions cover it. The deriver reads
 * `patterns` (the inject_script URLs to declare); at run time GTM's own matcher answers
 * (queryPermission), so the template carries no copy of URL pattern matching.
 */
function permitUrl(url: string, _patterns: readonly string[]): string | undefined {
  return queryPermission('inject_script', url) ? url : undefined;
}

/** Longest argument list core passes to a page function (the sandbox has no spread). */
const MAX_ARGS = 3;

/** logToConsole only in GTM preview/debug mode: outside it the template stays silent. */
export function debugLogger(): (message: string) => void {
  const version = getContainerVersion();
  const debug = version.debugMode === true || version.previewMode === true;
  return (message: string) => {
    if (debug) logToConsole(message);
  };
}

/** The page's one lane for this template's runs, kept in templateStorage across tag runs. */
function lane(): Lane {
  const shared = templateStorage.getItem('lane') as Lane | undefined;
  if (shared) return shared;
  const created = createLane(() => getTimestampMillis());
  templateStorage.setItem('lane', created);
  return created;
}

/**
 * The Platform core runs on inside GTM. `no` reports a value outside the declared lists (a bug in
 * core, never page input) and returns undefined; a refused queue is a function that drops its calls.
 */
export function gtmPlatform(log: (message: string) => void): Platform {
  const no = (api: string, value: string): undefined => {
    log('gtm-identify error: ' + api + ' ' + value + ' is not in this template\'s permissions; not done');
    return undefined;
  };
  const ignore = () => undefined;
  return {
    callInWindow: (path, args) => {
      const allowed = permit(path, CALLABLE);
      if (allowed === undefined || args.length > MAX_ARGS) return no('callInWindow', path);
      if (args.length < 2) return args.length === 0 ? callInWindow(allowed) : callInWindow(allowed, args[0]);
      return args.length === 2 ? callInWindow(allowed, args[0], args[1]) : callInWindow(allowed, args[0], args[1], args[2]);
    },
    copyFromWindow: (path) => {
      const allowed = permit(path, READABLE);
      return allowed === undefined ? no('copyFromWindow', path) : copyFromWindow(allowed);
    },
    setInWindow: (path, value, override) => {
      const allowed = permit(path, WRITABLE);
      if (allowed === undefined) no('setInWindow', path);
      else setInWindow(allowed, value, override);
    },
    createQueue: (path) => {
      const allowed = permit(path, QUEUES);
      return allowed === undefined ? no('createQueue', path) || ignore : createQueue(allowed);
    },
    createArgumentsQueue: (fnPath, arrayPath) => {
      const fn = permit(fnPath, ARGUMENT_QUEUES);
      const array = permit(arrayPath, ARGUMENT_QUEUES);
      return fn === undefined || array === undefined ? no('createArgumentsQueue', fnPath + ' ' + arrayPath) || ignore
        : createArgumentsQueue(fn, array);
    },
    aliasInWindow: (toPath, fromPath) => {
      const to = permit(toPath, ALIASES);
      const from = permit(fromPath, ALIASES);
      if (to === undefined || from === undefined) no('aliasInWindow', toPath + ' ' + fromPath);
      else aliasInWindow(to, from);
    },
    injectScript: (url, onSuccess, onFailure, cacheToken) => {
      const allowed = permitUrl(url, SCRIPTS);
      if (allowed !== undefined) return injectScript(allowed, onSuccess, onFailure, cacheToken);
      no('injectScript', url);
      callLater(onFailure);
    },
    callLater: (fn) => callLater(fn),
    now: () => getTimestampMillis(),
    sha256: (input, onSuccess, onFailure) => sha256(input, onSuccess, onFailure, { outputEncoding: 'hex' }),
    storage: {
      getItem: (name) => (name === STORAGE_KEY ? localStorage.getItem(STORAGE_KEY) : no('localStorage', name) || null),
      setItem: (name, value) => (name === STORAGE_KEY ? localStorage.setItem(STORAGE_KEY, value) : no('localStorage', name)),
      removeItem: (name) => (name === STORAGE_KEY ? localStorage.removeItem(STORAGE_KEY) : no('localStorage', name)),
    },
    consent: {
      isGranted: (type) => {
        const allowed = permit(type, KNOWN_CONSENT_TYPES);
        return allowed === undefined ? no('isConsentGranted', type) || false : isConsentGranted(allowed);
      },
      onChange: (type, listener) => {
        const allowed = permit(type, KNOWN_CONSENT_TYPES);
        if (allowed === undefined) no('addConsentListener', type);
        else addConsentListener(allowed, (_type: string, granted: boolean) => listener(granted));
      },
    },
    serial: (job) => lane().add(job),
    log: log,
  };
}
