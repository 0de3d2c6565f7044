// A tag's parameters → the `data` its template receives: TEMPLATE values resolved (one
// `{{Var}}` keeps the variable's type), BOOLEAN and INTEGER converted, LIST of MAP → rows.
import type { Parameter } from '../model';

function valueOf(parameter: Parameter, resolve: (value: string) => unknown): unknown {
  switch (parameter.type) {
    case 'BOOLEAN': return parameter.value === 'true';
    case 'INTEGER': return Number(parameter.value);
    case 'LIST': return (parameter.list ?? []).map((item) => valueOf(item, resolve));
    case 'MAP': return dataOf(parameter.map ?? [], resolve);
    default: return resolve(parameter.value ?? '');
  }
}

export function dataOf(parameters: readonly Parameter[], resolve: (value: string) => unknown): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const parameter of parameters) if (parameter.key !== undefined) data[parameter.key] = valueOf(parameter, resolve);
  return data;
}
