// Where a snippet starts in a text, as 1-based line and column: tests read expected positions
// off their fixtures instead of hard-coding numbers that go stale when a fixture changes.

/** Line and column where `snippet` (which must occur exactly once in `text`) starts, plus `shift` characters. */
export function positionIn(text: string, snippet: string, shift = 0, label = 'the text'): { line: number; column: number } {
  const at = text.indexOf(snippet);
  if (at < 0 || text.indexOf(snippet, at + 1) >= 0) throw new Error(`'${snippet}' must occur exactly once in ${label}`);
  const lines = text.slice(0, at + shift).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
