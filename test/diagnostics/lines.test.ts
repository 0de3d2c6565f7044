import { describe, expect, it } from 'vitest';
import { LineIndex, locationAt } from '../../src/toolchain/diagnostics/lines';

describe('the line index', () => {
  it('turns offsets into 1-based lines and columns', () => {
    expect(locationAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(locationAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(locationAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  it('turns every location of a text back into its offset', () => {
    const text = 'const a = 1;\n\n  return a;\r\nx';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) expect(lines.offset(lines.location(offset))).toBe(offset);
  });

  it('puts the line break at the end of its line, and clamps lines outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    expect(lines.location(2)).toEqual({ line: 1, column: 3 });
    expect(lines.offset({ line: 0, column: 1 })).toBe(0);
    expect(lines.offset({ line: 9, column: 2 })).toBe(4);
  });
});
