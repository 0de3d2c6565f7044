import { describe, expect, it } from 'vitest';
import { decodePermissions, encodePermissions } from '../../src/toolchain/permissions/codec';
import { formatJson } from '../../src/toolchain/tpl/json-format';
import { readTemplate } from '../../src/toolchain/tpl/read';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';
import { writeTemplate } from '../../src/toolchain/tpl/write';

const str = (s: string) => ({ type: 1, string: s });
const bool = (b: boolean) => ({ type: 8, boolean: b });
const roundTrip = (json: unknown) => encodePermissions(decodePermissions(JSON.parse(JSON.stringify(json))));

const permission = (publicId: string, param: unknown[], extra: Record<string, unknown> = {}) =>
  ({ instance: { key: { publicId, versionId: '1' }, param }, ...extra });

describe('permission codec round trips', () => {
  it('does not add clientAnnotations to a permission that had none', () => {
    const source = [permission('logging', [{ key: 'environments', value: str('debug') }], { isRequired: true })];
    expect(roundTrip(source)).toEqual(source);
    expect(Object.keys(roundTrip(source)[0])).toEqual(['instance', 'isRequired']);
  });

  it('keeps clientAnnotations as the source wrote them, even on a parameterless permission', () => {
    const source = [permission('read_title', [], { clientAnnotations: { isEditedByUser: false }, isRequired: true })];
    expect(roundTrip(source)).toEqual(source);
  });

  it('does not write isRequired when the source left it out', () => {
    const source = [permission('read_title', [])];
    const decoded = decodePermissions(source);
    expect(decoded[0]).not.toHaveProperty('isRequired');
    expect(Object.keys(encodePermissions(decoded)[0])).toEqual(['instance']);
  });

  it('keeps an explicit isRequired false', () => {
    const source = [permission('read_title', [], { isRequired: false })];
    expect(roundTrip(source)).toEqual(source);
  });

  it('keeps integer-like map keys in their source order, which a JS object would move first', () => {
    const map = { type: 3, mapKey: [str('name'), str('1'), str('0')], mapValue: [str('a'), bool(true), bool(false)] };
    const source = [permission('custom_permission', [{ key: 'settings', value: { type: 2, listItem: [map] } }])];
    const decoded = decodePermissions(source);
    const settings = decoded[0].params.settings as Record<string, unknown>[];
    expect(Object.keys(settings[0])).toEqual(['0', '1', 'name']); // JS's own order…
    expect(roundTrip(source)).toEqual(source); // …but the encoder writes the source's
    expect(JSON.stringify(roundTrip(source))).toBe(JSON.stringify(source));
  });

  it('keeps integer-like parameter keys in source order too', () => {
    const source = [permission('custom_permission', [{ key: 'z', value: str('a') }, { key: '7', value: str('b') }])];
    expect(JSON.stringify(roundTrip(source))).toBe(JSON.stringify(source));
  });

  it('falls back to the object\'s own order once keys are added or removed', () => {
    const map = { type: 3, mapKey: [str('b'), str('1')], mapValue: [str('x'), str('y')] };
    const [decoded] = decodePermissions([permission('custom_permission', [{ key: 'm', value: map }])]);
    const m = decoded.params.m as Record<string, string>;
    m.c = 'z';
    const encoded = encodePermissions([decoded])[0].instance.param[0].value as { mapKey: unknown[] };
    expect(encoded.mapKey).toEqual([str('1'), str('b'), str('c')]);
  });

  it('writes a .tpl whose permissions lack the optional parts back byte for byte in canonical mode', () => {
    const permissions = [
      permission('logging', [{ key: 'environments', value: str('debug') }]),
      permission('read_title', [], { clientAnnotations: { isEditedByUser: true } }),
    ];
    const text = [
      '___INFO___', '', formatJson({ type: 'TAG', id: 'cvt_temp_public_id', version: 1, securityGroups: [], displayName: 'x', description: '', containerContexts: ['WEB'] }), '', '',
      '___TEMPLATE_PARAMETERS___', '', '[]', '', '',
      '___SANDBOXED_JS_FOR_WEB_TEMPLATE___', '', "require('logToConsole')('t');", '', '',
      '___WEB_PERMISSIONS___', '', formatJson(permissions), '', '', '',
    ].join('\n');
    const { model, problems } = readTemplate(text);
    expect(failing(problems)).toEqual([]);
    expect(writeTemplate(model, { keepSource: false })).toBe(text);
  });
});
