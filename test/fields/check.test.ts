import { describe, expect, it } from 'vitest';
import {
  checkbox,
  checkFields,
  column,
  countFields,
  equals,
  group,
  GTM_FIELD_CAP,
  item,
  label,
  notEquals,
  paramColumn,
  paramTable,
  present,
  radio,
  radioItem,
  regex,
  select,
  simpleTable,
  stringLength,
  tableRowCount,
  text,
} from '../../src/toolchain/fields';
import type { Field } from '../../src/toolchain/fields';

const base = [
  select('action', { items: [item('identify', 'Identify'), item('reset', 'Reset')], defaultValue: 'identify' }),
  checkbox('debug', { checkboxText: 'Log' }),
  text('userId', { enablingConditions: [equals('action', 'identify')] }),
] as const;

describe('checkFields', () => {
  it('accepts consistent fields', () => {
    expect(checkFields([...base, group('g', {}, [text('x', { enablingConditions: [equals('debug', true), present('userId')] })])])).toEqual([]);
  });

  it('reports names used twice anywhere in the template, since data is flat', () => {
    const fields = [
      text('userId'),
      group('advanced', {}, [text('userId')]),
      checkbox('c', { checkboxText: 'c', subParams: [text('c')] }),
      radio('r', { items: [radioItem('a', 'A', { subParams: [text('advanced')] })] }),
    ];
    expect(checkFields(fields).map((p) => p.about)).toEqual(['userId', 'c', 'advanced']);
  });

  it('reports duplicate columns within a table but allows a column to share a top-level name', () => {
    const fields = [
      text('key'),
      simpleTable('t', { columns: [column('key', 'Key'), column('key', 'Again')] }),
      paramTable('p', { columns: [paramColumn(text('key')), paramColumn(text('value'))] }),
    ];
    expect(checkFields(fields)).toEqual([{ rule: 'fields', about: 't.key', message: "duplicate field name 'key': data keys are flat, names must be unique" }]);
  });

  it('reports enabling conditions on missing fields, on groups and labels, and on values a field never has', () => {
    const fields: Field[] = [
      ...base,
      label('note', 'Hi'),
      text('a', { enablingConditions: [equals('acton', 'identify')] }),
      text('b', { enablingConditions: [equals('note', 'x')] }),
      text('c', { enablingConditions: [equals('action', 'idenitfy')] }),
      text('d', { enablingConditions: [notEquals('debug', 'true')] }),
    ];
    expect(checkFields(fields)).toEqual([
      { rule: 'fields', about: 'a', message: "enabling condition refers to 'acton', which is not a field" },
      { rule: 'fields', about: 'b', message: "enabling condition refers to LABEL 'note', which has no value" },
      { rule: 'fields', about: 'c', message: `'action' never equals "idenitfy" (its values: "identify", "reset")` },
      { rule: 'fields', about: 'd', message: `checkbox 'debug' is compared with "true"; use true or false` },
    ]);
  });

  it('accepts any value against a select that allows variables', () => {
    expect(checkFields([select('v', { items: [item('a', 'A')], macrosInSelect: true }), text('t', { enablingConditions: [equals('v', '{{x}}')] })])).toEqual([]);
  });

  it('checks conditions inside validators and param-table columns against their own scope', () => {
    const fields = [
      ...base,
      text('e', { valueValidators: [regex('[0-9]+', { enablingConditions: [equals('missing', 1)] })] }),
      paramTable('p', {
        columns: [
          paramColumn(select('kind', { items: [item('id', 'Id')], defaultValue: 'id' })),
          paramColumn(text('value', { enablingConditions: [equals('kind', 'email')] })),
        ],
      }),
    ];
    expect(checkFields(fields)).toEqual([
      { rule: 'fields', about: 'e', message: "enabling condition refers to 'missing', which is not a field" },
      { rule: 'fields', about: 'p.value', message: `'kind' never equals "email" (its values: "id")` },
    ]);
  });

  it('reports regular expressions that do not compile and bounds that make no sense', () => {
    const fields = [
      text('a', { valueValidators: [regex('([a-z]+')] }),
      text('b', { valueValidators: [stringLength(10, 2)] }),
      text('c', { valueValidators: [tableRowCount(1)] }),
      text('d', { textAsList: true, valueValidators: [tableRowCount(1, 3)] }),
    ];
    expect(checkFields(fields)).toEqual([
      { rule: 'fields', about: 'a', message: 'REGEX pattern "([a-z]+" does not compile' },
      { rule: 'fields', about: 'b', message: 'STRING_LENGTH minimum 10 exceeds maximum 2' },
      { rule: 'fields', about: 'c', message: 'TABLE_ROW_COUNT applies to tables and textAsList TEXT fields only' },
    ]);
  });

  it('reports a default that is not an item and an item value used twice', () => {
    const fields: Field[] = [
      { type: 'SELECT', name: 's', selectItems: [{ value: 'a', displayValue: 'A' }, { value: 'a', displayValue: 'A again' }], defaultValue: 'b' },
    ];
    expect(checkFields(fields)).toEqual([
      { rule: 'fields', about: 's', message: 'item value "a" appears twice' },
      { rule: 'fields', about: 's', message: 'defaultValue "b" is not one of the item values' },
    ]);
  });

  it('reports more fields than GTM allows', () => {
    const many = Array.from({ length: GTM_FIELD_CAP + 1 }, (_, i) => text(`f${i}`));
    expect(checkFields(many)).toEqual([{ rule: 'fields', about: '', message: `${GTM_FIELD_CAP + 1} fields exceed GTM's field cap of ${GTM_FIELD_CAP}` }]);
    expect(checkFields(many, { maxFields: 200 })).toEqual([]);
  });
});

