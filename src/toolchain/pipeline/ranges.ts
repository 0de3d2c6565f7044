// Ranges of generated code to delete or keep, in terms of whole lines and blank text.
import type { Edit } from './mapped-text';

const isBlank = (char: string): boolean => char.trim() === '';

/** [from, to) holds only whitespace once the deletions are applied. */
export function blankOutside(code: string, from: number, to: number, deletions: readonly Edit[]): boolean {
  return contentRange(code, from, to, deletions) === undefined;
}

/** The first and last+1 offsets of [from, to) that hold non-blank text surviving the deletions. */
export function contentRange(code: string, from: number, to: number, deletions: readonly Edit[]): { start: number; end: number } | undefined {
  const kept = (i: number): boolean =>
    !isBlank(code[i]) && !deletions.some((edit) => edit.text === '' && edit.start <= i && i < edit.end);
  let start = from;
  while (start < to && !kept(start)) start++;
  if (start === to) return undefined;
  let end = to;
  while (end > start && !kept(end - 1)) end--;
  return { start, end };
}

/** A deletion of [start, end), widened to whole lines when nothing else shares them. */
export function wholeLines(code: string, range: { start: number; end: number }): Edit {
  let start = range.start;
  let end = range.end;
  while (start > 0 && (code[start - 1] === ' ' || code[start - 1] === '\t')) start--;
  while (end < code.length && (code[end] === ' ' || code[end] === '\t')) end++;
  const ownLines = (start === 0 || code[start - 1] === '\n') && (end === code.length || code[end] === '\n');
  if (!ownLines) return { start: range.start, end: range.end, text: '' };
  return { start, end: Math.min(end + 1, code.length), text: '' };
}
