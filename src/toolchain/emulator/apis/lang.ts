// The pure APIs: types and conversions (one source of truth: src/sandbox/lang.ts), URI and base64
// coding, JSON, Math, Object, makeTableMap, random numbers and the clock.
import { decodeUriComponent, encodeUriComponent, getType, makeInteger, makeNumber, makeString } from '../../../sandbox/lang';
import { base64ToUtf8, utf8ToBase64 } from '../base64';
import type { ApiFactory } from './context';

/** A native function that throws on bad input, returning undefined instead (GTM's contract). */
const orUndefined = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R | undefined => {
  try {
    return fn(...args);
  } catch {
    return undefined;
  }
};

const constant = (value: unknown): ApiFactory => () => value;

const sandboxJson = {
  /** Non-strings are coerced to strings; malformed JSON gives undefined. */
  parse: orUndefined((text: unknown) => JSON.parse(String(text))),
  /** undefined for values that cannot be stringified (cycles). */
  stringify: orUndefined((value: unknown) => JSON.stringify(value)),
};

const sandboxMath = {
  abs: Math.abs, ceil: Math.ceil, floor: Math.floor, round: Math.round,
  max: Math.max, min: Math.min, pow: Math.pow, sqrt: Math.sqrt,
};

const objectOf = (value: unknown): object => (value === null || value === undefined ? {} : Object(value));

const sandboxObject = {
  keys: (value: unknown) => Object.keys(objectOf(value)),
  values: (value: unknown) => Object.values(objectOf(value)),
  entries: (value: unknown) => Object.entries(objectOf(value)),
  freeze: <T>(value: T): T => Object.freeze(value),
  /** Top-level keys only; never array elements; false for frozen objects and non-objects. */
  delete: (value: unknown, key: unknown): boolean => {
    if (getType(value) !== 'object' || Object.isFrozen(value)) return false;
    delete (value as Record<string, unknown>)[String(key)];
    return true;
  },
};

/** Rows of a SIMPLE_TABLE as one object; undefined when no row maps [REAL: PostHog's template]. */
function makeTableMap(rows: unknown, keyColumn: string, valueColumn: string): Record<string, unknown> | undefined {
  if (getType(rows) !== 'array') return undefined;
  const result: Record<string, unknown> = {};
  let mapped = false;
  for (const row of rows as unknown[]) {
    if (getType(row) !== 'object') continue;
    const record = row as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(record, keyColumn) || !Object.prototype.hasOwnProperty.call(record, valueColumn)) continue;
    result[String(record[keyColumn])] = record[valueColumn];
    mapped = true;
  }
  return mapped ? result : undefined;
}

export const LANG_APIS: Record<string, ApiFactory> = {
  decodeUri: constant(orUndefined((text: string) => decodeURI(text))),
  decodeUriComponent: constant(decodeUriComponent),
  encodeUri: constant(orUndefined((text: string) => encodeURI(text))),
  encodeUriComponent: constant(encodeUriComponent),
  fromBase64: constant((text: unknown) => base64ToUtf8(makeString(text))),
  generateRandom: ({ page }) => (min: number, max: number) => Math.floor(page.random() * (max - min + 1)) + min,
  getTimestamp: ({ page }) => () => page.now(),
  getTimestampMillis: ({ page }) => () => page.now(),
  getType: constant(getType),
  JSON: constant(sandboxJson),
  makeInteger: constant(makeInteger),
  makeNumber: constant(makeNumber),
  makeString: constant(makeString),
  makeTableMap: constant(makeTableMap),
  Math: constant(sandboxMath),
  Object: constant(sandboxObject),
  toBase64: constant((text: unknown) => utf8ToBase64(makeString(text))),
};
