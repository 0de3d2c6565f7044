// Typed builders for ___TEMPLATE_PARAMETERS___ entries. Each returns the exact JSON GTM exports
// (keys in the order GTM's editor most often writes them; undefined options are left out) and a
// type that records what the field adds to `data` (see data.ts).
import type { Carries, FieldsData, TextValue } from './data';
import type {
  EnablingCondition,
  Field,
  GroupStyle,
  ParamValue,
  RadioItem,
  SelectItem,
  SimpleTableColumn,
  ValueValidator,
} from './json';

interface CommonOptions {
  displayName?: string;
  /** HTML allowed. */
  help?: string;
  /** Show the value in the tag's summary. */
  alwaysInSummary?: boolean;
  valueValidators?: readonly ValueValidator[];
  /** The field shows while any of these holds (OR). */
  enablingConditions?: readonly EnablingCondition[];
}

type Keyed<N extends string, V> = { [K in N]: V };
type ValueOf<I extends readonly { readonly value: ParamValue }[]> = I[number]['value'];
/** Without a default a SELECT/RADIO may hold no choice at all. */
type Chosen<V, D> = [D] extends [undefined] ? V | undefined : V;
type Typed<T extends string, N extends string> = Field & { readonly type: T; readonly name: N };

/** Drops undefined entries; the literal's key order is the JSON key order. */
function compact<T>(value: Record<string, unknown>): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value as T;
}

// TEXT ------------------------------------------------------------------------------------------

export interface TextOptions extends CommonOptions {
  /** Placeholder shown in the empty box. */
  valueHint?: string;
  /** Rows of a multi-line box. */
  lineCount?: number;
  /** One value per line (validated by tableRowCount for the line count). */
  textAsList?: boolean;
  notSetText?: string;
  /** An empty string counts as a value. */
  canBeEmptyString?: boolean;
  defaultValue?: string;
  valueUnit?: string;
  /** The value is dropped when the tag is copied. */
  clearOnCopy?: boolean;
}

export type TextField<N extends string> = Typed<'TEXT', N> & Carries<Keyed<N, TextValue>>;

export function text<N extends string>(name: N, o: TextOptions = {}): TextField<N> {
  return compact({
    type: 'TEXT',
    name,
    displayName: o.displayName,
    simpleValueType: true,
    lineCount: o.lineCount,
    textAsList: o.textAsList,
    help: o.help,
    valueHint: o.valueHint,
    canBeEmptyString: o.canBeEmptyString,
    defaultValue: o.defaultValue,
    valueValidators: o.valueValidators,
    alwaysInSummary: o.alwaysInSummary,
    notSetText: o.notSetText,
    valueUnit: o.valueUnit,
    clearOnCopy: o.clearOnCopy,
    enablingConditions: o.enablingConditions,
  });
}

// SELECT ----------------------------------------------------------------------------------------

export function item<const V extends ParamValue>(value: V, displayValue: string): SelectItem<V> {
  return { value, displayValue };
}

export interface SelectOptions<I extends readonly SelectItem[], M extends boolean, D> extends CommonOptions {
  items: I;
  /** Lets the user pick a GTM variable; the value's type is then unknown. */
  macrosInSelect?: M;
  defaultValue?: D;
  /** Label of the empty choice. */
  notSetText?: string;
}

export type SelectField<N extends string, V> = Typed<'SELECT', N> & Carries<Keyed<N, V>>;

export function select<
  N extends string,
  const I extends readonly SelectItem[],
  M extends boolean = false,
  D extends (M extends true ? ParamValue : ValueOf<I>) | undefined = undefined,
>(name: N, o: SelectOptions<I, M, D>): SelectField<N, M extends true ? unknown : Chosen<ValueOf<I>, D>> {
  return compact({
    type: 'SELECT',
    name,
    displayName: o.displayName,
    macrosInSelect: o.macrosInSelect ?? false,
    selectItems: [...o.items],
    simpleValueType: true,
    help: o.help,
    defaultValue: o.defaultValue,
    notSetText: o.notSetText,
    alwaysInSummary: o.alwaysInSummary,
    valueValidators: o.valueValidators,
    enablingConditions: o.enablingConditions,
  });
}

// RADIO -----------------------------------------------------------------------------------------

export function radioItem<const V extends ParamValue, const S extends readonly Field[] = []>(
  value: V,
  displayValue: string,
  o: { help?: string; subParams?: S } = {},
): RadioItem<V> & Carries<FieldsData<S>> {
  return compact({ value, displayValue, help: o.help, subParams: o.subParams && [...o.subParams] });
}

export interface RadioOptions<I extends readonly RadioItem[], D> extends CommonOptions {
  items: I;
  defaultValue?: D;
}

export type RadioField<N extends string, V, Sub> = Typed<'RADIO', N> & Carries<Keyed<N, V> & Sub>;

export function radio<N extends string, const I extends readonly RadioItem[], D extends ValueOf<I> | undefined = undefined>(
  name: N,
  o: RadioOptions<I, D>,
): RadioField<N, Chosen<ValueOf<I>, D>, FieldsData<I>> {
  return compact({
    type: 'RADIO',
    name,
    displayName: o.displayName,
    radioItems: [...o.items],
    simpleValueType: true,
    help: o.help,
    defaultValue: o.defaultValue,
    alwaysInSummary: o.alwaysInSummary,
    valueValidators: o.valueValidators,
    enablingConditions: o.enablingConditions,
  });
}

// CHECKBOX --------------------------------------------------------------------------------------

export interface CheckboxOptions<S extends readonly Field[]> extends CommonOptions {
  checkboxText: string;
  defaultValue?: boolean;
  /** Fields nested under the checkbox (still flat keys of `data`). */
  subParams?: S;
}

