// A problem found in sandboxed code, located in the file the user edits (a TypeScript source
// for compiled templates, the .tpl's code for third-party templates). Line and column are 1-based.

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** A warning does not fail the check (default: an error). */
  severity?: 'warning';
}

/** Sorted by file, line, column (then rule, message), exact duplicates removed. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = [d.file, d.line, d.column, d.rule, d.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) =>
    compare(a.file, b.file) || a.line - b.line || a.column - b.column
    || compare(a.rule, b.rule) || compare(a.message, b.message));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `file:line:col rule message` (`… rule warning: message` for a warning), the form the CLI prints. */
export const formatDiagnostic = (d: Diagnostic): string =>
  `${d.file}:${d.line}:${d.column} ${d.rule} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
