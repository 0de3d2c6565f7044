import { describe, expect, it } from 'vitest';
import { readTemplate } from '../../src/toolchain/tpl/read';
import { formatTestsYaml } from '../../src/toolchain/tpl/tests-yaml';

/** A .tpl whose ___TESTS___ body starts at line 4. */
const tpl = (tests: Parameters<typeof formatTestsYaml>[0]) => `___INFO___\n\n{}\n___TESTS___\n\n${formatTestsYaml(tests)}\n\n\n`;

/** The .tpl line of a position, as the line's text from that column. */
const textAt = (text: string, at: { line: number; column: number }) => text.split('\n')[at.line - 1].slice(at.column - 1);

describe('positions of test code inside ___TESTS___', () => {
  it('maps lines of a literal block scalar to their .tpl lines at the block indentation', () => {
    const text = tpl({ scenarios: [{ name: 'a', code: 'runCode({});\n\nassertApi(\'x\').wasCalled();' }], setup: 'const m = 1;\nconst n = 2;' });
    const maps = readTemplate(text).positions.testCode();
    expect(textAt(text, maps.scenarios[0]({ line: 3, column: 1 }))).toBe("assertApi('x').wasCalled();");
    expect(textAt(text, maps.setup!({ line: 2, column: 7 }))).toBe('n = 2;');
  });

  it('honours an explicit indentation indicator, which GTM writes when code starts with a space', () => {
    const text = tpl({ scenarios: [{ name: 'a', code: '  runCode({});\nfail();' }] });
    expect(text).toContain('code: |2-');
    const map = readTemplate(text).positions.testCode().scenarios[0];
    expect(textAt(text, map({ line: 1, column: 3 }))).toBe('runCode({});');
    expect(textAt(text, map({ line: 2, column: 1 }))).toBe('fail();');
  });

  it('maps code held in a one-line scalar to the scalar itself', () => {
    const text = tpl({ scenarios: [{ name: 'a', code: 'runCode({}); fail();' }] });
    const map = readTemplate(text).positions.testCode().scenarios[0];
    expect(textAt(text, map({ line: 1, column: 14 }))).toBe('runCode({}); fail();');
  });
});

describe('positions of fields and permissions', () => {
  const text = [
    '___TEMPLATE_PARAMETERS___', '',
    '[', '  {', '    "type": "SIMPLE_TABLE",', '    "name": "traits",', '    "simpleTableColumns": [',
    '      {', '        "name": "key"', '      }', '    ]', '  },', '  {', '    "name": "key"', '  }', ']', '', '',
    '___WEB_PERMISSIONS___', '', '[{"instance": {"key": {"publicId": "logging", "versionId": "1"}}}]', '', '',
  ].join('\n');
  const positions = readTemplate(text).positions;

  it('finds a table column after its table, and the last definition when asked', () => {
    expect(positions.field('traits.key')).toEqual({ line: 9, column: 9 });
    expect(positions.field('key')).toEqual({ line: 9, column: 9 });
    expect(positions.field('key', true)).toEqual({ line: 14, column: 5 });
  });

  it('falls back to the section start for unknown names', () => {
    expect(positions.field('nothing')).toEqual({ line: 3, column: 1 });
    expect(positions.permission('WEB_PERMISSIONS', 'read_title')).toEqual({ line: 21, column: 1 });
    expect(positions.permission('WEB_PERMISSIONS', 'logging')).toEqual({ line: 21, column: 24 });
  });
});
