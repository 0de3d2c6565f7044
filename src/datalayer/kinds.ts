// How the data layer classifies values: which pushes are messages, commands or
// functions, and which values merge recursively ("plain") versus overwrite.

export type MessageKind = 'object' | 'command' | 'array' | 'function';

const hasOwnProperty = Object.prototype.hasOwnProperty;
const toTag = Object.prototype.toString;

export const hasOwn = (value: object, key: string): boolean => hasOwnProperty.call(value, key);

/** A value's `[object Tag]`; '' when it cannot be read (a Proxy whose get trap throws or that was revoked). */
const tagOf = (value: unknown): string => {
  try {
    return toTag.call(value);
  } catch {
    return '';
  }
};

/** What `function gtag(){dataLayer.push(arguments)}` pushes. */
export const isArguments = (value: unknown): value is IArguments => tagOf(value) === '[object Arguments]';

/**
 * A "plain" object merges key-wise. Like data-layer-helper (src/plain/plain.js): object
 * literals, `new Object`, `Object.create(null)` and objects from other frames are plain (their
 * tag is Object); null, boxed primitives, dates, regexps, arrays, arguments, DOM nodes, windows,
 * class instances and objects with inherited enumerable keys are not.
 */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (tagOf(value) !== '[object Object]') return false;
  try {
    const v = value as Record<string, unknown>;
    if (v.nodeType || v === v.window) return false;
    // A constructor other than some realm's Object (whose prototype owns isPrototypeOf).
    const ctor = v.constructor as { prototype?: object } | undefined;
    if (ctor && !hasOwn(v, 'constructor') && !(ctor.prototype && hasOwn(ctor.prototype, 'isPrototypeOf'))) {
      return false;
    }
    for (const key in v) if (!hasOwn(v, key)) return false;
    return true;
  } catch {
    return false; // objects whose accessors throw are never plain
  }
};

/** What kind of message a pushed value is; undefined for values the data layer skips. */
export const kindOf = (message: unknown): MessageKind | undefined =>
  Array.isArray(message) ? 'array'
    : isArguments(message) ? 'command'
    : typeof message === 'function' ? 'function'
    : isPlainObject(message) ? 'object'
    : undefined;
