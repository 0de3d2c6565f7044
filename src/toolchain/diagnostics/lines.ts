// Offsets ↔ positions in a text, in the toolchain's one convention: line and column both count
// from 1, as editors and every printed diagnostic do, in UTF-16 code units (JavaScript string
// indices). acorn's and source maps' columns count from 0; they are converted where those
// libraries are called (js/parse.ts, pipeline/source-map.ts, pipeline/code-map.ts), nowhere else.

/** A place in a text: 1-based line, 1-based column. */
export interface Location {
  line: number;
  column: number;
}

/** The line starts of a text, for converting between offsets and 1-based locations. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** The location of a 0-based offset (an offset past a line's end stays on that line). */
  location(offset: number): Location {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }

  /** The 0-based offset of a location; a line outside the text is clamped to its first or last line. */
  offset(at: Location): number {
    const start = this.starts[Math.min(Math.max(at.line, 1), this.starts.length) - 1];
    return start + at.column - 1;
  }
}

/** The location of `offset` in `text`, for a one-off lookup. */
export const locationAt = (text: string, offset: number): Location => new LineIndex(text).location(offset);
