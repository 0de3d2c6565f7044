// The company, a B2B account (Segment's `company` trait, Mutiny's Account): read from
// traits.company and from the Company field, which wins key by key. Text alone is taken as the
// company name; `employee_count` is spelled employeeCount and must be a number; `id` is text.
import { getType } from '../sandbox/lang';
import { assign, text, without } from './checks';
import { COMPANY_ALIASES, canonicalKeys, readObject, typedValue } from './traits';
import type { Company, Json, JsonObject } from './model';
import type { Note } from './messages';

/** traits.company, then the Company field over it, key by key; null when nothing is left. */
export function readCompany(fromTraits: Json | undefined, explicit: unknown, note: Note): Company | null {
  const raw = readCompanySource(fromTraits, 'traits.company', note);
  assign(raw, readCompanySource(explicit, 'company', note));
  const company: Company = without(raw, ['id', 'employeeCount']);
  const id = text(raw.id);
  if (id !== null) company.id = id;
  else if (raw.id !== undefined) note('warning', 'company.id must be text or a number; dropped');
  const typed = typedValue(raw.employeeCount, 'number', 'company.employeeCount', note);
  if (typed !== null) company.employeeCount = typed.value as number;
  return Object.keys(company).length === 0 ? null : company;
}

function readCompanySource(value: unknown, where: string, note: Note): JsonObject {
  const type = getType(value);
  if (type === 'string' || type === 'number') {
    const name = text(value);
    if (name !== null) note('info', where + ' is text; used as the company name');
    return name === null ? {} : { name: name };
  }
  return canonicalKeys(readObject(value, where, note), COMPANY_ALIASES, where, note);
}
