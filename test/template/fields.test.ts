// The template's fields as a marketer meets them in GTM: GTM checks validators against the raw
// text of a field, so a {{variable}} must pass every one; required fields say what to enter;
// each vendor's options show only while that vendor (and, for keys, "Load …") is ticked.
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/template/fields';
import { DESTINATION_OPTIONS, destinations, optionField, sendField } from '../../src/template/destinations';
import { VENDOR_IDS } from '../../src/core/index';
import type { Field, ValueValidator } from '../../src/toolchain/fields';

interface Checked { name: string; validators: readonly ValueValidator[] }

function allFields(list: readonly Field[] = FIELDS): Field[] {
  return list.flatMap((field) => [field, ...allFields(field.subParams ?? [])]);
}

/** Every validated text: TEXT fields and SIMPLE_TABLE text columns. */
function validated(): Checked[] {
  return allFields().flatMap((field): Checked[] => [
    ...(field.type === 'TEXT' ? [{ name: field.name, validators: field.valueValidators ?? [] }] : []),
    ...(field.simpleTableColumns ?? [])
      .filter((column) => column.type === 'TEXT')
      .map((column) => ({ name: field.name + '.' + column.name, validators: column.valueValidators ?? [] })),
  ]);
}

const byName = new Map(validated().map((f) => [f.name, f]));
const passes = (name: string, value: string) =>
  (byName.get(name)?.validators ?? expect.unreachable(name)).every((v) => v.type !== 'REGEX' || new RegExp(String(v.args?.[0])).test(value));

describe('the template fields', () => {
  it('let a {{variable}} reference through every validator, and use no number validator that would refuse one', () => {
    for (const field of validated()) {
      for (const v of field.validators) {
        expect(['NON_EMPTY', 'REGEX'], field.name).toContain(v.type);
        if (v.type === 'REGEX') expect(new RegExp(String(v.args?.[0])).test('{{Const - Segment write key}}'), field.name).toBe(true);
      }
    }
  });

  it('accept real keys, ids and waits, and refuse what the tag could not use', () => {
    expect(passes('segmentWriteKey', 'a1B2c3_D4-e5')).toBe(true);
    expect(passes('segmentWriteKey', 'a1B2 c3D4')).toBe(false);
    expect(passes('gistAppId', 'ab12cd34')).toBe(true);
    expect(passes('antsomiPortalId', '33167')).toBe(true);
    expect(passes('antsomiPropertyId', '5563a')).toBe(false);
    expect(passes('connectoWaitMs', '5000')).toBe(true);
    expect(passes('connectoWaitMs', '-1')).toBe(false);
    expect(passes('gistWaitMs', '2.5')).toBe(false);
    expect(passes('traitRows.key', 'first_name')).toBe(true);
    expect(passes('traitRows.key', 'plan, tier')).toBe(false);
    expect(passes('tagRows.name', ' brand')).toBe(false);
  });

  it('say what to enter whenever a value is required or refused', () => {
    for (const field of validated()) {
      for (const v of field.validators) expect(v.errorMessage, field.name + ' ' + v.type).toMatch(/\S/);
    }
  });

  it('show a checkbox’s options only while it is ticked, so vendor keys appear only for ticked vendors that load their script', () => {
    const nested = allFields().filter((field) => field.type === 'CHECKBOX' && field.subParams);
    expect(nested.map((field) => field.name)).toEqual(expect.arrayContaining(['sendSegment', 'segmentLoadScript', 'sendAntsomi', 'antsomiLoadScript']));
    for (const parent of nested) {
      for (const child of parent.subParams ?? []) {
        expect(child.enablingConditions, parent.name + ' > ' + child.name).toEqual([{ paramName: parent.name, paramValue: true, type: 'EQUALS' }]);
      }
    }
    const segment = allFields().find((field) => field.name === 'segmentLoadScript');
    expect(segment?.subParams?.map((field) => field.name)).toEqual(['segmentWriteKey']);
  });

  it('explain every field a marketer fills in', () => {
    const unexplained = allFields()
      .filter((field) => ['TEXT', 'SELECT', 'CHECKBOX', 'SIMPLE_TABLE'].includes(field.type) && !field.help?.trim())
      .map((field) => field.name);
    expect(unexplained).toEqual([]);
  });
});

describe('the destination fields the code reads', () => {
  const names = new Set(allFields().map((field) => field.name));

  it('exist for every vendor: its send box and each of its options', () => {
    for (const vendor of VENDOR_IDS) {
      expect(names.has(sendField(vendor)), sendField(vendor)).toBe(true);
      for (const option of DESTINATION_OPTIONS[vendor]) expect(names.has(optionField(vendor, option)), optionField(vendor, option)).toBe(true);
    }
  });

  it('reach each vendor as exactly its options, each from its own field', () => {
    const data = Object.fromEntries([...names].map((name) => [name, name.startsWith('send') ? true : 'value of ' + name]));
    const sent = destinations(data);
    expect(sent.map((d) => d.vendor)).toEqual(VENDOR_IDS);
    for (const d of sent) {
      expect(d.options).toEqual(Object.fromEntries(DESTINATION_OPTIONS[d.vendor].map((option) => [option, 'value of ' + optionField(d.vendor, option)])));
    }
  });

  it('cover every vendor option field, so none is shown to a marketer and then ignored', () => {
    const read = new Set(VENDOR_IDS.flatMap((vendor) => DESTINATION_OPTIONS[vendor].map((option) => optionField(vendor, option))));
    const vendorFields = [...names].filter((name) => VENDOR_IDS.some((vendor) => name.startsWith(vendor)));
    expect(vendorFields.filter((name) => !read.has(name))).toEqual([]);
  });
});
