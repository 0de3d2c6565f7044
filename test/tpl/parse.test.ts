import { describe, expect, it } from 'vitest';
import { parseTpl } from '../../src/toolchain/tpl/parse';

describe('parseTpl', () => {
  it('splits GTM framing into bodies and records where each body starts', () => {
    const file = parseTpl('___INFO___\n\n{}\n\n\n___TEMPLATE_PARAMETERS___\n\n[]\n\n\n');
    expect(file.sections).toEqual([
      { name: 'INFO', body: '{}', markerLine: 1, bodyLine: 3, lead: '\n', tail: '\n\n\n' },
      { name: 'TEMPLATE_PARAMETERS', body: '[]', markerLine: 6, bodyLine: 8, lead: '\n', tail: '\n\n\n' },
    ]);
    expect(file).toMatchObject({ bom: false, lineEnding: '\n', preamble: '' });
  });

  it('strips a UTF-8 BOM and remembers it', () => {
    const file = parseTpl('\uFEFF___NOTES___\n\nhi\n\n\n');
    expect(file.bom).toBe(true);
    expect(file.sections[0]).toMatchObject({ name: 'NOTES', body: 'hi' });
  });

  it('reads CRLF files as LF and remembers the line ending', () => {
    const file = parseTpl('___INFO___\r\n\r\n{\r\n}\r\n\r\n\r\n');
    expect(file.lineEnding).toBe('\r\n');
    expect(file.sections[0].body).toBe('{\n}');
  });

  it('keeps text before the first marker as the preamble', () => {
    const file = parseTpl('// Licensed under Apache 2.0\n\n___INFO___\n\n{}\n\n\n');
    expect(file.preamble).toBe('// Licensed under Apache 2.0\n\n');
    expect(file.sections[0]).toMatchObject({ markerLine: 3, bodyLine: 5 });
  });

  it('accepts sections in any order, unknown ones included', () => {
    const file = parseTpl('___NOTES___\n\nn\n\n\n___FUTURE_THING___\n\nx\n\n\n___INFO___\n\n{}\n\n\n');
    expect(file.sections.map((s) => s.name)).toEqual(['NOTES', 'FUTURE_THING', 'INFO']);
  });

  it('treats only whole lines as markers', () => {
    const file = parseTpl("___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n\nconst s = '___INFO___';\n  ___INFO___\n\n\n");
    expect(file.sections).toHaveLength(1);
    expect(file.sections[0].body).toBe("const s = '___INFO___';\n  ___INFO___");
  });

  it('keeps a body that ends in a newline apart from the framing after it', () => {
    const file = parseTpl('___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n\nreturn 1;\n\n\n\n___NOTES___\n\nn\n\n\n');
    expect(file.sections[0].body).toBe('return 1;\n');
  });

  it('records irregular framing instead of losing it', () => {
    const file = parseTpl('___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n// no blank line\n\n\n___NOTES___\n\nchangelog\n');
    expect(file.sections[0]).toMatchObject({ body: '// no blank line', lead: '', tail: '\n\n\n', bodyLine: 2 });
    expect(file.sections[1]).toMatchObject({ body: 'changelog', lead: '\n', tail: '\n' });
  });

  it('returns no sections and the whole text as preamble when there is no marker', () => {
    expect(parseTpl('just text\n')).toMatchObject({ sections: [], preamble: 'just text\n' });
  });
});
