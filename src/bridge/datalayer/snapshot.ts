// Copies handed to listeners, so nothing they keep or change reaches the live
// model or the page's objects, and nothing the page pushes can make them huge.

import { isUnsafeKey } from '../../sandbox/object';
import { isArguments, isPlainObject } from '../../datalayer/kinds';

export interface SnapshotLimits {
  /** Containers nested deeper than this become undefined. */
  depth: number;
  /** At most this many values are copied in one snapshot; the rest are left out. */
  values: number;
  /** Longer strings are cut to this many UTF-16 units. */
  stringLength: number;
}

export const DEFAULT_LIMITS: SnapshotLimits = { depth: 20, values: 5000, stringLength: 8192 };

/**
 * Deep copy of data-layer values: arrays and `arguments` become arrays (holes stay
 * holes), plain objects become plain objects (own enumerable keys; unsafe keys are
 * left out), dates are copied. Functions, DOM nodes, class instances and other
 * non-plain objects are shared: they are the page's objects (e.g. an `eventCallback`),
 * not structure of the data. A value that refers back to one of its containers (a
 * cycle), a value that cannot be read (a throwing getter, a revoked Proxy) and what
 * is past a limit become undefined or are cut; the rest is kept. What was cut is added,
 * once per reason, to `cuts` when given (debug mode reports it).
 */
export function snapshot(value: unknown, limits: SnapshotLimits = DEFAULT_LIMITS, cuts: string[] = []): unknown {
  let budget = limits.values;
  const ancestors: object[] = [];
  const cut = (what: string): undefined => void (cuts.indexOf(what) < 0 && cuts.push(what));

  const copy = (v: unknown, depth: number): unknown => {
    try {
      if (typeof v === 'string') {
        return v.length > limits.stringLength ? (cut('text over ' + limits.stringLength + ' characters'), v.slice(0, limits.stringLength)) : v;
      }
      if (v instanceof Date) return new Date(v.getTime());
      const list = Array.isArray(v) || isArguments(v);
      if (!list && !isPlainObject(v)) return v;
      if (depth >= limits.depth) return cut('nesting over ' + limits.depth + ' levels');
      if (ancestors.indexOf(v as object) >= 0) return cut('a cycle');
      ancestors.push(v as object);
      try {
        return list ? copyList(v as ArrayLike<unknown>, depth) : copyObject(v as Record<string, unknown>, depth);
      } finally {
        ancestors.pop();
      }
    } catch {
      return cut('unreadable values');
    }
  };
  /** The value at `key`, or SKIP when it cannot be read (a throwing getter). */
  const item = (from: Record<string | number, unknown>, key: string | number): unknown => {
    try {
      return from[key];
    } catch {
      return cut('unreadable values'), SKIP;
    }
  };
  const copyList = (items: ArrayLike<unknown>, depth: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      if (budget-- <= 0) return cut('over ' + limits.values + ' values'), out;
      const read = i in items ? item(items as never, i) : SKIP;
      if (read !== SKIP) out[i] = copy(read, depth + 1);
    }
    return out;
  };
  const copyObject = (object: Record<string, unknown>, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      if (isUnsafeKey(key)) continue;
      if (key.length > limits.stringLength) cut('keys over ' + limits.stringLength + ' characters');
      else if (budget-- <= 0) return cut('over ' + limits.values + ' values'), out;
      else {
        const read = item(object, key);
        if (read !== SKIP) out[key] = copy(read, depth + 1);
      }
    }
    return out;
  };
  return copy(value, 0);
}

const SKIP = Symbol();
