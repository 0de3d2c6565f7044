// Offsets ↔ line/column in a text. Lines are 1-based, columns 0-based (acorn and source maps
// count the same way: UTF-16 code units).

export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): LineColumn {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] };
  }

  offset(at: LineColumn): number {
    const start = this.starts[Math.min(Math.max(at.line, 1), this.starts.length) - 1];
    return start + at.column;
  }
}
