// Static checks of field definitions that GTM's editor would reject or that make `data` ambiguous.
import type { EnablingCondition, Field, ParamValue, ValueValidator } from './json';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { shapeProblems } from './shape';

/** A problem of the field definitions (rule `fields`), `about` the field (or `table.column`) it names. */
export type Problem = Diagnostic & { about: string };

/**
 * Field cap assumed for GTM's template editor. Not documented anywhere found; the largest real
 * template examined (Amplitude's) has 98 fields counted as countFields counts them, which fits a
 * cap of 100. Override with checkFields(…, {maxFields}).
 */
export const GTM_FIELD_CAP = 100;

/** Every field definition in the tree: groups, labels, nested subParams and param-table column fields. */
export function countFields(fields: readonly Field[]): number {
  return fields.reduce((n, f) => n + 1 + countFields(children(f)) + countFields((f.paramTableColumns ?? []).map((c) => c.param)), 0);
}

/** Fields whose names share the template-wide `data` namespace (all but table columns). */
function children(field: Field): Field[] {
  return [...(field.subParams ?? []), ...(field.radioItems ?? []).flatMap((i) => i.subParams ?? [])];
}

function flatten(fields: readonly Field[]): Field[] {
  return fields.flatMap((f) => [f, ...flatten(children(f))]);
}

/**
 * Problems of the field definitions, never a throw: fields read from a .tpl are unchecked JSON,
 * so a malformed shape (`"selectItems": 3`) is reported, and the other checks wait for it to go.
 */
export function checkFields(fields: readonly Field[], options: { maxFields?: number } = {}): Problem[] {
  const shape = shapeProblems(fields);
  if (shape.length) return shape;
  const problems: Problem[] = [];
  const all = flatten(fields);
  checkUniqueNames(all.map((f) => f.name), '', problems);
  const scope = new Map(all.map((f) => [f.name, f]));

  for (const field of all) {
    checkField(field, field.name, scope, problems);
    if (field.simpleTableColumns) {
      checkUniqueNames(field.simpleTableColumns.map((c) => c.name), field.name + '.', problems);
      for (const c of field.simpleTableColumns) checkValidators(c.valueValidators, `${field.name}.${c.name}`, scope, problems);
    }
    if (field.paramTableColumns) {
      const columns = flatten(field.paramTableColumns.map((c) => c.param));
      checkUniqueNames(columns.map((c) => c.name), field.name + '.', problems);
      // Column fields see their sibling columns first, then the template's fields.
      const rowScope = new Map([...scope, ...columns.map((c) => [c.name, c] as const)]);
      for (const c of columns) checkField(c, `${field.name}.${c.name}`, rowScope, problems);
    }
  }

  const max = options.maxFields ?? GTM_FIELD_CAP;
  const count = countFields(fields);
  if (count > max) problems.push({ rule: 'fields', about: '', message: `${count} fields exceed GTM's field cap of ${max}` });
  return problems;
}

function checkUniqueNames(names: string[], prefix: string, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!name) problems.push({ rule: 'fields', about: prefix, message: 'a field has no name' });
    else if (seen.has(name)) problems.push({ rule: 'fields', about: prefix + name, message: `duplicate field name '${name}': data keys are flat, names must be unique` });
    seen.add(name);
  }
}

function checkField(field: Field, label: string, scope: Map<string, Field>, problems: Problem[]): void {
  checkConditions(field.enablingConditions, label, scope, problems);
  checkValidators(field.valueValidators, label, scope, problems, field);
  const items = field.selectItems ?? field.radioItems;
  if (items) {
    const values = items.map((i) => i.value);
    const duplicate = values.find((v, i) => values.indexOf(v) !== i);
    if (duplicate !== undefined) problems.push({ rule: 'fields', about: label, message: `item value ${JSON.stringify(duplicate)} appears twice` });
    const fixed = field.type === 'RADIO' || !field.macrosInSelect;
    if (fixed && field.defaultValue !== undefined && !values.includes(field.defaultValue as ParamValue)) {
      problems.push({ rule: 'fields', about: label, message: `defaultValue ${JSON.stringify(field.defaultValue)} is not one of the item values` });
    }
  }
}

function checkConditions(
  conditions: readonly EnablingCondition[] | undefined,
  label: string,
  scope: Map<string, Field>,
  problems: Problem[],
): void {
  for (const c of conditions ?? []) {
    const target = scope.get(c.paramName);
    if (!target) {
      problems.push({ rule: 'fields', about: label, message: `enabling condition refers to '${c.paramName}', which is not a field` });
      continue;
    }
    if (target.type === 'GROUP' || target.type === 'LABEL') {
      problems.push({ rule: 'fields', about: label, message: `enabling condition refers to ${target.type} '${c.paramName}', which has no value` });
      continue;
    }
    if (c.type === 'PRESENT') continue;
    if (target.type === 'CHECKBOX' && typeof c.paramValue !== 'boolean') {
      problems.push({ rule: 'fields', about: label, message: `checkbox '${c.paramName}' is compared with ${JSON.stringify(c.paramValue)}; use true or false` });
    }
    const items = target.type === 'RADIO' ? target.radioItems : target.type === 'SELECT' && !target.macrosInSelect ? target.selectItems : undefined;
    if (items && !items.some((i) => i.value === c.paramValue)) {
      const allowed = items.map((i) => JSON.stringify(i.value)).join(', ');
      problems.push({ rule: 'fields', about: label, message: `'${c.paramName}' never equals ${JSON.stringify(c.paramValue)} (its values: ${allowed})` });
    }
  }
}

function checkValidators(
  validators: readonly ValueValidator[] | undefined,
  label: string,
  scope: Map<string, Field>,
  problems: Problem[],
  field?: Field,
): void {
  for (const v of validators ?? []) {
    checkConditions(v.enablingConditions, label, scope, problems);
    const args = v.args ?? [];
    if (v.type === 'REGEX') {
      const pattern = args[0];
      if (typeof pattern !== 'string') problems.push({ rule: 'fields', about: label, message: 'REGEX validator needs a pattern string' });
      else if (!compiles(pattern)) problems.push({ rule: 'fields', about: label, message: `REGEX pattern ${JSON.stringify(pattern)} does not compile` });
    }
    if (v.type === 'STRING_LENGTH' || v.type === 'TABLE_ROW_COUNT') {
      const [min, max] = args;
      const numeric = typeof min === 'number' && (max === undefined || typeof max === 'number');
      if (!numeric || (v.type === 'STRING_LENGTH' && max === undefined)) problems.push({ rule: 'fields', about: label, message: `${v.type} needs numeric bounds` });
      else if (max !== undefined && min > max) problems.push({ rule: 'fields', about: label, message: `${v.type} minimum ${min} exceeds maximum ${max}` });
    }
    if (v.type === 'TABLE_ROW_COUNT' && field && !isListLike(field)) {
      problems.push({ rule: 'fields', about: label, message: 'TABLE_ROW_COUNT applies to tables and textAsList TEXT fields only' });
    }
  }
}

function isListLike(field: Field): boolean {
  return field.type === 'SIMPLE_TABLE' || field.type === 'PARAM_TABLE' || (field.type === 'TEXT' && field.textAsList === true);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
