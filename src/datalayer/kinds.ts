// How the data layer classifies values: which pushes are messages, commands or
// functions, and which values merge recursively ("plain") versus overwrite.

export type MessageKind = 'object' | 'command' | 'array' | 'function';

const hasOwnProperty = Object.prototype.hasOwnProperty;
const toTag = Object.prototype.toString;

export function hasOwn(value: object, key: string): boolean {
  return hasOwnProperty.call(value, key);
}

/** What `function gtag(){dataLayer.push(arguments)}` pushes. */
export function isArguments(value: unknown): value is IArguments {
  try {
    return toTag.call(value) === '[object Arguments]';
  } catch {
    return false; // a Proxy whose get trap throws (toString reads Symbol.toStringTag)
  }
}

// Built-in objects whose tag marks them as not plain even when their prototype
// chain looks like Object's (boxed primitives, dates, regexps, arguments).
const NOT_PLAIN_TAGS = new Set(['Boolean', 'Number', 'String', 'Function', 'Array', 'Date', 'RegExp', 'Arguments']
  .map((name) => `[object ${name}]`));

/**
 * A "plain" object merges key-wise. Like data-layer-helper (src/plain/plain.js): object
 * literals, `new Object`, `Object.create(null)` and objects from other frames are
 * plain; null, dates, regexps, arrays, DOM nodes, windows, class instances and
 * objects with inherited enumerable keys are not.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  try {
    const v = value as Record<string, unknown>;
    if (NOT_PLAIN_TAGS.has(toTag.call(v)) || v.nodeType || v === v.window) return false;
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
}

/** What kind of message a pushed value is; undefined for values the data layer skips. */
export function kindOf(message: unknown): MessageKind | undefined {
  return Array.isArray(message) ? 'array'
    : isArguments(message) ? 'command'
    : typeof message === 'function' ? 'function'
    : isPlainObject(message) ? 'object'
    : undefined;
}
