import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';
import { readTemplate, type ReadResult } from '../../src/toolchain/tpl/read';
import { renderTemplate } from '../../src/toolchain/tpl/write';
import { fixture, lineOf } from './fixtures';

const tag = fixture('identify-tag.tpl');

/** The errors of a read, as line, column and message. */
const errorsIn = (read: ReadResult) => failing(read.problems).map(({ line, column, message }) => ({ line: line!, column: column!, message }));
const warningsIn = (read: ReadResult) => read.problems.filter((p) => p.severity === 'warning').map(({ line, column, message }) => ({ line: line!, column: column!, message }));

function errorsOf(text: string) {
  return errorsIn(readTemplate(text));
}

describe('readTemplate model', () => {
  it('reads info, fields, code, tests and notes of a tag', () => {
    const { model } = readTemplate(tag);
    expect(model.info).toMatchObject({ type: 'TAG', displayName: 'Identify & Reset', description: expect.stringContaining('<user id, traits>') });
    expect(Object.keys(model.info)).toEqual(['type', 'id', 'version', 'securityGroups', 'displayName', 'categories', 'brand', 'description', 'containerContexts']);
    expect(model.parameters.map((p) => p.name)).toEqual(['userId', 'action', 'traits', 'advanced']);
    expect(model.code.startsWith("const callInWindow = require('callInWindow');")).toBe(true);
    expect(model.codeSection).toBe('web');
    expect(model.tests?.scenarios.map((s) => s.name)).toContain('[reset] Reset calls analytics.reset and never analytics.identify, even when a user id is set');
    expect(model.tests?.scenarios[4].code).toBe(
      "runCode(mockData);  \nassertApi('gtmOnSuccess').wasCalled();\nassertThat(calls).isEqualTo(['analytics.identify', 'analytics.identify']);",
    );
    expect(model.notes).toBe('Created on 01/02/2025, 10:11:12');
  });

  it('decodes permissions into plain values with the codec', () => {
    const { model } = readTemplate(tag);
    expect(model.permissions).toEqual([
      {
        publicId: 'access_globals',
        versionId: '1',
        params: {
          keys: [
            { key: 'analytics.identify', read: false, write: false, execute: true },
            { key: 'analytics.reset', read: false, write: false, execute: true },
          ],
        },
        clientAnnotations: { isEditedByUser: true },
        isRequired: true,
      },
      { publicId: 'logging', versionId: '1', params: { environments: 'debug' }, clientAnnotations: { isEditedByUser: true }, isRequired: true },
    ]);
  });

  it('reads server code and ___SERVER_PERMISSIONS___ for server templates', () => {
    const read = readTemplate(fixture('server-variable.tpl'));
    const model = read.model;
    expect(errorsIn(read)).toEqual([]);
    expect(model.codeSection).toBe('server');
    expect(model.permissions.map((p) => p.publicId)).toEqual(['read_event_data']);
    expect(model.tests).toEqual({ scenarios: [expect.objectContaining({ name: 'Reads user_id' })], setup: '' });
  });

  it('gives no permissions when the section is absent', () => {
    expect(readTemplate(fixture('trait-variable.tpl')).model.permissions).toEqual([]);
  });
});

