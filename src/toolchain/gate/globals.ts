// Globals of the sandbox, and the JavaScript/browser globals it lacks with what to use instead.
import { TEST_APIS } from '../../sandbox/apis';

export type GateMode = 'template' | 'test';

/** Free names sandboxed code may use (`arguments` is handled by scope analysis). */
export function sandboxGlobals(mode: GateMode): Set<string> {
  const names = ['data', 'require', 'undefined'];
  return new Set(mode === 'test' ? [...names, ...TEST_APIS] : names);
}

const FROM_SANDBOX = (api: string): string => `use ${api} from 'gtm-sandbox'`;
const WINDOW = 'page globals are reached through copyFromWindow / callInWindow / setInWindow';

/** Hints for globals that do not exist in the sandbox. */
const MISSING_GLOBALS: Record<string, string> = {
  Date: FROM_SANDBOX('getTimestampMillis'),
  Array: "use getType(value) === 'array' and array literals",
  String: FROM_SANDBOX('makeString'),
  Number: FROM_SANDBOX('makeNumber'),
  Boolean: 'use !!value',
  RegExp: 'pass string patterns to String match/replace/search',
  Error: 'report with logToConsole and end with data.gtmOnFailure()',
  TypeError: 'report with logToConsole and end with data.gtmOnFailure()',
  Promise: 'use callbacks',
  Symbol: 'use strings',
  Map: 'use an object literal',
  Set: 'use an object literal or an array',
  WeakMap: 'use an object literal',
  WeakSet: 'use an array',
  Reflect: 'use plain property access',
  Proxy: 'use plain objects',
  Intl: 'format by hand',
  JSON: "require it: const JSON = require('JSON')",
  Math: "require it: const Math = require('Math')",
  Object: "require it: const Object = require('Object')",
  NaN: "use makeNumber('x') or compare x !== x",
  Infinity: 'use a large literal',
  parseInt: FROM_SANDBOX('makeInteger'),
  parseFloat: FROM_SANDBOX('makeNumber'),
  isNaN: 'use x !== x',
  isFinite: 'compare with bounds',
  encodeURIComponent: FROM_SANDBOX('encodeUriComponent'),
  encodeURI: FROM_SANDBOX('encodeUri'),
  decodeURIComponent: FROM_SANDBOX('decodeUriComponent'),
  decodeURI: FROM_SANDBOX('decodeUri'),
  escape: FROM_SANDBOX('encodeUriComponent'),
  unescape: FROM_SANDBOX('decodeUriComponent'),
  btoa: FROM_SANDBOX('toBase64'),
  atob: FROM_SANDBOX('fromBase64'),
  eval: 'not available',
  Function: 'use function expressions',
  globalThis: WINDOW,
  window: WINDOW,
  self: WINDOW,
  top: WINDOW,
  parent: WINDOW,
  frames: WINDOW,
  document: `${WINDOW}; ${FROM_SANDBOX('readTitle / injectScript')}`,
  navigator: WINDOW,
  location: FROM_SANDBOX('getUrl / parseUrl'),
  history: WINDOW,
  screen: WINDOW,
  console: FROM_SANDBOX('logToConsole'),
  alert: FROM_SANDBOX('logToConsole'),
  setTimeout: FROM_SANDBOX('callLater'),
  setInterval: FROM_SANDBOX('callLater'),
  clearTimeout: 'not available',
  clearInterval: 'not available',
  queueMicrotask: FROM_SANDBOX('callLater'),
  fetch: FROM_SANDBOX('sendPixel / injectScript'),
  XMLHttpRequest: FROM_SANDBOX('sendPixel / injectScript'),
  localStorage: "require it: const localStorage = require('localStorage')",
  sessionStorage: FROM_SANDBOX('templateStorage'),
  crypto: FROM_SANDBOX('sha256 / generateRandom'),
  performance: FROM_SANDBOX('getTimestampMillis'),
};

/** The hint for a global the sandbox lacks; undefined for names that are simply undeclared. */
export const missingGlobalHint = (name: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(MISSING_GLOBALS, name) ? MISSING_GLOBALS[name] : undefined;
