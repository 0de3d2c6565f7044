// The abstract data model: dotted keys, data-layer-helper's merge table, what the
// `set` command merges, and the two ways of reaching into the model (reading a path,
// calling a method at a path). The bridge's watcher and the emulator's
// copyFromDataLayer both use it, so the page and the template see one model.
//
// Merge table (as in data-layer-helper's src/helper/utils.js `merge`): an array
// merges index-wise into an array, a plain object key-wise into a plain object,
// recursively; every other pairing overwrites. An explicit `undefined` element or
// value overwrites; an array hole does not. A truthy `_clear` inside an object
// stops recursive merging of that object's values (they replace what is there)
// and `_clear` itself never stays in the model.
//
// Where we are stricter than the helper, on purpose:
// - `__proto__`, `constructor` and `prototype` are never written or walked
//   (the helper's merge can be steered into Object.prototype by a JSON-parsed
//   `{"a": {"__proto__": …}}`). A message key or dotted segment that is one of
//   them is reported; nested keys that are one of them are skipped.
// - Values that replace (because of `_clear`) are copied, not aliased, so later
//   merges never write into the page's own (possibly frozen) objects.
// - Cycles and branches deeper than MAX_MERGE_DEPTH are dropped, not merged
//   (the helper recurses until the stack overflows).
// - One merge copies at most MAX_MERGE_VALUES values, then throws: an object shared
//   at every level ({a: v, b: v} nested 100 deep) would otherwise unfold into 2^100
//   copies and exhaust the page's memory.
// - Reading a path follows own properties only.

import { isUnsafeKey } from '../sandbox/object';
import { hasOwn, isPlainObject } from './kinds';

export type Model = Record<string, unknown>;
type Container = Record<string, unknown> | unknown[];

const MAX_MERGE_DEPTH = 100;
const MAX_MERGE_VALUES = 100_000;

/** Values one merge may still copy (shared by the recursive calls of that merge). */
interface Budget {
  left: number;
}

/** Shortens page-supplied text quoted in error messages. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** `('a.b', 1)` → `{a: {b: 1}}`; an empty segment is an empty key, as in the helper. */
export function expandKey(key: string, value: unknown): Model {
  const parts = key.split('.');
  if (parts.length > MAX_MERGE_DEPTH) throw new RangeError(`Key ${quote(key)} is nested too deeply`);
  if (parts.some(isUnsafeKey)) throw new TypeError(`Key ${quote(key)} is not allowed in the data model`);
  let expanded: unknown = value;
  for (let i = parts.length - 1; i >= 0; i--) expanded = { [parts[i]]: expanded };
  return expanded as Model;
}

/** Merges `from` into `to` with the merge table above. */
export function merge(from: Container, to: Container, ancestors: object[] = [], budget: Budget = { left: MAX_MERGE_VALUES }): void {
  const source = from as Record<string, unknown>;
  const allowMerge = !source._clear;
  ancestors.push(from);
  try {
    for (const key of Object.keys(from)) {
      if (key !== '_clear' && !isUnsafeKey(key)) mergeValue(source[key], to, key, allowMerge, ancestors, budget);
    }
  } finally {
    ancestors.pop();
  }
  delete (to as Record<string, unknown>)._clear;
}

/** One key of a merge: `value` overwrites `to[key]` or merges into it. */
function mergeValue(value: unknown, to: Container, key: string, allowMerge: boolean, ancestors: object[], budget: Budget): void {
  if (--budget.left < 0) throw new RangeError(`A message with more than ${MAX_MERGE_VALUES} values is merged only in part`);
  const target = to as Record<string, unknown>;
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) {
    target[key] = value;
    return;
  }
  if (ancestors.includes(value) || ancestors.length >= MAX_MERGE_DEPTH) return;
  const existing = target[key];
  const mergeable = allowMerge && (isArray ? Array.isArray(existing) : isPlainObject(existing));
  const into = mergeable ? (existing as Container) : isArray ? [] : {};
  if (!mergeable) target[key] = into;
  merge(value, into, ancestors, budget);
}

// Stands for the one-key object `{key: value}` that a plain key expands to: it counts as one
// level of depth, as that object would, and is never part of the pushed data.
const EXPANDED = {};

/**
 * Merges a pushed plain object the way the helper does: one top-level key at a
 * time, each dotted key expanded first. Because of that, a top-level `_clear`
 * ends up in a merge of its own and has no effect (the helper's README shows it
 * working; the helper's code does not do it). A key that fails is reported and
 * the other keys still merge. A key without a dot merges straight into the model,
 * as its expansion would, without building the expansion.
 */
export function mergeMessage(model: Model, message: Model, report: (error: unknown) => void): void {
  const budget = { left: MAX_MERGE_VALUES };
  for (const key of Object.keys(message)) {
    try {
      if (key.includes('.') || isUnsafeKey(key)) merge(expandKey(key, message[key]), model, [], budget);
      else if (key !== '_clear') mergeValue(message[key], model, key, true, [EXPANDED], budget);
    } catch (error) {
      report(error);
    }
  }
  delete model._clear;
}

/**
 * What a `set` command merges, as a pushed message: for gtag('set', object) the object,
 * for gtag('set', 'dotted.key', value) `{'dotted.key': value}`. `args` are the command's
 * arguments, 'set' first. Other arguments throw: the helper's built-in processor merges
 * nothing for them.
 */
export function setArguments(args: unknown[]): Model {
  const [, key, value] = args;
  if (args.length === 2 && isPlainObject(key)) return key;
  if (args.length === 3 && typeof key === 'string') return { [key]: value };
  throw new TypeError("'set' takes one object or a key and a value");
}

/** The live value at a dotted path, following own properties only. */
export function readPath(root: unknown, path: string): unknown {
  let value = root;
  for (const part of path.split('.')) {
    if (value === null || value === undefined || isUnsafeKey(part) || !hasOwn(Object(value), part)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A command array: `['a.b.push', 4]` calls `push(4)` on the value at `a.b`. */
export function callAtPath(model: Model, command: unknown[]): void {
  const path = command[0];
  if (typeof path !== 'string') throw new TypeError('A command array must start with a "path.method" string');
  const dot = path.lastIndexOf('.');
  const method = path.slice(dot + 1);
  const target = dot < 0 ? model : readPath(model, path.slice(0, dot));
  const fn = target === null || target === undefined || isUnsafeKey(method)
    ? undefined
    : (target as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new TypeError(`Command ${quote(path)}: there is no such method in the data model`);
  fn.apply(target, command.slice(1));
}
