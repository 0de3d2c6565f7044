// Compiles sandboxed code the way GTM frames it: the body of a function whose parameters are
// the only free names (`data`, `require` for templates; the test API for ___TESTS___). The
// body sits inside a second function whose parameters shadow the platform's globals, all
// undefined, so code reaches only what it is given — as in GTM, where `window`, `Date`,
// `JSON` … do not exist unless `require`d. Language checks are the gate's job; whatever GTM
// would run (for…in, hasOwnProperty …) runs here. `arguments` is rewritten to GTM's (arguments.ts).
import { withGtmArguments } from './arguments';

/** Globals of browsers and Node that sandboxed code must not see. */
export const SHADOWED_GLOBALS: readonly string[] = [
  'window', 'self', 'globalThis', 'global', 'top', 'parent', 'frames', 'document', 'navigator', 'location',
  'history', 'screen', 'localStorage', 'sessionStorage', 'indexedDB', 'console', 'alert', 'fetch', 'XMLHttpRequest',
  'WebSocket', 'Image', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'queueMicrotask',
  'requestAnimationFrame', 'structuredClone', 'performance', 'crypto', 'btoa', 'atob', 'escape', 'unescape',
  'encodeURI', 'decodeURI', 'encodeURIComponent', 'decodeURIComponent', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  'eval', 'Function', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Math',
  'JSON', 'Intl', 'Reflect', 'Proxy', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'Error', 'TypeError',
  'RangeError', 'SyntaxError', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Uint8Array', 'Int32Array', 'Float64Array',
  'Atomics', 'WebAssembly', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'Iterator', 'process', 'Buffer',
  'module', 'exports', '__dirname', '__filename', 'importScripts',
];

export type SandboxFunction = (...args: unknown[]) => unknown;

/** What precedes `body` in the frame compileSandboxed builds. */
const frameHead = (parameters: readonly string[]): string => `return function (${parameters.join(', ')}) {\n`;

/**
 * Throws the engine's SyntaxError when the code does not parse. `sourceUrl` names the script for
 * V8's coverage (a `//# sourceURL` comment after the code, which the code cannot observe); the
 * code runs with GTM's `arguments` (withGtmArguments maps V8's offsets back to `body`).
 */
export function compileSandboxed(parameters: readonly string[], body: string, sourceUrl?: string): SandboxFunction {
  const name = sourceUrl === undefined ? '' : `\n//# sourceURL=${sourceUrl}`;
  const frame = new Function(...SHADOWED_GLOBALS, `${frameHead(parameters)}${withGtmArguments(body).code}\n};${name}`);
  return frame() as SandboxFunction;
}

/**
 * The offset of `body` in the script V8 compiles for compileSandboxed: ECMAScript's
 * CreateDynamicFunction writes `function anonymous(<params>\n) {\n<body>\n}` and V8 wraps it in
 * parentheses. Coverage offsets are relative to that script.
 */
export const sandboxedBodyOffset = (parameters: readonly string[]): number =>
  `(function anonymous(${SHADOWED_GLOBALS.join(',')}\n) {\n${frameHead(parameters)}`.length;
