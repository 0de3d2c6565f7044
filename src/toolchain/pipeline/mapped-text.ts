// Text assembled from pieces of a source text and inserted strings, remembering for every
// output offset where it came from in the source. Post-processing edits esbuild's output this
// way, so each gate diagnostic can be traced back through esbuild's source map.

interface Piece {
  /** Offset of the piece in the output. */
  at: number;
  length: number;
  /** Source offset of the piece's first character. */
  origin: number;
  /** Copied pieces map char by char; inserted ones map every char to `origin`. */
  copied: boolean;
}

export class MappedText {
  private readonly pieces: Piece[] = [];
  private text = '';
  private copiedPieces?: Piece[];

  constructor(private readonly source: string) {}

  /** Appends source[start, end). */
  copy(start: number, end: number): this {
    if (end > start) this.push(this.source.slice(start, end), start, true);
    return this;
  }

  /** Appends `text`, attributed to the source offset `origin`. */
  insert(text: string, origin: number): this {
    if (text !== '') this.push(text, origin, false);
    return this;
  }

  toString(): string {
    return this.text;
  }

  /** The source offset an output offset came from. */
  origin(offset: number): number {
    const piece = this.pieceAt(offset);
    if (!piece) return 0;
    return piece.copied ? piece.origin + Math.min(offset - piece.at, piece.length - 1) : piece.origin;
  }

  /** Where source offset `origin` was copied to in the output; undefined when an edit removed it. */
  outputOffset(origin: number): number | undefined {
    // Copied pieces are in source order, as applyEdits copies them.
    const copied = this.copiedPieces ??= this.pieces.filter((piece) => piece.copied);
    let low = 0;
    let high = copied.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const piece = copied[mid];
      if (origin < piece.origin) high = mid - 1;
      else if (origin >= piece.origin + piece.length) low = mid + 1;
      else return piece.at + origin - piece.origin;
    }
    return undefined;
  }

  private push(text: string, origin: number, copied: boolean): void {
    this.pieces.push({ at: this.text.length, length: text.length, origin, copied });
    this.copiedPieces = undefined;
    this.text += text;
  }

  private pieceAt(offset: number): Piece | undefined {
    let low = 0;
    let high = this.pieces.length - 1;
    if (high < 0) return undefined;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.pieces[mid].at <= offset) low = mid;
      else high = mid - 1;
    }
    return this.pieces[low];
  }
}

/** Replace source[start, end) with `text` (empty text deletes; start === end inserts). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Source offset the replacement is attributed to (default: start). */
  origin?: number;
}

/**
 * Applies edits to source[from, to). Edits are ordered by start; inserts at the same offset keep
 * the order they were given in; an edit overlapping an earlier one, or reaching out of the
 * range, is skipped.
 */
export function applyEdits(source: string, edits: readonly Edit[], from = 0, to = source.length): MappedText {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.index - b.index)
    .map((entry) => entry.edit);
  const out = new MappedText(source);
  let cursor = from;
  for (const edit of ordered) {
    if (edit.start < cursor || edit.end > to) continue; // overlapping or outside: skipped
    out.copy(cursor, edit.start).insert(edit.text, edit.origin ?? edit.start);
    cursor = edit.end;
  }
  return out.copy(cursor, to);
}
