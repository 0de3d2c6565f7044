// A piece of test code cut out of a transformed file: [from, to) with some deletions, trimmed,
// dedented, `void 0` → `undefined`, and require lines on top. It remembers where each of its
// offsets came from, so gate diagnostics on it can be located in the TypeScript source.
import type { LocatedDiagnostic } from '../diagnostics/diagnostic';
import { gateCode } from '../gate/gate';
import { applyEdits, type Edit } from '../pipeline/mapped-text';
import { LineIndex } from '../diagnostics/lines';
import { contentRange } from '../pipeline/ranges';
import { requireInserts, shorthandEdits, voidZeroEdits, type RequireLine } from '../pipeline/rewrite';
import type { AnyNode } from '../js/parse';
import type { TransformedFile } from './transform';

export interface Snippet {
  code: string;
  /** Offset in the transformed file that an offset of `code` came from. */
  origin(offset: number): number;
}

/** A snippet and the file it was cut from, kept until the gate has run. */
export interface Piece {
  snippet: Snippet;
  from: TransformedFile;
}

export interface SnippetOptions {
  from: number;
  to: number;
  /** Deletions within [from, to) (e.g. imports, `export` keywords). */
  deletions?: readonly Edit[];
  /** Nodes whose `void 0` and shorthand properties are rewritten. */
  nodes: readonly AnyNode[];
  requires: readonly RequireLine[];
}

export function cutSnippet(source: string, options: SnippetOptions): Snippet {
  const deletions = options.deletions ?? [];
  const range = contentRange(source, options.from, options.to, deletions);
  if (!range) return mapped(applyEdits(source, requireInserts(options.requires, options.from, false), options.from, options.from));
  const edits = [
    ...requireInserts(options.requires, range.start, false),
    ...deletions,
    ...dedentEdits(source, range.start, range.end),
    ...options.nodes.flatMap(voidZeroEdits),
    ...options.nodes.flatMap(shorthandEdits),
  ];
  return mapped(applyEdits(source, edits, range.start, range.end));
}

const mapped = (text: { toString(): string; origin(offset: number): number }): Snippet => ({
  code: text.toString().replace(/\n+$/, ''),
  origin: (offset) => text.origin(offset),
});

/**
 * Deletes the indentation common to the lines after the first (the first line starts at
 * `from`, its indentation already cut off) and the whitespace of blank lines.
 */
function dedentEdits(source: string, from: number, to: number): Edit[] {
  const lineStarts: number[] = [];
  for (let i = source.indexOf('\n', from); i >= 0 && i < to; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const indentOf = (start: number): number => {
    let end = start;
    while (end < to && (source[end] === ' ' || source[end] === '\t')) end++;
    return end - start;
  };
  const blank = (start: number): boolean => start + indentOf(start) >= to || source[start + indentOf(start)] === '\n';
  const firstLineStart = source.lastIndexOf('\n', from - 1) + 1;
  const indents = [from - firstLineStart, ...lineStarts.filter((s) => !blank(s)).map(indentOf)];
  const common = Math.min(...indents);
  return lineStarts.map((start) => ({ start, end: start + (blank(start) ? indentOf(start) : common), text: '' }));
}

/** Gates test code, locating each finding in the TypeScript file the piece was cut from. */
export function gatePiece(piece: Piece, allowedGlobals: readonly string[]): LocatedDiagnostic[] {
  const { snippet, from } = piece;
  const lines = new LineIndex(snippet.code);
  return gateCode(snippet.code, { mode: 'test', allowedGlobals }).map((found) => {
    const offset = lines.offset(found);
    return { ...found, ...from.locate(snippet.origin(offset)) };
  });
}