describe('readTemplate errors carry .tpl line numbers', () => {
  it('points at a missing comma in ___INFO___', () => {
    const broken = tag.replace('"version": 1,', '"version": 1');
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, '"securityGroups": []'), column: 3, message: "___INFO___: expected ',' or '}' after a property value but found '\"'" },
    ]);
  });

  it('points at a trailing comma in ___INFO___, which is read strictly', () => {
    const broken = tag.replace('"WEB"\n', '"WEB",\n');
    const line = lineOf(broken, '"WEB",') + 1;
    expect(errorsOf(broken)).toEqual([{ line, column: 3, message: "___INFO___: trailing comma before ']'" }]);
  });

  it('points at an unterminated string in ___WEB_PERMISSIONS___', () => {
    const broken = tag.replace('"string": "analytics.reset"', '"string": "analytics.reset');
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, '"string": "analytics.reset'), column: 31, message: '___WEB_PERMISSIONS___: unterminated string' },
    ]);
  });

  it('points at broken YAML in ___TESTS___', () => {
    const broken = tag.replace('  code: runCode(mockData);', '  code: [runCode(mockData);');
    // the yaml library notices the unclosed flow sequence where the next line starts
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, 'code: [runCode') + 1, column: 1, message: expect.stringMatching(/^___TESTS___: Flow sequence in block collection/) },
    ]);
  });

  it('points at a scenario without code', () => {
    const broken = tag.replace("  code: runCode(mockData);\n", '');
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, '- name: A scenario with a very long name'), column: 3, message: '___TESTS___: each scenario needs a `name` and a `code` string' },
    ]);
  });

  it('reports each missing required section', () => {
    const text = '___NOTES___\n\nnothing else\n\n\n';
    expect(errorsOf(text).map((e) => e.message)).toEqual([
      'missing section ___SANDBOXED_JS_FOR_WEB_TEMPLATE___ (or ___SANDBOXED_JS_FOR_SERVER___)',
      'missing section ___INFO___',
      'missing section ___TEMPLATE_PARAMETERS___',
    ]);
  });

  it('reports a duplicate section at its marker line', () => {
    const broken = tag + '___NOTES___\n\nagain\n\n\n';
    const line = broken.split('\n').lastIndexOf('___NOTES___') + 1;
    expect(errorsOf(broken)).toEqual([{ line, column: 1, message: `duplicate section ___NOTES___ (first at line ${lineOf(tag, '___NOTES___')}); this one is ignored` }]);
    expect(readTemplate(broken).model.notes).toBe('Created on 01/02/2025, 10:11:12');
  });

  it('reports ___INFO___ that is not an object and fields that are not a list', () => {
    const broken = tag.replace(/___INFO___\n\n\{[\s\S]*?\n\}\n/, '___INFO___\n\n[]\n').replace(/___TEMPLATE_PARAMETERS___\n\n\[[\s\S]*?\n\]\n/, '___TEMPLATE_PARAMETERS___\n\n{}\n');
    expect(errorsOf(broken).map((e) => [e.line, e.message])).toEqual([
      [lineOf(broken, '___INFO___') + 2, '___INFO___ must be a JSON object'],
      [lineOf(broken, '___TEMPLATE_PARAMETERS___') + 2, '___TEMPLATE_PARAMETERS___ must be a JSON array'],
    ]);
  });

  it('reports permissions the codec cannot decode instead of throwing', () => {
    const broken = tag.replace('"type": 8,', '"type": 99,');
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, '___WEB_PERMISSIONS___') + 2, column: 1, message: '___WEB_PERMISSIONS___ cannot be read: unknown permission value type 99' },
    ]);
  });

  it('gives one message for an empty file or text without any section, instead of listing every section', () => {
    expect(errorsOf('\uFEFF \r\n').map((e) => e.message)).toEqual([expect.stringMatching(/^the file is empty /)]);
    expect(errorsOf('hello\nworld\n').map((e) => [e.line, e.message])).toEqual([[1, expect.stringMatching(/^no ___SECTION___ marker lines: this is not a GTM template export /)]]);
  });

  it('says which permission entry is not shaped as GTM writes one, instead of a TypeError', () => {
    const broken = tag.replace(/___WEB_PERMISSIONS___\n\n\[[\s\S]*?\n\]\n/, '___WEB_PERMISSIONS___\n\n[{}]\n');
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, '___WEB_PERMISSIONS___') + 2, column: 1, message: '___WEB_PERMISSIONS___ cannot be read: entry 1 has no "instance": {"key": {"publicId": …}} (a GTM permission entry)' },
    ]);
  });

  it('reports a field entry that is not a JSON object', () => {
    const broken = tag.replace(/___TEMPLATE_PARAMETERS___\n\n\[[\s\S]*?\n\]\n/, '___TEMPLATE_PARAMETERS___\n\n[\n  1\n]\n');
    expect(errorsOf(broken)).toEqual([
      { line: lineOf(broken, '___TEMPLATE_PARAMETERS___') + 2, column: 1, message: '___TEMPLATE_PARAMETERS___ entry 1 must be a JSON object (a field)' },
    ]);
  });

  it('never throws on text that is not a template, and places every error it reports on a line', () => {
    for (const text of ['', 'hello', '___INFO___', '___INFO___\n\n{', '\uFEFF\r\n', '___TESTS___\n\n: : :\n']) {
      const errors = errorsOf(text);
      expect(errors, JSON.stringify(text)).not.toEqual([]);
      // "found the end of the text" may sit just past a last line without a newline
      const lines = text.split('\n').length + 1;
      for (const error of errors) {
        expect(error.line, error.message).toBeGreaterThanOrEqual(1);
        expect(error.line, error.message).toBeLessThanOrEqual(lines);
        expect(error.message).not.toMatch(/^\s*$|\n\s+at /);
      }
    }
  });
});

