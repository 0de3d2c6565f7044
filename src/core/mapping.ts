// Key mapping: values read from a source object (a dataLayer message, a GTM variable) by dotted
// path and placed as user id, email, trait or tag of an IdentifyInput. Pure functions.
//
// A mapping row is {from, to, as?, type?}:
//   from  a dotted path in the source ('oemname', 'user.id', 'items.0.brand')
//   to    the name to give the value ('brand', 'user id', 'email')
//   as    'userId' | 'email' | 'trait' | 'tag'; when absent, a `to` of 'user id' / 'userId' /
//         'user_id' means the user id, 'email' the email, anything else a trait
//   type  the trait type ('text' default, 'number', 'boolean', 'date')
// A path that leads nowhere (or to undefined/null) adds nothing. Precedence: the input's own
// fields and table rows win over mapped values (mapped rows go before the input's rows).
import { makeNumber } from '../sandbox/lang';
import { copyObject, has, isArray, isMissing, isObject, tableRows, text } from './checks';
import { isDigits } from './text';
import type { IdentifyInput, JsonObject, TagRow, TraitRow } from './model';
import type { Note } from './messages';

export interface KeyMappingRow {
  from?: unknown;
  to?: unknown;
  as?: unknown;
  type?: unknown;
}

export interface MappedValues {
  userId?: unknown;
  email?: unknown;
  traitRows: TraitRow[];
  tagRows: TagRow[];
}

type Target = 'userId' | 'email' | 'trait' | 'tag';

/** The value at a dotted path ('user.id'; list items by index, 'items.0'); undefined if absent. */
export function readPath(source: unknown, path: string): unknown {
  if (path === '') return undefined;
  const parts = path.split('.');
  let current: unknown = source;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (isObject(current) && has(current, part)) current = current[part];
    else if (isArray(current) && isDigits(part)) current = current[makeNumber(part)];
    else return undefined;
  }
  return current;
}

/** Where a row's value goes: its `as` (or else its name) squashed, e.g. 'User ID', 'user_id', 'userId' → 'userid'. */
function targetOf(as: unknown, to: string): Target {
  const explicit = text(as);
  // lower case, without spaces, '_' and '-'
  const word = (explicit === null ? to : explicit).toLowerCase().split(' ').join('').split('_').join('').split('-').join('');
  if (word === 'userid') return 'userId';
  if (word === 'email') return 'email';
  if (explicit !== null && word === 'tag') return 'tag';
  return 'trait';
}

/** Reads the value a row's `from` names (a dotted path into a source, a GTM data layer key). */
export type PathReader = (path: string) => unknown;

/** The values the mapping rows pick from `source`. */
export const mapKeys = (source: unknown, rows: unknown, note: Note): MappedValues => mapRead((path) => readPath(source, path), rows, note);

/** The values the mapping rows pick through `read`. */
function mapRead(read: PathReader, rows: unknown, note: Note): MappedValues {
  const mapped: MappedValues = { traitRows: [], tagRows: [] };
  tableRows(rows, 'key mapping', note).forEach((row, i) => {
    const from = isObject(row) ? text(row.from) : null;
    if (from === null) return note('warning', 'key mapping row ' + (i + 1) + ' has no source key; ignored');
    const to = text((row as KeyMappingRow).to);
    const name = to === null ? from : to;
    const value = read(from);
    if (value === undefined || value === null) return;
    const target = targetOf((row as KeyMappingRow).as, name);
    if (target === 'userId' || target === 'email') mapped[target] = value;
    else if (target === 'tag') mapped.tagRows.push({ name: name, value: value });
    else mapped.traitRows.push({ key: name, value: value, type: (row as KeyMappingRow).type });
  });
  return mapped;
}

/** `input` completed with the values mapped from `source` (see the header for precedence). */
export const applyKeyMapping = (source: unknown, rows: unknown, input: IdentifyInput, note: Note): IdentifyInput => applyMapping((path) => readPath(source, path), rows, input, note);

/**
 * applyKeyMapping with the values read through `read`: the template reads each row's key with
 * GTM's copyFromDataLayer, so it carries no path reader of its own.
 */
export function applyMapping(read: PathReader, rows: unknown, input: IdentifyInput, note: Note): IdentifyInput {
  const mapped = mapRead(read, rows, note);
  const ownRows = isArray(input.traitRows) ? input.traitRows : [];
  if (!isMissing(input.traitRows) && !isArray(input.traitRows)) note('warning', 'traits table must be a list of rows; ignored');
  const out: IdentifyInput = copyObject(input as JsonObject);
  if (isMissing(input.userId)) out.userId = mapped.userId;
  if (isMissing(input.email)) out.email = mapped.email;
  out.traitRows = (mapped.traitRows as unknown[]).concat(ownRows);
  out.tags = [mapped.tagRows as unknown, input.tags];
  return out;
}
