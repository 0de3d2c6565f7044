// Builders for export parameters and trigger conditions, so specs read like GTM's UI.
import type { Condition, ConditionType, Parameter } from './model';

export const templateParam = (key: string, value: string): Parameter => ({ type: 'TEMPLATE', key, value });
export const booleanParam = (key: string, value: boolean): Parameter => ({ type: 'BOOLEAN', key, value: String(value) });
export const integerParam = (key: string, value: number): Parameter => ({ type: 'INTEGER', key, value: String(value) });
export const listParam = (key: string, list: Parameter[]): Parameter => ({ type: 'LIST', key, list });
/** A table row: every cell a TEMPLATE keyed by its column name. */
export const rowParam = (row: Record<string, string>): Parameter => ({
  type: 'MAP',
  map: Object.keys(row).map((column) => templateParam(column, row[column])),
});

/** `{{Name}}`: a reference to a variable (user-defined or built-in) by name. */
export const ref = (name: string): string => `{{${name}}}`;

/** The names a value refers to with `{{…}}`. */
export function referencesIn(value: string): string[] {
  return [...value.matchAll(/\{\{([^{}]+)\}\}/g)].map((match) => match[1]);
}

/** `arg0 <type> arg1`, negated when asked (GTM's "does not …" operators). */
export function condition(type: ConditionType, arg0: string, arg1: string, negate = false): Condition {
  const parameter = [templateParam('arg0', arg0), templateParam('arg1', arg1)];
  if (negate) parameter.push(booleanParam('negate', true));
  return { type, parameter };
}

/** Every parameter of a tree, depth first (LIST and MAP children included). */
export function flattenParameters(parameters: readonly Parameter[]): Parameter[] {
  const all: Parameter[] = [];
  for (const parameter of parameters) {
    all.push(parameter);
    all.push(...flattenParameters(parameter.list ?? []), ...flattenParameters(parameter.map ?? []));
  }
  return all;
}
