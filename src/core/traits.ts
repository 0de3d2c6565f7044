// Trait values and names: JSON-safe copies of raw values, typed table rows, and the reserved
// trait names of the Segment spec (accepted in camelCase or snake_case, kept in camelCase).
import { getType, makeNumber, makeString } from '../sandbox/lang';
import { has, isFiniteNumber, isObject, isScalar, isString, isUnsafeKey } from './checks';
import { toIsoDate } from './dates';
import { LIMITS } from './limits';
import { withArticle } from './text';
import type { Json, JsonObject, TraitType } from './model';
import type { Note } from './messages';

/** The types a traits table row may give (typedValue). */
export const TRAIT_TYPES: TraitType[] = ['text', 'number', 'boolean', 'date'];

/** snake_case spellings of reserved names → canonical camelCase. */
export const TRAIT_ALIASES: { [key: string]: string } = {
  created_at: 'createdAt',
  first_name: 'firstName',
  last_name: 'lastName',
};
const ADDRESS_ALIASES: { [key: string]: string } = { postal_code: 'postalCode' };
export const COMPANY_ALIASES: { [key: string]: string } = { employee_count: 'employeeCount' };

/** Reserved traits that are dates (age is the one reserved number). */
export const DATE_TRAITS = ['createdAt', 'birthday'];

/** Nesting deeper than this is dropped (it also stops cyclic objects from the page). */
const MAX_DEPTH = 10;

export interface TypedValue {
  value: Json;
  date: boolean;
}

/** How many more values a copy may take (LIMITS.values), and what it copies, for the message. */
export interface Budget {
  left: number;
  characters: number;
  what: string;
}

export const valueBudget = (what: string): Budget => ({ left: LIMITS.values, characters: LIMITS.characters, what: what });

/** Takes one value from the budget; false (reported once) when it is spent. */
function spend(budget: Budget, note: Note): boolean {
  if (budget.left > 0) {
    budget.left -= 1;
    return true;
  }
  if (budget.left === 0) note('warning', 'more than ' + LIMITS.values + ' values in ' + budget.what + '; the rest left out');
  budget.left = -1;
  return false;
}

/**
 * A JSON copy of a raw value: strings trimmed, '' / undefined / functions dropped, NaN and
 * Infinity dropped with a warning, unsafe keys skipped, text longer than LIMITS.textLength and
 * values past the budget left out with a warning. undefined when nothing is left.
 */
export function toJson(value: unknown, where: string, depth: number, note: Note, budget?: Budget): Json | undefined {
  const type = getType(value);
  const left = budget === undefined ? valueBudget(where) : budget;
  if (type === 'string') {
    const trimmed = (value as string).trim();
    if (trimmed.length > LIMITS.textLength) {
      note('warning', where + ' is longer than ' + LIMITS.textLength + ' characters; left out');
      return undefined;
    }
    if (trimmed.length > left.characters) {
      if (left.characters >= 0) note('warning', 'more than ' + LIMITS.characters + ' characters of text in ' + left.what + '; the rest left out');
      left.characters = -1;
      return undefined;
    }
    left.characters -= trimmed.length;
    return trimmed === '' ? undefined : trimmed;
  }
  if (type === 'number') {
    if (isFiniteNumber(value)) return value;
    note('warning', where + ' is not a finite number; dropped');
    return undefined;
  }
  if (type === 'boolean' || type === 'null') return value as boolean | null;
  if (type === 'function') note('warning', where + ' is a function; dropped');
  if (type !== 'array' && type !== 'object') return undefined;
  if (depth >= MAX_DEPTH) {
    note('warning', where + ' is nested more than ' + MAX_DEPTH + ' levels deep; dropped');
    return undefined;
  }
  // A list's items (named where[i]) and an object's keys (where.key) in one loop.
  const list = type === 'array';
  const items = value as unknown[] & { [key: string]: unknown };
  const keys = list ? [] : Object.keys(items);
  const out: Json[] | JsonObject = list ? [] : {};
  for (let i = 0; i < (list ? items.length : keys.length) && spend(left, note); i++) {
    const key = list ? i : keys[i];
    const at = list ? where + '[' + i + ']' : where + '.' + key;
    if (!list && isUnsafeKey(key as string)) {
      note('warning', at + ' is not allowed as a name; dropped');
      continue;
    }
    const item = toJson(items[key], at, depth + 1, note, left);
    if (item === undefined) continue;
    if (list) (out as Json[]).push(item);
    else (out as JsonObject)[key] = item;
  }
  return out;
}

