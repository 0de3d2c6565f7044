// Value validators and enabling conditions, as GTM writes them (key order: type, args,
// errorMessage, enablingConditions / paramName, paramValue, type).
import type { EnablingCondition, ParamValue, ValidatorType, ValueValidator } from './json';

export interface RuleOptions {
  errorMessage?: string;
  /** The validator only applies while one of these conditions holds. */
  enablingConditions?: readonly EnablingCondition[];
}

function rule(type: ValidatorType, args: (string | number)[] | undefined, options: RuleOptions = {}): ValueValidator {
  const out: { -readonly [K in keyof ValueValidator]: ValueValidator[K] } = { type };
  if (args) out.args = args;
  if (options.errorMessage !== undefined) out.errorMessage = options.errorMessage;
  if (options.enablingConditions) out.enablingConditions = options.enablingConditions;
  return out;
}

export const nonEmpty = (options?: RuleOptions) => rule('NON_EMPTY', undefined, options);
/** The whole value must match `pattern` (GTM anchors it). */
export const regex = (pattern: string, options?: RuleOptions) => rule('REGEX', [pattern], options);
export const stringLength = (min: number, max: number, options?: RuleOptions) => rule('STRING_LENGTH', [min, max], options);
export const positiveNumber = (options?: RuleOptions) => rule('POSITIVE_NUMBER', undefined, options);
export const nonNegativeNumber = (options?: RuleOptions) => rule('NON_NEGATIVE_NUMBER', undefined, options);
/** Rows of a table, or lines of a `textAsList` TEXT field. */
export const tableRowCount = (min: number, max?: number, options?: RuleOptions) =>
  rule('TABLE_ROW_COUNT', max === undefined ? [min] : [min, max], options);

/** Enabled while field `paramName` equals `paramValue` (a CHECKBOX is compared with true/false). */
export const equals = <const V extends ParamValue>(paramName: string, paramValue: V) =>
  ({ paramName, paramValue, type: 'EQUALS' }) as const satisfies EnablingCondition;

export const notEquals = <const V extends ParamValue>(paramName: string, paramValue: V) =>
  ({ paramName, paramValue, type: 'NOT_EQUALS' }) as const satisfies EnablingCondition;

/** Enabled while field `paramName` has any value. */
export const present = (paramName: string) => ({ paramName, paramValue: '', type: 'PRESENT' }) as const satisfies EnablingCondition;