describe('readTemplate reads fields and permissions as leniently as GTM imports them', () => {
  const lenient = readFileSync('test/fixtures/cli/lenient-json.tpl', 'utf8');
  const strict = readFileSync('test/fixtures/cli/passing-tag.tpl', 'utf8');

  it('accepts trailing commas and unquoted property names there, with the same model as strict JSON and a warning per spot', () => {
    const read = readTemplate(lenient);
    expect(errorsIn(read)).toEqual([]);
    expect(read.model.parameters).toEqual(readTemplate(strict).model.parameters);
    expect(read.model.permissions).toEqual(readTemplate(strict).model.permissions);
    const lines = lenient.split('\n');
    expect(warningsIn(read).map((w) => [lines[w.line - 1].slice(w.column - 1).trim(), w.message])).toEqual([
      ['type: "TEXT",', '___TEMPLATE_PARAMETERS___: property name type without double quotes (GTM imports it; strict JSON does not allow it)'],
      [',', "___TEMPLATE_PARAMETERS___: trailing comma before '}' (GTM imports it; strict JSON does not allow it)"],
      [',', "___TEMPLATE_PARAMETERS___: trailing comma before ']' (GTM imports it; strict JSON does not allow it)"],
      [',', "___WEB_PERMISSIONS___: trailing comma before ']' (GTM imports it; strict JSON does not allow it)"],
    ]);
  });

  it('keeps ___INFO___ strict and anything else broken an error', () => {
    expect(errorsOf(lenient.replace('"version": 1,', 'version: 1,'))[0].message).toBe("___INFO___: expected a property name in double quotes but found 'v'");
    expect(errorsOf(lenient.replace('"simpleValueType": true,', "'simpleValueType': true,"))[0].message)
      .toBe("___TEMPLATE_PARAMETERS___: expected a property name in double quotes but found '''");
  });

  it('writes the leniently read sections back as strict JSON in the canonical form', () => {
    const written = renderTemplate(readTemplate(lenient).model, { keepSource: false }).text;
    const read = readTemplate(written);
    expect(errorsIn(read)).toEqual([]);
    expect(warningsIn(read)).toEqual([]);
    expect(renderTemplate(readTemplate(lenient).model).text).toBe(lenient); // a round trip keeps the bytes
  });
});

describe('readTemplate reports every problem as a diagnostic', () => {
  it('errors have the rule format, lenient spots are warnings of the rule lenient-json, and each carries the file when given', () => {
    const lenient = readFileSync('test/fixtures/cli/lenient-json.tpl', 'utf8');
    const broken = lenient.replace('"version": 1,', 'version: 1,');
    const { problems } = readTemplate(broken, 'x.tpl');
    expect(problems.map((p) => [p.file, p.rule, p.severity ?? 'error'])).toEqual([
      ['x.tpl', 'format', 'error'],
      ...Array.from({ length: 4 }, () => ['x.tpl', 'lenient-json', 'warning']),
    ]);
    expect(readTemplate(broken).problems.every((p) => p.file === undefined)).toBe(true);
  });
});