/**
 * An object given as `where` (the traits object, a company), copied by toJson: {} when it is
 * missing ('' / null / undefined), and {} with a warning when it is not an object.
 */
export function readObject(value: unknown, where: string, note: Note, budget?: Budget): JsonObject {
  const type = getType(value);
  if (type === 'undefined' || type === 'null' || value === '') return {};
  if (type === 'object') return toJson(value, where, 0, note, budget) as JsonObject;
  note('warning', where + ' must be an object, not ' + withArticle(type) + '; ignored');
  return {};
}

/** The canonical spelling of `key` under `aliases` (itself when it has no alias). */
export const canonicalName = (key: string, aliases: { [key: string]: string }): string => aliases.hasOwnProperty(key) ? aliases[key] : key;

/**
 * An object's keys renamed to their canonical spelling. When both spellings are present the
 * canonical (camelCase) one wins and the other is reported.
 */
export function canonicalKeys(object: JsonObject, aliases: { [key: string]: string }, where: string, note: Note): JsonObject {
  const out: JsonObject = {};
  Object.keys(object).forEach((key) => {
    const name = canonicalName(key, aliases);
    if (name !== key && has(object, name)) return note('warning', where + ' has both ' + key + ' and ' + name + '; ' + name + ' is used');
    out[name] = object[key];
  });
  return out;
}

/** Reserved nested objects (address) get their canonical key spelling too. */
export function canonicalTraits(traits: JsonObject, where: string, note: Note): JsonObject {
  const out = canonicalKeys(traits, TRAIT_ALIASES, where, note);
  const address = out.address;
  if (isObject(address)) out.address = canonicalKeys(address as JsonObject, ADDRESS_ALIASES, where + '.address', note);
  return out;
}

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];

function toBoolean(value: unknown): boolean | null {
  const word = isScalar(value as Json) ? makeString(value).trim().toLowerCase() : '';
  return TRUE_WORDS.indexOf(word) >= 0 ? true : FALSE_WORDS.indexOf(word) >= 0 ? false : null;
}

function toNumber(value: unknown): number | null {
  const number = isString(value) ? makeNumber(value.trim()) : value;
  return isFiniteNumber(number) ? number : null;
}

/**
 * A table value converted to its row type. Missing values ('' / null / undefined) give null
 * without a message; values that do not fit the type give null and a warning.
 *   text:    strings trimmed, numbers and booleans turned into strings; objects and arrays are
 *            kept as they are, so a row can carry a whole object (e.g. `address`)
 *   number:  numbers and numeric strings ('42', ' 3.5 '); NaN and Infinity are reported
 *   boolean: true/false, 1/0 and the words true/false/yes/no/1/0 in any case
 *   date:    ISO-8601 strings or epoch seconds/milliseconds (dates.ts), sent as ISO-8601 UTC
 */
/** What a value of each non-text row type must be, as warnings say. */
const EXPECTED = { number: 'a number', boolean: 'true/false/yes/no/1/0', date: 'a date (ISO-8601 or epoch seconds/ms)' };

export function typedValue(value: unknown, type: TraitType, where: string, note: Note, budget?: Budget): TypedValue | null {
  const raw = isString(value) ? value.trim() : value;
  if (raw === '' || raw === null || raw === undefined) return null;
  if (type === 'text') {
    const rawType = getType(raw);
    if (rawType === 'number' || rawType === 'boolean') return { value: makeString(raw), date: false };
    const json = toJson(raw, where, 0, note, budget);
    return json === undefined ? null : { value: json, date: false };
  }
  const converted = type === 'number' ? toNumber(raw) : type === 'boolean' ? toBoolean(raw) : toIsoDate(raw);
  if (converted !== null) return { value: converted, date: type === 'date' };
  note('warning', where + ': ' + describe(raw) + ' is not ' + EXPECTED[type] + '; dropped');
  return null;
}

/** firstName and lastName joined by a space (for vendors with only a `name`); null when neither is set. */
export function fullName(traits: JsonObject): string | null {
  const parts = [traits.firstName, traits.lastName].filter((part) => isScalar(part) && part !== null);
  return parts.length === 0 ? null : parts.map((part) => makeString(part)).join(' ');
}

/** A short printable form of a raw value for messages. */
export function describe(value: unknown): string {
  const type = getType(value);
  if (type === 'string') return '"' + (value as string) + '"';
  return isScalar(value as Json) || type === 'undefined' ? makeString(value) : type;
}
