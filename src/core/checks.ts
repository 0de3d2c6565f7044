// Small value tests and conversions used across core, written for the sandbox (getType instead
// of typeof/Array.isArray, makeString instead of String()).
import { getType, makeNumber, makeString } from '../sandbox/lang';
import { LIMITS } from './limits';
import type { Json, JsonObject } from './model';
import type { Note } from './messages';

export { isObject, isUnsafeKey } from '../sandbox/object';

export const isArray = (value: unknown): value is unknown[] => getType(value) === 'array';

export const isString = (value: unknown): value is string => getType(value) === 'string';

export const isFunction = (value: unknown): boolean => getType(value) === 'function';

/** A number that JSON can carry (not NaN, not ±Infinity). */
export const isFiniteNumber = (value: unknown): value is number => getType(value) === 'number' && (value as number) - (value as number) === 0;

/** The names every plain object inherits: only for these is a defined value no proof of an own key. */
const INHERITED = ('constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf ' +
  '__proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__').split(' ');

/**
 * Own property test in constant time that also works for keys such as 'constructor' and for
 * objects carrying their own 'hasOwnProperty' key. A key whose value is undefined counts as absent.
 */
export function has(object: { [key: string]: unknown }, key: string): boolean {
  if (INHERITED.indexOf(key) >= 0) return Object.keys(object).indexOf(key) >= 0;
  return object[key] !== undefined;
}


/**
 * The trimmed text of a string or number; null for '', whitespace, null, undefined and
 * anything else (booleans, objects): the common rule "'' is missing".
 */
export function text(value: unknown): string | null {
  const trimmed = isString(value) ? value.trim() : isFiniteNumber(value) ? makeString(value) : '';
  return trimmed === '' ? null : trimmed;
}

/** True for undefined, null and text that is empty once trimmed: "not given". */
export const isMissing = (value: unknown): boolean =>
  value === undefined || value === null || (isString(value) && value.trim() === '');

/** true/false for a boolean or the strings 'true'/'false' (template checkboxes, bridge config). */
export function flag(value: unknown, fallback: boolean): boolean {
  const word = isString(value) ? value.trim().toLowerCase() : value;
  return word === true || word === 'true' ? true : word === false || word === 'false' ? false : fallback;
}

/** The one of `choices` that `word` spells (compared trimmed and lower-cased), or null. */
export function oneOf<T extends string>(word: string, choices: readonly T[]): T | null {
  const lower = word.trim().toLowerCase();
  for (let i = 0; i < choices.length; i++) {
    if (choices[i].toLowerCase() === lower) return choices[i];
  }
  return null;
}

/** `value` when it is one of `choices` (compared trimmed and lower-cased), else `fallback`. */
export function choice<T extends string>(value: unknown, choices: readonly T[], fallback: T): T {
  const chosen = isString(value) ? oneOf(value, choices) : null;
  return chosen === null ? fallback : chosen;
}

/**
 * The one of `choices` that `value` spells; the first choice when `value` is missing, and also,
 * with a warning naming `what`, when it spells none of them.
 */
export function pick<T extends string>(value: unknown, choices: readonly T[], what: string, note: Note): T {
  const word = text(value);
  const chosen = word === null ? choices[0] : oneOf(word, choices);
  if (chosen !== null) return chosen;
  // the list is built inside the note, so that builds which drop warnings drop it too
  note('warning', what + ' "' + word + '" is not ' + choices.slice(0, -1).join(', ') + ' or ' + choices[choices.length - 1] + '; ' + choices[0] + ' is used');
  return choices[0];
}

/**
 * The rows of a table value, at most LIMITS.rows: none for undefined, null or ''; none and a
 * warning naming `what` for anything that is not a list; a warning when rows are left out.
 */
export function tableRows(value: unknown, what: string, note: Note): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (!isArray(value)) {
    note('warning', what + ' must be a list of rows; ignored');
    return [];
  }
  if (value.length <= LIMITS.rows) return value;
  note('warning', what + ' has ' + value.length + ' rows; only the first ' + LIMITS.rows + ' are used');
  return value.slice(0, LIMITS.rows);
}

/** A whole number of milliseconds between 0 and `max`, or `fallback`. */
export function milliseconds(value: unknown, fallback: number, max: number): number {
  const number = isString(value) && value.trim() !== '' ? makeNumber(value.trim()) : value;
  if (!isFiniteNumber(number) || number < 0) return fallback;
  return Math.min(Math.floor(number), max);
}

/** A shallow copy of a JSON object without the keys `drop` lists (the sandbox has no delete). */
export function without(object: JsonObject, drop: readonly string[]): JsonObject {
  const copy: JsonObject = {};
  Object.keys(object).forEach((key) => {
    if (drop.indexOf(key) < 0) copy[key] = object[key];
  });
  return copy;
}

/** A shallow copy of a JSON object. */
export const copyObject = (object: JsonObject): JsonObject => assign({}, object);

/** Copies every key of `from` into `into` (the sandbox has no Object.assign); returns `into`. */
export function assign(into: JsonObject, from: JsonObject): JsonObject {
  Object.keys(from).forEach((key) => {
    into[key] = from[key];
  });
  return into;
}

/** True when a JSON value is a scalar (string, number, boolean or null). */
export function isScalar(value: Json | undefined): value is string | number | boolean | null {
  const type = getType(value);
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'null';
}