export type CheckboxField<N extends string, Sub> = Typed<'CHECKBOX', N> & Carries<Keyed<N, boolean> & Sub>;

export function checkbox<N extends string, const S extends readonly Field[] = []>(
  name: N,
  o: CheckboxOptions<S>,
): CheckboxField<N, FieldsData<S>> {
  return compact({
    type: 'CHECKBOX',
    name,
    displayName: o.displayName,
    checkboxText: o.checkboxText,
    simpleValueType: true,
    help: o.help,
    defaultValue: o.defaultValue,
    alwaysInSummary: o.alwaysInSummary,
    valueValidators: o.valueValidators,
    enablingConditions: o.enablingConditions,
    subParams: o.subParams && [...o.subParams],
  });
}

// SIMPLE_TABLE ----------------------------------------------------------------------------------

export interface ColumnOptions<I extends readonly SelectItem[], D extends string> {
  /** Makes the column a drop-down with these items. */
  select?: I;
  /** Written as "" when not given (as GTM does). */
  defaultValue?: D;
  isUnique?: boolean;
  valueHint?: string;
  valueValidators?: readonly ValueValidator[];
}

/** A text column holds anything a variable returns; a select column holds an item value or its default. */
type ColumnValue<I extends readonly SelectItem[], D extends string> = [I] extends [never] ? TextValue : ValueOf<I> | D;

export type Column<N extends string, V> = SimpleTableColumn & { readonly name: N } & Carries<Keyed<N, V>>;

export function column<N extends string, const I extends readonly SelectItem[] = never, const D extends string = ''>(
  name: N,
  displayName: string,
  o: ColumnOptions<I, D> = {},
): Column<N, ColumnValue<I, D>> {
  return compact({
    defaultValue: o.defaultValue ?? '',
    displayName,
    name,
    type: o.select ? 'SELECT' : 'TEXT',
    selectItems: o.select && [...o.select],
    isUnique: o.isUnique,
    valueHint: o.valueHint,
    valueValidators: o.valueValidators,
  });
}

export interface SimpleTableOptions<C extends readonly SimpleTableColumn[]> extends CommonOptions {
  columns: C;
  newRowButtonText?: string;
}

/** Rows keyed by column name; undefined when the table was never filled. */
export type SimpleTableField<N extends string, Row> = Typed<'SIMPLE_TABLE', N> & Carries<Keyed<N, Row[] | undefined>>;

export function simpleTable<N extends string, const C extends readonly SimpleTableColumn[]>(
  name: N,
  o: SimpleTableOptions<C>,
): SimpleTableField<N, FieldsData<C>> {
  return compact({
    type: 'SIMPLE_TABLE',
    name,
    displayName: o.displayName,
    simpleTableColumns: [...o.columns],
    newRowButtonText: o.newRowButtonText,
    help: o.help,
    alwaysInSummary: o.alwaysInSummary,
    valueValidators: o.valueValidators,
    enablingConditions: o.enablingConditions,
  });
}

// PARAM_TABLE -----------------------------------------------------------------------------------

export type ParamColumn<F extends Field> = { readonly param: F; readonly isUnique: boolean } & Carries<FieldsData<[F]>>;

export function paramColumn<const F extends Field>(param: F, o: { isUnique?: boolean } = {}): ParamColumn<F> {
  return { param, isUnique: o.isUnique ?? false };
}

export interface ParamTableOptions<C extends readonly ParamColumn<Field>[]> extends CommonOptions {
  columns: C;
  newRowButtonText?: string;
  newRowTitle?: string;
  editRowTitle?: string;
}

export type ParamTableField<N extends string, Row> = Typed<'PARAM_TABLE', N> & Carries<Keyed<N, Row[] | undefined>>;

export function paramTable<N extends string, const C extends readonly ParamColumn<Field>[]>(
  name: N,
  o: ParamTableOptions<C>,
): ParamTableField<N, FieldsData<C>> {
  return compact({
    type: 'PARAM_TABLE',
    name,
    displayName: o.displayName,
    paramTableColumns: [...o.columns],
    help: o.help,
    newRowButtonText: o.newRowButtonText,
    newRowTitle: o.newRowTitle,
    editRowTitle: o.editRowTitle,
    alwaysInSummary: o.alwaysInSummary,
    valueValidators: o.valueValidators,
    enablingConditions: o.enablingConditions,
  });
}

// GROUP, LABEL ----------------------------------------------------------------------------------

export interface GroupOptions {
  displayName?: string;
  /** Default NO_ZIPPY (always open, no toggle). */
  style?: GroupStyle;
  help?: string;
  enablingConditions?: readonly EnablingCondition[];
}

/** A group has no value of its own: its children are top-level keys of `data`. */
export type GroupField<N extends string, Sub> = Typed<'GROUP', N> & Carries<Sub>;

export function group<N extends string, const C extends readonly Field[]>(
  name: N,
  o: GroupOptions,
  children: C,
): GroupField<N, FieldsData<C>> {
  return compact({
    type: 'GROUP',
    name,
    displayName: o.displayName,
    groupStyle: o.style ?? 'NO_ZIPPY',
    subParams: [...children],
    help: o.help,
    enablingConditions: o.enablingConditions,
  });
}

/** Static text (HTML allowed); adds nothing to `data`. */
export type LabelField<N extends string> = Typed<'LABEL', N>;

export function label<N extends string>(
  name: N,
  displayName: string,
  o: { enablingConditions?: readonly EnablingCondition[] } = {},
): LabelField<N> {
  return compact({ type: 'LABEL', name, displayName, enablingConditions: o.enablingConditions });
}
