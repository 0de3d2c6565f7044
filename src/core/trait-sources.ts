// Traits from their two sources: the traits object (e.g. a GTM variable) and the typed table
// rows. Rows win over the object, a later row over an earlier one; an empty row value counts as
// missing, so the object's value stays. Then the reserved traits createdAt/birthday become dates
// and age a number when their values allow it.
import { assign, isObject, isString, pick, tableRows, text } from './checks';
import { toIsoDate } from './dates';
import {
  DATE_TRAITS, TRAIT_ALIASES, TRAIT_TYPES, canonicalName, canonicalTraits, describe, readObject, typedValue, valueBudget,
} from './traits';
import type { Budget } from './traits';
import type { JsonObject } from './model';
import type { Note } from './messages';

export interface TraitSet {
  traits: JsonObject;
  /** top-level keys whose values are ISO-8601 dates */
  dateKeys: string[];
}

/** The traits of the object and the rows, merged and typed (see the header). */
export function readTraits(object: unknown, rows: unknown, note: Note): TraitSet {
  const budget = valueBudget('traits');
  // The traits object's traits (its dates are typed below, with the reserved traits).
  const fromObject = canonicalTraits(readObject(object, 'traits', note, budget), 'traits', note);
  const set = readTraitRows(rows, note, budget);
  // Table rows win over the object's keys.
  set.traits = assign(fromObject, set.traits);
  typeReservedTraits(set, note);
  return set;
}

function readTraitRows(value: unknown, note: Note, budget: Budget): TraitSet {
  const traits: JsonObject = {};
  // Prefixed keys: no name is inherited.
  const dates: { [key: string]: boolean } = {};
  tableRows(value, 'traits table', note).forEach((row, i) => {
    const where = 'traits row ' + (i + 1);
    if (!isObject(row)) return note('warning', where + ' is not a row; ignored');
    const rawKey = text(row.key);
    if (rawKey === null) {
      if (text(row.value) !== null) note('warning', where + ' has a value but no name; ignored');
      return;
    }
    const key = canonicalName(rawKey, TRAIT_ALIASES);
    const named = where + ' (' + rawKey + ')';
    const typed = typedValue(row.value, pick(row.type, TRAIT_TYPES, named + ': type', note), named, note, budget);
    if (typed === null) return;
    traits[key] = typed.value;
    dates['$' + key] = typed.date;
  });
  return { traits: traits, dateKeys: Object.keys(traits).filter((key) => dates['$' + key]) };
}

/** createdAt/birthday become dates and age a number when their values allow it. */
function typeReservedTraits(set: TraitSet, note: Note): void {
  DATE_TRAITS.forEach((key) => {
    const value = set.traits[key];
    if (value === undefined || set.dateKeys.indexOf(key) >= 0) return;
    const iso = toIsoDate(value);
    if (iso === null) return note('warning', key + ': ' + describe(value) + ' is not a date; sent as given');
    set.traits[key] = iso;
    set.dateKeys.push(key);
  });
  // age, the one reserved number trait, given as text.
  const age = set.traits.age;
  const typed = isString(age) ? typedValue(age, 'number', 'age', note) : null;
  if (typed !== null) set.traits.age = typed.value;
}
