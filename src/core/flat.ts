// One-level flattening for vendors that only take flat properties (Gist, Connecto, Antsomi):
// `company: {name}` becomes the entry (company, name); a list of scalars becomes one
// comma-separated string; anything deeper is dropped with a warning. A nested entry's key is
// one snake_case spelling for every such vendor (company.employeeCount → company_employee_count);
// each vendor may restrict it further (Gist's characters, Antsomi's codes).
import { makeString } from '../sandbox/lang';
import { copyObject, has, isObject, isScalar } from './checks';
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
export const flatKey = (entry: FlatEntry): string => entry.parent === null ? entry.name : snakeCase(entry.parent + '_' + entry.name);

/** A value as a flat scalar: a list of scalars as 'a,b,c' (nulls skipped), lists of objects or lists dropped (said). */
function flatValue(value: Json, where: string, note: Note): Scalar | undefined {
  if (isScalar(value)) return value;
  const list = value as Json[];
  const parts: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isScalar(item)) {
      note('warning', where + ' is a list of objects or lists; dropped');
      return undefined;
    }
    if (item !== null) parts.push(makeString(item));
  }
  return parts.join(',');
}

/** The entries of `object`, with the members of its objects one level down. */
export function flatten(object: JsonObject, note: Note): FlatEntry[] {
  const entries: FlatEntry[] = [];
  const add = (parent: string | null, name: string, value: Json): void => {
    const where = parent === null ? name : parent + '.' + name;
    if (isObject(value)) {
      if (parent !== null) return note('warning', where + ' is nested over one level deep; dropped');
      const nested = value as JsonObject;
      return Object.keys(nested).forEach((key) => add(name, key, nested[key]));
    }
    const flat = flatValue(value, where, note);
    if (flat !== undefined) entries.push({ parent: parent, name: name, value: flat });
  };
  Object.keys(object).forEach((key) => add(null, key, object[key]));
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
  if (has(into, key)) note('warning', '"' + key + '" is given twice; the last is used');
  into[key] = value;
}
