// One-level flattening for vendors that only take flat properties (Gist, Connecto, Antsomi):
// `company: {name}` becomes the entry (company, name); a list of scalars becomes one
// comma-separated string; anything deeper is dropped with a warning. A nested entry's key is
// one snake_case spelling for every such vendor (company.employeeCount → company_employee_count);
// each vendor may restrict it further (Gist's characters, Antsomi's codes).
import { getType, makeString } from '../sandbox/lang';
import { copyObject, has, isScalar } from './checks';
import { snakeCase } from './text';
import type { IdentifyCall, Json, JsonObject } from './model';
import type { Note } from './messages';

export type Scalar = string | number | boolean | null;

export interface FlatEntry {
  /** the top-level key, or null for a top-level entry */
  parent: string | null;
  name: string;
  value: Scalar;
}

/** The entry's key: a top-level name as given, a nested one as parent_name in snake_case. */
export function flatKey(entry: FlatEntry): string {
  return entry.parent === null ? entry.name : snakeCase(entry.parent + '_' + entry.name);
}

/** A list of scalars as 'a,b,c' (nulls skipped); null when the list holds objects or lists. */
export function joinList(list: Json[]): string | null {
  const parts: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isScalar(item)) return null;
    if (item !== null) parts.push(makeString(item));
  }
  return parts.join(',');
}

function flatValue(value: Json, where: string, note: Note): Scalar | undefined {
  if (isScalar(value)) return value;
  if (getType(value) === 'array') {
    const joined = joinList(value as Json[]);
    if (joined === null) note('warning', where + ' is a list of objects or lists; dropped');
    return joined === null ? undefined : joined;
  }
  return undefined;
}

export function flatten(object: JsonObject, note: Note): FlatEntry[] {
  const entries: FlatEntry[] = [];
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = object[key];
    if (getType(value) !== 'object') {
      const flat = flatValue(value, key, note);
      if (flat !== undefined) entries.push({ parent: null, name: key, value: flat });
      continue;
    }
    const nested = value as JsonObject;
    const childKeys = Object.keys(nested);
    for (let j = 0; j < childKeys.length; j++) {
      const child = nested[childKeys[j]];
      const where = key + '.' + childKeys[j];
      if (getType(child) === 'object') {
        note('warning', where + ' is nested more than one level deep; dropped');
        continue;
      }
      const flat = flatValue(child, where, note);
      if (flat !== undefined) entries.push({ parent: key, name: childKeys[j], value: flat });
    }
  }
  return entries;
}

/** The call's traits, then its company (company_name …), as flat entries. */
export function callEntries(call: IdentifyCall, note: Note): FlatEntry[] {
  const all = copyObject(call.traits);
  if (call.company !== null) all.company = call.company as JsonObject;
  return flatten(all, note);
}

/** Sets a flat vendor's property; one given twice keeps the later value, with a warning. */
export function putOnce(into: JsonObject, key: string, value: Json, note: Note): void {
  if (has(into, key)) note('warning', '"' + key + '" is given twice; the later value is used');
  into[key] = value;
}
