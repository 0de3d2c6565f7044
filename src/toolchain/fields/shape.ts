// The shape checkFields relies on: fields read from a .tpl are parsed JSON, typed as Field[] but
// not checked, so a hand-edited file can hold `"selectItems": 3`. Each malformed list or entry
// becomes a problem instead of a TypeError deeper in the checks.
import { isObject } from '../../sandbox/object';
import type { Problem } from './check';

type Json = { [key: string]: unknown };

/** Lists of objects a field may hold, and what one entry is called in messages. */
const FIELD_LISTS: readonly [string, string][] = [
  ['selectItems', 'item'], ['radioItems', 'item'], ['simpleTableColumns', 'column'], ['paramTableColumns', 'column'],
  ['subParams', 'field'], ['valueValidators', 'validator'], ['enablingConditions', 'condition'],
];

/** Problems with the structure of `fields`; empty when the semantic checks can run safely. */
export function shapeProblems(fields: unknown, label = ''): Problem[] {
  if (!Array.isArray(fields)) return [{ rule: 'fields', about: label, message: `the fields must be a list, not ${describe(fields)}` }];
  return fields.flatMap((field, index) => fieldShape(field, label, index));
}

function fieldShape(field: unknown, parent: string, index: number): Problem[] {
  if (!isObject(field)) return [{ rule: 'fields', about: parent, message: `field ${index + 1} must be an object, not ${describe(field)}` }];
  const label = typeof field.name === 'string' && field.name ? field.name : parent;
  const problems: Problem[] = [];
  for (const [key, entry] of FIELD_LISTS) {
    const value = field[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      problems.push({ rule: 'fields', about: label, message: `${key} must be a list, not ${describe(value)}` });
      continue;
    }
    value.forEach((item, i) => {
      if (!isObject(item)) problems.push({ rule: 'fields', about: label, message: `${key}: ${entry} ${i + 1} must be an object, not ${describe(item)}` });
      else problems.push(...entryShape(key, item, label, i));
    });
  }
  return problems;
}

/** Nested parts of one list entry: sub-fields of radio items and param-table columns, validator args. */
function entryShape(key: string, item: Json, label: string, index: number): Problem[] {
  if (key === 'subParams') return fieldShape(item, label, index);
  if (key === 'radioItems' && item.subParams !== undefined) return shapeProblems(item.subParams, label);
  if (key === 'paramTableColumns') {
    return isObject(item.param) ? fieldShape(item.param, label, index) : [{ rule: 'fields', about: label, message: `paramTableColumns: column ${index + 1} needs a "param" field object` }];
  }
  if (key === 'valueValidators' && item.args !== undefined && !Array.isArray(item.args)) {
    return [{ rule: 'fields', about: label, message: `valueValidators: validator ${index + 1} args must be a list, not ${describe(item.args)}` }];
  }
  return [];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
