// Copies handed to listeners, so nothing they keep or change reaches the live
// model or the page's objects, and nothing the page pushes can make them huge.

import { isUnsafeKey } from '../../core/checks';
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

const LEFT_OUT = Symbol('left out');

/** A property's value, or LEFT_OUT when its getter throws. */
function read(from: object, key: string | number): unknown {
  try {
    return (from as Record<string | number, unknown>)[key];
  } catch {
    return LEFT_OUT;
  }
}

/**
 * Deep copy of data-layer values: arrays and `arguments` become arrays (holes stay
 * holes), plain objects become plain objects (own enumerable keys; unsafe keys and
 * keys whose getter throws are left out), dates are copied. Functions, DOM nodes,
 * class instances and other non-plain objects are shared: they are the page's
 * objects (e.g. an `eventCallback`), not structure of the data. A value that refers
 * back to one of its containers (a cycle) becomes undefined.
 */
export function snapshot(value: unknown, limits: SnapshotLimits = DEFAULT_LIMITS): unknown {
  let budget = limits.values;
  const ancestors: object[] = [];

  const copy = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > limits.stringLength ? v.slice(0, limits.stringLength) : v;
    if (v instanceof Date) return new Date(v.getTime());
    const list = Array.isArray(v) || isArguments(v);
    if (!list && !isPlainObject(v)) return v;
    if (depth >= limits.depth || ancestors.includes(v as object)) return undefined;
    ancestors.push(v as object);
    try {
      return list ? copyList(v as ArrayLike<unknown>, depth) : copyObject(v as Record<string, unknown>, depth);
    } finally {
      ancestors.pop();
    }
  };
  const copyList = (items: ArrayLike<unknown>, depth: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < items.length && budget > 0; i++, budget--) {
      const item = i in items ? read(items, i) : LEFT_OUT;
      if (item !== LEFT_OUT) out[i] = copy(item, depth + 1);
    }
    return out;
  };
  const copyObject = (object: Record<string, unknown>, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      if (budget <= 0) break;
      if (isUnsafeKey(key) || key.length > limits.stringLength) continue;
      budget--;
      const item = read(object, key);
      if (item !== LEFT_OUT) out[key] = copy(item, depth + 1);
    }
    return out;
  };

  try {
    return copy(value, 0);
  } catch {
    return undefined; // e.g. a Proxy whose traps throw
  }
}
