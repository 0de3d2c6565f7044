// The JSON shapes of ___TEMPLATE_PARAMETERS___ entries as GTM exports them. Builders in this folder
// produce these objects; the .tpl reader hands them back untyped beyond this (unknown keys that a
// real file carries are kept at run time — the reader does not strip anything).

export type ParamValue = string | number | boolean;

export type FieldType =
  | 'TEXT'
  | 'SELECT'
  | 'RADIO'
  | 'CHECKBOX'
  | 'SIMPLE_TABLE'
  | 'PARAM_TABLE'
  | 'GROUP'
  | 'LABEL';

export type GroupStyle = 'NO_ZIPPY' | 'ZIPPY_OPEN' | 'ZIPPY_CLOSED' | 'ZIPPY_OPEN_ON_PARAM';

export type ConditionType = 'EQUALS' | 'NOT_EQUALS' | 'PRESENT';

/** Several conditions on one field are OR-ed by GTM. */
export interface EnablingCondition {
  readonly paramName: string;
  readonly paramValue: ParamValue;
  readonly type: ConditionType;
}

export type ValidatorType =
  | 'NON_EMPTY'
  | 'REGEX'
  | 'STRING_LENGTH'
  | 'POSITIVE_NUMBER'
  | 'NON_NEGATIVE_NUMBER'
  | 'TABLE_ROW_COUNT';

export interface ValueValidator {
  readonly type: ValidatorType;
  readonly args?: readonly (string | number)[];
  readonly errorMessage?: string;
  readonly enablingConditions?: readonly EnablingCondition[];
}

export interface SelectItem<V extends ParamValue = ParamValue> {
  readonly value: V;
  readonly displayValue: string;
}

export interface RadioItem<V extends ParamValue = ParamValue> extends SelectItem<V> {
  readonly help?: string;
  readonly subParams?: readonly Field[];
}

export interface SimpleTableColumn {
  readonly defaultValue: string;
  readonly displayName: string;
  readonly name: string;
  readonly type: 'TEXT' | 'SELECT';
  readonly selectItems?: readonly SelectItem[];
  readonly isUnique?: boolean;
  readonly valueHint?: string;
  readonly valueValidators?: readonly ValueValidator[];
}

export interface ParamTableColumn {
  readonly param: Field;
  readonly isUnique: boolean;
}

/** One entry of ___TEMPLATE_PARAMETERS___ (any type). */
export interface Field {
  readonly type: FieldType;
  readonly name: string;
  readonly displayName?: string;
  readonly help?: string;
  readonly simpleValueType?: boolean;
  readonly defaultValue?: unknown;
  readonly valueValidators?: readonly ValueValidator[];
  readonly enablingConditions?: readonly EnablingCondition[];
  readonly alwaysInSummary?: boolean;
  readonly notSetText?: string;
  readonly valueHint?: string;
  readonly valueUnit?: string;
  readonly canBeEmptyString?: boolean;
  readonly clearOnCopy?: boolean;
  readonly lineCount?: number;
  readonly textAsList?: boolean;
  readonly checkboxText?: string;
  readonly macrosInSelect?: boolean;
  readonly selectItems?: readonly SelectItem[];
  readonly radioItems?: readonly RadioItem[];
  readonly simpleTableColumns?: readonly SimpleTableColumn[];
  readonly paramTableColumns?: readonly ParamTableColumn[];
  readonly newRowButtonText?: string;
  readonly newRowTitle?: string;
  readonly editRowTitle?: string;
  readonly groupStyle?: GroupStyle;
  readonly subParams?: readonly Field[];
}