describe('checkFields on shapes GTM never exports', () => {
  // Fields read from a hand-edited .tpl are unchecked JSON: each of these threw a TypeError before.
  const malformed = (json: unknown) => checkFields(json as Field[]);

  it('reports a list key that is not a list, naming the field', () => {
    expect(malformed([{ type: 'SELECT', name: 'mode', selectItems: 3 }])).toEqual([{ rule: 'fields', about: 'mode', message: 'selectItems must be a list, not number 3' }]);
    expect(malformed([{ type: 'GROUP', name: 'g', subParams: { a: 1 } }])).toEqual([{ rule: 'fields', about: 'g', message: 'subParams must be a list, not an object' }]);
  });

  it('reports entries that are not objects, also in nested fields and param-table columns', () => {
    expect(malformed([null, { type: 'RADIO', name: 'r', radioItems: [{ value: 'a', subParams: [7] }] }])).toEqual([
      { rule: 'fields', about: '', message: 'field 1 must be an object, not null' },
      { rule: 'fields', about: 'r', message: 'field 1 must be an object, not number 7' },
    ]);
    expect(malformed([{ type: 'PARAM_TABLE', name: 'p', paramTableColumns: [{ isUnique: true }] }])).toEqual([
      { rule: 'fields', about: 'p', message: 'paramTableColumns: column 1 needs a "param" field object' },
    ]);
    expect(malformed([{ type: 'TEXT', name: 't', valueValidators: [{ type: 'REGEX', args: '.*' }], enablingConditions: ['x'] }])).toEqual([
      { rule: 'fields', about: 't', message: 'valueValidators: validator 1 args must be a list, not string ".*"' },
      { rule: 'fields', about: 't', message: 'enablingConditions: condition 1 must be an object, not string "x"' },
    ]);
  });

  it('reports fields that are not a list at all', () => {
    expect(malformed({ name: 'x' })).toEqual([{ rule: 'fields', about: '', message: 'the fields must be a list, not an object' }]);
  });
});

describe('countFields', () => {
  it('counts nested fields, groups, labels and param-table column fields', () => {
    const fields = [
      group('g', {}, [text('a'), label('l', 'L'), checkbox('c', { checkboxText: 'c', subParams: [text('b')] })]),
      radio('r', { items: [radioItem('x', 'X', { subParams: [text('d')] })] }),
      paramTable('p', { columns: [paramColumn(text('k')), paramColumn(text('v'))] }),
      simpleTable('s', { columns: [column('k', 'K')] }),
    ];
    expect(countFields(fields)).toBe(11);
  });
});
