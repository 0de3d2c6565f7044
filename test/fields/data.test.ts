// Type-level tests: checked by `tsc --noEmit` (npm test runs it); the runtime part only builds fields.
import { describe, expectTypeOf, it } from 'vitest';
import {
  checkbox,
  column,
  group,
  item,
  label,
  nonEmpty,
  paramColumn,
  paramTable,
  radio,
  radioItem,
  select,
  simpleTable,
  text,
  type DataOf,
  type MacroDataOf,
} from '../../src/toolchain/fields';

const fields = [
  text('userId', { displayName: 'User ID', valueValidators: [nonEmpty()] }),
  checkbox('debug', { checkboxText: 'Log in preview', defaultValue: false }),
  select('action', { displayName: 'Action', items: [item('identify', 'Identify'), item('reset', 'Reset')], defaultValue: 'identify' }),
  select('level', { items: [item(1, 'One'), item(2, 'Two')] }),
  select('vendor', { items: [item('segment', 'Segment')], macrosInSelect: true }),
  simpleTable('traits', {
    displayName: 'Traits',
    columns: [column('key', 'Trait'), column('type', 'Type', { select: [item('text', 'Text'), item('number', 'Number')] }), column('value', 'Value')],
  }),
  radio('hash', { items: [radioItem('none', 'None'), radioItem('sha256', 'SHA-256', { subParams: [text('salt')] })], defaultValue: 'none' }),
  paramTable('mapping', { columns: [paramColumn(text('from')), paramColumn(checkbox('required', { checkboxText: 'Required' }))] }),
  group('advanced', { displayName: 'Advanced', style: 'ZIPPY_CLOSED' }, [
    checkbox('dedupe', { checkboxText: 'Skip repeats', subParams: [text('window')] }),
    label('note', 'Nothing else'),
  ]),
] as const;

type Data = DataOf<typeof fields>;

describe('DataOf derives the type of data from the fields', () => {
  it('maps every value-bearing field, flattening groups, checkbox and radio subParams', () => {
    expectTypeOf<Data>().toEqualTypeOf<{
      userId: unknown;
      debug: boolean;
      action: 'identify' | 'reset';
      level: 1 | 2 | undefined;
      vendor: unknown;
      traits: { key: unknown; type: 'text' | 'number' | ''; value: unknown }[] | undefined;
      hash: 'none' | 'sha256';
      salt: unknown;
      mapping: { from: unknown; required: boolean }[] | undefined;
      dedupe: boolean;
      window: unknown;
      gtmOnSuccess(): void;
      gtmOnFailure(): void;
    }>();
  });

  it('types TEXT values as unknown so they must be normalised before use', () => {
    expectTypeOf<Data['userId']>().toBeUnknown();
  });

  it('gives labels and groups no key of their own', () => {
    expectTypeOf<Data>().not.toHaveProperty('note');
    expectTypeOf<Data>().not.toHaveProperty('advanced');
  });

  it('leaves the completion callbacks out for variable templates', () => {
    expectTypeOf<MacroDataOf<typeof fields>>().not.toHaveProperty('gtmOnSuccess');
    expectTypeOf<MacroDataOf<typeof fields>>().toHaveProperty('userId');
  });

  it('breaks code that reads a field after the field was renamed', () => {
    const renamed = [text('user_id'), checkbox('debug', { checkboxText: 'Log' })] as const;
    const read = (data: DataOf<typeof renamed>) => {
      // @ts-expect-error userId no longer exists: the field is called user_id now
      return data.userId;
    };
    expectTypeOf(read).returns.toBeAny();
  });

  it('rejects a default value that is not one of the items', () => {
    // @ts-expect-error 'idenitfy' is not an item value
    select('action', { items: [item('identify', 'Identify')], defaultValue: 'idenitfy' });
    // @ts-expect-error 3 is not a radio value
    radio('r', { items: [radioItem(1, 'One')], defaultValue: 3 });
  });

  it('widens a select that allows variables', () => {
    expectTypeOf<Data['vendor']>().toBeUnknown();
    expectTypeOf<Data['action']>().toEqualTypeOf<'identify' | 'reset'>();
  });
});
