// Tag parameters from a template's own field definitions: `tagParameters(fields, values)` only
// accepts keys that are fields of `fields` (a renamed field fails to compile), and writes each
// value in the shape GTM stores for that field type (BOOLEAN, LIST of MAP rows, TEMPLATE).
import type { Field, FieldsData } from '../fields';
import { fieldsByName, parameterTypeOf } from './check';
import type { Parameter } from './model';
import { booleanParam, listParam, rowParam, templateParam } from './parameters';

/** What a tag may set for a field whose `data` value has type V. */
type InputOf<V> = [V] extends [boolean]
  ? boolean
  : [NonNullable<V>] extends [readonly (infer Row)[]]
    ? readonly { [C in keyof Row]?: string }[]
    : unknown extends V
      ? string
      : Extract<V, string | number | boolean> | `{{${string}}}`;

/** Values a tag sets, by field name (every key optional: GTM fills defaults). */
export type TagValues<F extends readonly Field[]> = { [K in keyof FieldsData<F>]?: InputOf<FieldsData<F>[K]> };

/** Parameters in field-definition order; a value for a key that is not a field throws. */
export function tagParameters<const F extends readonly Field[]>(fields: F, values: TagValues<F>): Parameter[] {
  const byName = fieldsByName(fields);
  const given = values as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!byName.has(key)) throw new Error(`"${key}" is not a field of the template`);
  }
  const parameters: Parameter[] = [];
  for (const [name, field] of byName) {
    const value = given[name];
    if (value === undefined) continue;
    const type = parameterTypeOf(field);
    if (type === 'BOOLEAN') parameters.push(booleanParam(name, value === true));
    else if (type === 'LIST') parameters.push(listParam(name, (value as Record<string, string>[]).map((row) => rowParam(row))));
    else parameters.push(templateParam(name, String(value)));
  }
  return parameters;
}
