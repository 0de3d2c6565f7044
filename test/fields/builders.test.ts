import { describe, expect, it } from 'vitest';
import {
  checkbox,
  column,
  equals,
  group,
  item,
  label,
  nonEmpty,
  nonNegativeNumber,
  notEquals,
  paramColumn,
  paramTable,
  positiveNumber,
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
import { formatJson } from '../../src/toolchain/tpl/json-format';
import { parseTpl } from '../../src/toolchain/tpl/parse';
import { fixture } from '../tpl/fixtures';

describe('field builders write GTM parameter JSON', () => {
  it('reproduce the parameters of a GTM-shaped export byte for byte', () => {
    const fields = [
      text('userId', {
        displayName: 'User ID',
        help: 'Use a variable such as <code>{{DLV - user_id}}</code>; see <a href="https://example.com/docs?a=1&b=2">the docs</a>.',
        valueValidators: [nonEmpty()],
        alwaysInSummary: true,
      }),
      select('action', { displayName: 'Action', items: [item('identify', 'Identify'), item('reset', 'Reset')], defaultValue: 'identify' }),
      simpleTable('traits', {
        displayName: 'Traits',
        columns: [column('key', 'Trait', { isUnique: true }), column('value', 'Value')],
        newRowButtonText: 'Add trait',
        enablingConditions: [equals('action', 'identify')],
      }),
      group('advanced', { displayName: 'Advanced', style: 'ZIPPY_CLOSED' }, [
        text('retries', {
          displayName: 'Retries',
          defaultValue: '3',
          valueValidators: [nonNegativeNumber(), regex('^[0-9]{1,2}$', { errorMessage: 'Use 0–99 = at most two digits' })],
        }),
        checkbox('debug', { checkboxText: 'Log to the console in preview', defaultValue: false }),
      ]),
    ] as const;
    const exported = parseTpl(fixture('identify-tag.tpl')).sections.find((s) => s.name === 'TEMPLATE_PARAMETERS')!.body;
    expect(formatJson(fields)).toBe(exported);
  });

  it('TEXT carries simpleValueType and its options in GTM key order, leaving unset options out', () => {
    const field = text('note', {
      displayName: 'Note',
      lineCount: 3,
      textAsList: true,
      help: 'h',
      valueHint: 'v',
      canBeEmptyString: true,
      defaultValue: 'd',
      valueValidators: [tableRowCount(1, 5)],
      alwaysInSummary: true,
      notSetText: 'none',
      valueUnit: 'px',
      clearOnCopy: true,
      enablingConditions: [present('other')],
    });
    expect(Object.keys(field)).toEqual([
      'type', 'name', 'displayName', 'simpleValueType', 'lineCount', 'textAsList', 'help', 'valueHint', 'canBeEmptyString',
      'defaultValue', 'valueValidators', 'alwaysInSummary', 'notSetText', 'valueUnit', 'clearOnCopy', 'enablingConditions',
    ]);
    expect(text('bare')).toEqual({ type: 'TEXT', name: 'bare', simpleValueType: true });
  });

  it('SELECT always states macrosInSelect and copies its items', () => {
    const items = [item(1, 'One'), item(true, 'Yes')] as const;
    const field = select('pick', { items, notSetText: 'Choose…' });
    expect(field).toEqual({
      type: 'SELECT',
      name: 'pick',
      macrosInSelect: false,
      selectItems: [{ value: 1, displayValue: 'One' }, { value: true, displayValue: 'Yes' }],
      simpleValueType: true,
      notSetText: 'Choose…',
    });
    expect(field.selectItems).not.toBe(items);
    expect(select('v', { items, macrosInSelect: true }).macrosInSelect).toBe(true);
  });

  it('RADIO items hold help and nested fields', () => {
    expect(
      radio('hash', {
        displayName: 'Hashing',
        items: [radioItem('none', 'None'), radioItem('sha256', 'SHA-256', { help: 'hex', subParams: [text('salt')] })],
        defaultValue: 'none',
      }),
    ).toEqual({
      type: 'RADIO',
      name: 'hash',
      displayName: 'Hashing',
      radioItems: [
        { value: 'none', displayValue: 'None' },
        { value: 'sha256', displayValue: 'SHA-256', help: 'hex', subParams: [{ type: 'TEXT', name: 'salt', simpleValueType: true }] },
      ],
      simpleValueType: true,
      defaultValue: 'none',
    });
  });

  it('CHECKBOX puts nested fields last', () => {
    const field = checkbox('dedupe', { checkboxText: 'Skip repeats', help: 'h', defaultValue: true, enablingConditions: [notEquals('action', 'reset')], subParams: [text('window')] });
    expect(Object.keys(field)).toEqual(['type', 'name', 'checkboxText', 'simpleValueType', 'help', 'defaultValue', 'enablingConditions', 'subParams']);
  });

  it('SIMPLE_TABLE columns default to "" and become SELECT columns when given items', () => {
    const field = simpleTable('traits', {
      columns: [column('key', 'Trait', { valueHint: 'plan', valueValidators: [nonEmpty()] }), column('type', 'Type', { select: [item('text', 'Text')], defaultValue: 'text' })],
      valueValidators: [tableRowCount(0, 50)],
    });
    expect(field.simpleTableColumns).toEqual([
      { defaultValue: '', displayName: 'Trait', name: 'key', type: 'TEXT', valueHint: 'plan', valueValidators: [{ type: 'NON_EMPTY' }] },
      { defaultValue: 'text', displayName: 'Type', name: 'type', type: 'SELECT', selectItems: [{ value: 'text', displayValue: 'Text' }] },
    ]);
    expect(field.valueValidators).toEqual([{ type: 'TABLE_ROW_COUNT', args: [0, 50] }]);
  });

  it('PARAM_TABLE columns wrap full fields with isUnique', () => {
    const field = paramTable('mapping', {
      displayName: 'Mapping',
      columns: [paramColumn(text('from'), { isUnique: true }), paramColumn(text('to'))],
      newRowButtonText: 'Add',
      newRowTitle: 'New',
      editRowTitle: 'Edit',
    });
    expect(field).toEqual({
      type: 'PARAM_TABLE',
      name: 'mapping',
      displayName: 'Mapping',
      paramTableColumns: [
        { param: { type: 'TEXT', name: 'from', simpleValueType: true }, isUnique: true },
        { param: { type: 'TEXT', name: 'to', simpleValueType: true }, isUnique: false },
      ],
      newRowButtonText: 'Add',
      newRowTitle: 'New',
      editRowTitle: 'Edit',
    });
  });

  it('GROUP defaults to NO_ZIPPY and LABEL has only a text', () => {
    expect(group('g', {}, [label('l', 'Read <b>this</b>')])).toEqual({
      type: 'GROUP',
      name: 'g',
      groupStyle: 'NO_ZIPPY',
      subParams: [{ type: 'LABEL', name: 'l', displayName: 'Read <b>this</b>' }],
    });
  });

  it('validators and conditions use GTM key order', () => {
    expect(regex('[a-z]+', { errorMessage: 'lower case', enablingConditions: [equals('strict', true)] })).toEqual({
      type: 'REGEX',
      args: ['[a-z]+'],
      errorMessage: 'lower case',
      enablingConditions: [{ paramName: 'strict', paramValue: true, type: 'EQUALS' }],
    });
    expect(Object.keys(regex('x', { errorMessage: 'm', enablingConditions: [] }))).toEqual(['type', 'args', 'errorMessage', 'enablingConditions']);
    expect(Object.keys(equals('a', 1))).toEqual(['paramName', 'paramValue', 'type']);
    expect([stringLength(1, 64), positiveNumber(), tableRowCount(1)]).toEqual([
      { type: 'STRING_LENGTH', args: [1, 64] },
      { type: 'POSITIVE_NUMBER' },
      { type: 'TABLE_ROW_COUNT', args: [1] },
    ]);
    expect(present('x')).toEqual({ paramName: 'x', paramValue: '', type: 'PRESENT' });
  });

  it('never writes the type-only data marker into the JSON', () => {
    const field = text('userId');
    expect(Object.getOwnPropertySymbols(field)).toEqual([]);
    expect(JSON.parse(formatJson(field))).toEqual(field);
  });
});
