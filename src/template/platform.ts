// core's Platform on GTM's sandbox APIs. Every window path, script URL and consent type core
// passes in is first asked of GTM (queryPermission, through the guards below), and anything the
// template's permissions do not grant is refused with a debug message instead of a GTM
// permission error at the page. The code carries no list of those keys: the build declares them
// in ___WEB_PERMISSIONS___ from core's own lists (permissions.ts, build only), and GTM answers
// from there. The one storage key is core's STORAGE_KEY, compared as a constant.
import {
  addConsentListener, aliasInWindow, callInWindow, callLater, copyFromWindow, createArgumentsQueue, createQueue,
  getContainerVersion, getTimestampMillis, injectScript, isConsentGranted, localStorage, logToConsole, queryPermission,
  setInWindow, sha256, templateStorage,
} from 'gtm-sandbox';
import { STORAGE_KEY, createLane } from '../core/index';
import type { Lane, Platform } from '../core/index';

// Guards: each passes its key on only when GTM grants it (queryPermission takes each
// permission's own argument order). The permission deriver reads a guarded argument as "asked of
// GTM" and declares the keys permissions.ts lists for its API.

/** A window path, when access_globals grants `access` ('read', 'write', 'readwrite', 'execute') on it. */
const globalPath = (access: string, path: string): string | undefined =>
  queryPermission('access_globals', access, path) ? path : undefined;

/** A consent type, when access_consent grants reading it. */
const consentType = (type: string): string | undefined => queryPermission('access_consent', type, 'read') ? type : undefined;

/** A script URL, when an inject_script URL match pattern covers it (GTM's own matcher). */
const scriptUrl = (url: string): string | undefined => queryPermission('inject_script', url) ? url : undefined;

/** A data layer key, when read_data_layer grants it (code.ts's key mapping). */
export const dataLayerKey = (key: string): string | undefined => queryPermission('read_data_layer', key) ? key : undefined;

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
  const created = createLane(getTimestampMillis);
  templateStorage.setItem('lane', created);
  return created;
}

/**
 * The Platform core runs on inside GTM. `no` reports a key the permissions do not grant (a bug in
 * core, or permissions edited by hand; never page input) and returns undefined; a refused queue
 * is a function that drops its calls. callLater and getTimestampMillis, which need no
 * permission, are handed over as they are [INF: a required API is a plain function value in the
 * sandbox; templates pass logToConsole around the same way].
 */
export function gtmPlatform(log: (message: string) => void): Platform {
  const no = (api: string, value: string, failed?: (reason: string) => void): undefined => {
    const text = api + ' ' + value + ' is not in this template\'s permissions';
    log('gtm-identify error: ' + text + '; not done');
    // a call not made fails the vendor's outcome: it is not reported sent
    if (failed) failed(text);
    return undefined;
  };
  const ignore = () => undefined;
  /** The template stores only core's STORAGE_KEY (its one access_local_storage key); else no. */
  const ours = (name: string): true | undefined => name === STORAGE_KEY || no('localStorage', name);
  return {
    callInWindow: (path, args, failed) => {
      const allowed = globalPath('execute', path);
      if (allowed === undefined || args.length > MAX_ARGS) return no('callInWindow', path, failed);
      if (args.length < 2) return args.length === 0 ? callInWindow(allowed) : callInWindow(allowed, args[0]);
      return args.length === 2 ? callInWindow(allowed, args[0], args[1]) : callInWindow(allowed, args[0], args[1], args[2]);
    },
    copyFromWindow: (path) => {
      const allowed = globalPath('read', path);
      return allowed === undefined ? no('copyFromWindow', path) : copyFromWindow(allowed);
    },
    setInWindow: (path, value, override) => {
      const allowed = globalPath('write', path);
      if (allowed === undefined) no('setInWindow', path);
      else setInWindow(allowed, value, override);
    },
    createQueue: (path) => {
      const allowed = globalPath('readwrite', path);
      return allowed === undefined ? no('createQueue', path) || ignore : createQueue(allowed);
    },
    createArgumentsQueue: (fnPath, arrayPath) => {
      const fn = globalPath('readwrite', fnPath);
      const array = globalPath('readwrite', arrayPath);
      return fn === undefined || array === undefined ? no('createArgumentsQueue', fnPath + ' ' + arrayPath) || ignore
        : createArgumentsQueue(fn, array);
    },
    aliasInWindow: (toPath, fromPath) => {
      const to = globalPath('write', toPath);
      const from = globalPath('read', fromPath);
      if (to === undefined || from === undefined) no('aliasInWindow', toPath + ' ' + fromPath);
      else aliasInWindow(to, from);
    },
    injectScript: (url, onSuccess, onFailure, cacheToken) => {
      const allowed = scriptUrl(url);
      if (allowed !== undefined) return injectScript(allowed, onSuccess, onFailure, cacheToken);
      no('injectScript', url);
      callLater(onFailure);
    },
    callLater: callLater,
    now: getTimestampMillis,
    sha256: (input, onSuccess, onFailure) => sha256(input, onSuccess, onFailure, { outputEncoding: 'hex' }),
    storage: {
      getItem: (name) => (ours(name) ? localStorage.getItem(STORAGE_KEY) : null),
      setItem: (name, value) => ours(name) && localStorage.setItem(STORAGE_KEY, value),
      removeItem: (name) => ours(name) && localStorage.removeItem(STORAGE_KEY),
    },
    consent: {
      isGranted: (type) => {
        const allowed = consentType(type);
        return allowed === undefined ? no('isConsentGranted', type) || false : isConsentGranted(allowed);
      },
      onChange: (type, listener) => {
        const allowed = consentType(type);
        if (allowed === undefined) no('addConsentListener', type);
        else addConsentListener(allowed, (_type: string, granted: boolean) => listener(granted));
      },
    },
    serial: (job) => lane().add(job),
    log: log,
  };
}
