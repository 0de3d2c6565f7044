import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatTestsYaml, parseTestsYaml as parseWithLocations } from '../../src/toolchain/tpl/tests-yaml';

/** The tests and errors of a read (test code locations are tested in positions.test.ts). */
const parseTestsYaml = (body: string) => {
  const { code: _code, ...read } = parseWithLocations(body);
  return read;
};

const one = (name: string, code: string) => formatTestsYaml({ scenarios: [{ name, code }] });

describe('___TESTS___ YAML as GTM writes it', () => {
  it('writes `scenarios: []` when there are no scenarios and omits an absent setup', () => {
    expect(formatTestsYaml({ scenarios: [] })).toBe('scenarios: []');
  });

  it("writes an empty setup as ''", () => {
    expect(formatTestsYaml({ scenarios: [], setup: '' })).toBe("scenarios: []\nsetup: ''");
  });

  it('writes multi-line code as a literal block with strip chomping', () => {
    expect(one('Runs', 'runCode(mockData);\nassertApi("gtmOnSuccess").wasCalled();')).toBe(
      'scenarios:\n- name: Runs\n  code: |-\n    runCode(mockData);\n    assertApi("gtmOnSuccess").wasCalled();',
    );
  });

  it('writes code ending in one line break with clip chomping and in two with keep chomping', () => {
    expect(one('A', 'a();\nb();\n')).toBe('scenarios:\n- name: A\n  code: |\n    a();\n    b();');
    expect(one('A', 'a();\nb();\n\n')).toBe('scenarios:\n- name: A\n  code: |+\n    a();\n    b();\n');
  });

  it('adds an indentation digit when the code starts with a blank line or a space', () => {
    expect(one('A', '\na();\nb();')).toBe('scenarios:\n- name: A\n  code: |2-\n\n    a();\n    b();');
    expect(one('A', '  a();\nb();')).toBe('scenarios:\n- name: A\n  code: |2-\n      a();\n    b();');
  });

  it('keeps blank lines inside a literal block unindented', () => {
    expect(one('A', 'a();\n\nb();')).toBe('scenarios:\n- name: A\n  code: |-\n    a();\n\n    b();');
  });

  it('switches to a folded double-quoted string when a line ends in a space', () => {
    const code = "runCode(mockData);  \nassertApi('gtmOnSuccess').wasCalled();\nassertThat(calls).isEqualTo(['analytics.identify', 'analytics.identify']);";
    expect(one('A', code)).toBe(
      [
        'scenarios:',
        '- name: A',
        '  code: "runCode(mockData);  \\nassertApi(\'gtmOnSuccess\').wasCalled();\\nassertThat(calls).isEqualTo([\'analytics.identify\',\\',
        "    \\ 'analytics.identify']);\"",
      ].join('\n'),
    );
  });

  it('switches to a double-quoted string for tabs and escapes them', () => {
    expect(one('A', 'if (x) {\n\ty();\n}')).toBe('scenarios:\n- name: A\n  code: "if (x) {\\n\\ty();\\n}"');
  });

  it('writes single-line code plain', () => {
    expect(one('A', 'runCode(mockData);')).toBe('scenarios:\n- name: A\n  code: runCode(mockData);');
  });

  it('folds a long name at the first space after column 80 onto an indented line', () => {
    const name = 'A scenario with a very long name that GTM folds onto an indented continuation line after column eighty';
    expect(one(name, 'x();')).toBe(
      'scenarios:\n- name: A scenario with a very long name that GTM folds onto an indented continuation\n    line after column eighty\n  code: x();',
    );
  });

  it('single-quotes names that start with an indicator such as [', () => {
    expect(one('[Consent] denied stops the call', 'x();')).toBe("scenarios:\n- name: '[Consent] denied stops the call'\n  code: x();");
  });

  it('single-quotes names YAML would read as another type, and doubles inner quotes', () => {
    for (const name of ['true', 'no', '123', '1.5', 'null', '~', '2024-01-31', '0x1F']) {
      expect(one(name, 'x();')).toBe(`scenarios:\n- name: '${name}'\n  code: x();`);
    }
    expect(one("it's: quoted", 'x();')).toBe("scenarios:\n- name: 'it''s: quoted'\n  code: x();");
  });

  it('keeps plain the names that only look special', () => {
    for (const name of ['a:b', 'C# code', 'x - y', 'version 1.2', 'ok?', '-1 is negative']) {
      expect(one(name, 'x();')).toBe(`scenarios:\n- name: ${name}\n  code: x();`);
    }
  });

  it('writes YAML that reads back to the same tests', () => {
    const tricky = [
      '',
      ' ',
      'a ',
      ' a',
      'line\n',
      'line\n\n\n',
      '\n\nstart',
      'tab\tinside',
      'quote " and \\ backslash',
      'é — “unicode” 🙂',
      'x'.repeat(200),
      'word '.repeat(40),
      "const s = 'a' + \"b\";\n  \n// trailing spaces above\nreturn s;   ",
      '# not a comment',
      '- not a list',
      '{not: a map}',
      'key: value',
    ];
    const tests = { scenarios: tricky.map((code, i) => ({ name: tricky[(i + 3) % tricky.length] || 'n', code })), setup: tricky[12] };
    const text = formatTestsYaml(tests);
    expect(parse(text + '\n')).toEqual(tests);
    expect(parseTestsYaml(text)).toEqual({ tests, errors: [] });
  });
});

describe('parseTestsYaml', () => {
  it('reads every scalar as a string, as GTM does', () => {
    expect(parseTestsYaml('scenarios:\n- name: 123\n  code: true')).toEqual({ tests: { scenarios: [{ name: '123', code: 'true' }] }, errors: [] });
  });

  it('reports a root that is not a mapping', () => {
    expect(parseTestsYaml('- a')).toEqual({ errors: [{ line: 1, column: 1, rule: 'format', message: 'expected a mapping with `scenarios` (and optionally `setup`)' }] });
  });

  it('reports a setup that is not a string', () => {
    expect(parseTestsYaml('scenarios: []\nsetup:\n  a: b').errors).toEqual([{ line: 3, column: 3, rule: 'format', message: '`setup` must be a string' }]);
  });
});
