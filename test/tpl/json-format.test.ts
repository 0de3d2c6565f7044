import { describe, expect, it } from 'vitest';
import { formatJson, quoteJsonString, sameJson } from '../../src/toolchain/tpl/json-format';
import { LineIndex } from '../../src/toolchain/diagnostics/lines';
import { findJsonProblem } from '../../src/toolchain/tpl/json-position';

describe('GTM JSON string escaping', () => {
  it.each([
    ['<', '"\\u003c"'],
    ['>', '"\\u003e"'],
    ['&', '"\\u0026"'],
    ['=', '"\\u003d"'],
    ["'", '"\\u0027"'],
    ['"', '"\\""'],
    ['\\', '"\\\\"'],
    ['\n', '"\\n"'],
    ['\r', '"\\r"'],
    ['\t', '"\\t"'],
    ['\b', '"\\b"'],
    ['\f', '"\\f"'],
    ['\u0001', '"\\u0001"'],
    ['\u001f', '"\\u001f"'],
    ['\u2028', '"\\u2028"'],
    ['\u2029', '"\\u2029"'],
  ])('escapes %j as %s', (input, expected) => {
    expect(quoteJsonString(input)).toBe(expected);
  });

  it('leaves slashes, non-ASCII letters and emoji raw, as real exports do', () => {
    expect(quoteJsonString('https://example.com/a — déjà “vu” 🙂')).toBe('"https://example.com/a — déjà “vu” 🙂"');
  });

  it('writes HTML help text the way GTM does', () => {
    expect(quoteJsonString('<a href="https://x.io/?a=1&b=2">it\'s</a>')).toBe(
      '"\\u003ca href\\u003d\\"https://x.io/?a\\u003d1\\u0026b\\u003d2\\"\\u003eit\\u0027s\\u003c/a\\u003e"',
    );
  });

  it('every escaped string parses back to the original', () => {
    const all = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('') + '\u2028\u2029é🙂';
    expect(JSON.parse(quoteJsonString(all))).toBe(all);
  });
});

describe('GTM JSON layout', () => {
  it('indents by two spaces, puts one entry per line and writes empty containers inline', () => {
    const value = { type: 'TAG', version: 1, securityGroups: [], nested: { on: true, off: false, none: null }, list: ['WEB'], empty: {} };
    expect(formatJson(value)).toBe(
      [
        '{',
        '  "type": "TAG",',
        '  "version": 1,',
        '  "securityGroups": [],',
        '  "nested": {',
        '    "on": true,',
        '    "off": false,',
        '    "none": null',
        '  },',
        '  "list": [',
        '    "WEB"',
        '  ],',
        '  "empty": {}',
        '}',
      ].join('\n'),
    );
  });

  it('leaves out keys whose value is undefined and keeps key order', () => {
    expect(formatJson({ b: 1, a: undefined, c: 2 })).toBe('{\n  "b": 1,\n  "c": 2\n}');
  });

  it('compares values including key order', () => {
    expect(sameJson({ a: 1, b: 2 }, { a: 1, b: 2 })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });
});

describe('findJsonProblem', () => {
  it('accepts valid JSON', () => {
    expect(findJsonProblem('{"a": [1, -2.5e3, true, null, "x\\u00e9"]}')).toBeUndefined();
  });

  it.each([
    ['{"a": 1 "b": 2}', 8, "expected ',' or '}' after a property value but found '\"'"],
    ['[1, 2,]', 6, "trailing comma before ']'"],
    ['{"a": 1,}', 8, "trailing comma before '}'"],
    ['{a: 1}', 1, "expected a property name in double quotes but found 'a'"],
    ['{"a" 1}', 5, "expected ':' after the property name but found '1'"],
    ['{"a": "x', 6, 'unterminated string'],
    ['["\\q"]', 2, "bad escape '\\q' in a string"],
    ['[01]', 2, "expected ',' or ']' after an array element but found '1'"],
    ['{"a": tru}', 6, "expected a JSON value but found 't'"],
    ['', 0, 'expected a JSON value but found the end of the text'],
    ['{} {}', 3, 'unexpected text after the JSON value'],
  ])('locates the problem in %j', (text, offset, message) => {
    const found = findJsonProblem(text);
    expect(found && { offset: new LineIndex(text).offset({ line: found.line!, column: found.column! }), message: found.message }).toEqual({ offset, message });
    expect(found?.rule).toBe('format');
  });
});
