import { describe, expect, it } from 'vitest';
import { GALLERY_TERMS_OF_SERVICE } from '../../src/toolchain/tpl';
import type { TemplateModel } from '../../src/toolchain/tpl/model';
import { parseTpl } from '../../src/toolchain/tpl/parse';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';
import { readTemplate } from '../../src/toolchain/tpl/read';
import { renderTemplate, writeTemplate } from '../../src/toolchain/tpl/write';
import { fixture } from './fixtures';

function minimal(overrides: Partial<TemplateModel> = {}): TemplateModel {
  return {
    info: { type: 'MACRO', id: 'cvt_temp_public_id', version: 1, securityGroups: [], displayName: 'X', description: '', containerContexts: ['WEB'] },
    parameters: [],
    code: 'return 1;',
    codeSection: 'web',
    permissions: [],
    bom: false,
    ...overrides,
  };
}

const markers = (text: string) => text.split('\n').filter((l) => /^___[A-Z_]+___$/.test(l));

describe('writeTemplate framing', () => {
  it('frames every section as marker, blank line, body, two blank lines, and ends the file with \\n\\n\\n', () => {
    const text = writeTemplate(minimal({ notes: 'Created on today' }));
    expect(text.startsWith('___INFO___\n\n{\n')).toBe(true);
    expect(text).toContain('\n}\n\n\n___TEMPLATE_PARAMETERS___\n\n[]\n\n\n___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n\nreturn 1;\n\n\n___NOTES___\n\nCreated on today\n\n\n');
    expect(text.endsWith('Created on today\n\n\n')).toBe(true);
  });

  it('writes sections in the modern export order', () => {
    const model = readTemplate(fixture('consent-vendor.tpl')).model;
    expect(markers(writeTemplate({ ...model, source: undefined }))).toEqual([
      '___TERMS_OF_SERVICE___',
      '___INFO___',
      '___VENDOR_DETAILS___',
      '___TEMPLATE_PARAMETERS___',
      '___SANDBOXED_JS_FOR_WEB_TEMPLATE___',
      '___WEB_PERMISSIONS___',
      '___TESTS___',
      '___NOTES___',
    ]);
  });

  it('omits the permissions section when there are no permissions', () => {
    expect(markers(writeTemplate(minimal({ tests: { scenarios: [] } })))).toEqual([
      '___INFO___',
      '___TEMPLATE_PARAMETERS___',
      '___SANDBOXED_JS_FOR_WEB_TEMPLATE___',
      '___TESTS___',
    ]);
  });

  it('writes server code and permissions under the server markers', () => {
    const permissions = [{ publicId: 'read_event_data', versionId: '1', params: { eventDataAccess: 'any' }, isRequired: true }];
    expect(markers(writeTemplate(minimal({ codeSection: 'server', permissions })))).toEqual([
      '___INFO___',
      '___TEMPLATE_PARAMETERS___',
      '___SANDBOXED_JS_FOR_SERVER___',
      '___SERVER_PERMISSIONS___',
    ]);
  });

  it('prefixes a BOM and converts line endings when the model asks for them', () => {
    const text = writeTemplate(minimal({ bom: true, lineEnding: '\r\n' }));
    expect(text.startsWith('\uFEFF___INFO___\r\n\r\n{\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes the gallery terms exactly as GTM exports carry them', () => {
    const fromExport = parseTpl(fixture('identify-tag.tpl')).sections.find((s) => s.name === 'TERMS_OF_SERVICE')!.body;
    expect(GALLERY_TERMS_OF_SERVICE).toBe(fromExport);
    expect(GALLERY_TERMS_OF_SERVICE.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('writes unknown sections back after the section they followed', () => {
    const text = writeTemplate(minimal());
    const withExtra = text.replace('___TEMPLATE_PARAMETERS___', '___FUTURE___\n\nsomething\n\n\n___TEMPLATE_PARAMETERS___');
    const { model, problems } = readTemplate(withExtra);
    expect(failing(problems)).toEqual([]);
    expect(model.extraSections).toEqual([{ name: 'FUTURE', body: 'something', after: 'INFO' }]);
    expect(writeTemplate({ ...model, source: undefined })).toBe(withExtra);
  });

  it('keeps a preamble before the first marker', () => {
    const text = '// Copyright Example\n\n' + writeTemplate(minimal());
    expect(writeTemplate(readTemplate(text).model)).toBe(text);
  });
});

describe('writeTemplate keeps source text only while its value is unchanged', () => {
  const handEdited = fixture('identify-tag.tpl').replace('"categories": [\n    "ANALYTICS",\n    "PERSONALIZATION"\n  ],', '"categories": ["ANALYTICS", "PERSONALIZATION"],');

  it('reuses a hand-formatted section whose value is unchanged and says so', () => {
    const result = renderTemplate(readTemplate(handEdited).model);
    expect(result.text).toBe(handEdited);
    expect(result.keptText).toEqual(['INFO']);
  });

  it('rewrites the section in GTM format once its value changes', () => {
    const { model } = readTemplate(handEdited);
    model.info.displayName = 'Renamed';
    const text = writeTemplate(model);
    expect(text).toContain('"categories": [\n    "ANALYTICS",\n    "PERSONALIZATION"\n  ],');
    expect(text).toContain('"displayName": "Renamed",');
  });

  it('treats a change of key order as a change', () => {
    const { model } = readTemplate(handEdited);
    const { type, ...rest } = model.info;
    model.info = { ...rest, type };
    expect(renderTemplate(model).keptText).toEqual([]);
  });

  it('writes canonical GTM format for every section when asked to', () => {
    expect(writeTemplate(readTemplate(handEdited).model, { keepSource: false })).toBe(fixture('identify-tag.tpl'));
  });

  it('keeps an older section order and irregular framing, and drops both in canonical mode', () => {
    const modern = fixture('consent-vendor.tpl');
    const sections = parseTpl(modern).sections;
    const body = (name: string) => sections.find((s) => s.name === name)!.body;
    const frame = (name: string) => `___${name}___\n\n${body(name)}\n\n\n`;
    const old =
      frame('TERMS_OF_SERVICE') + frame('INFO') + frame('VENDOR_DETAILS') + frame('TEMPLATE_PARAMETERS') +
      frame('WEB_PERMISSIONS') + frame('SANDBOXED_JS_FOR_WEB_TEMPLATE') + frame('TESTS') + `___NOTES___\n\n${body('NOTES')}\n`;
    const result = renderTemplate(readTemplate(old).model);
    expect(result).toMatchObject({ text: old, keptOrder: true, keptFraming: ['NOTES'] });
    expect(writeTemplate(readTemplate(old).model, { keepSource: false })).toBe(modern);
  });

  it('keeps an explicitly empty permissions section a source had, and omits it in canonical mode', () => {
    const base = writeTemplate(minimal());
    const text = base + '___WEB_PERMISSIONS___\n\n[]\n\n\n';
    expect(writeTemplate(readTemplate(text).model)).toBe(text);
    expect(writeTemplate(readTemplate(text).model, { keepSource: false })).toBe(base);
  });

  it('never glues a following section to a kept tail that lacks a line break', () => {
    const text = writeTemplate(minimal()) + '___NOTES___\n\nchangelog';
    const { model } = readTemplate(text);
    expect(writeTemplate(model)).toBe(text);
    model.extraSections = [{ name: 'LATER', body: 'x', after: 'NOTES' }];
    expect(writeTemplate(model).endsWith('___NOTES___\n\nchangelog\n\n\n___LATER___\n\nx\n\n\n')).toBe(true);
  });
});
