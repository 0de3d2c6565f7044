// The one problem type of the toolchain: the gate, the compiler, the .tpl reader, the field and
// permission checks and the CLI all report Diagnostics, and the CLI prints them with
// formatDiagnostic. Locations follow diagnostics/lines.ts: 1-based line and column.
import type { Location } from './lines';

export interface Diagnostic {
  /**
   * The file the user edits (a TypeScript source for compiled templates, the .tpl for others).
   * Absent while the producer does not know it (a check of fields or of a piece of code); the
   * caller that does fills it in before printing.
   */
  file?: string;
  /** 1-based; absent when the problem is about the file, or `about`, as a whole. */
  line?: number;
  column?: number;
  /** What kind of problem: a gate rule, `format`, `fields`, `permission-missing`, … */
  rule: string;
  message: string;
  /** A warning does not fail a command (absent: an error). */
  severity?: 'error' | 'warning';
  /** The named thing a problem without a location is about (a field, a permission), so a caller can place it. */
  about?: string;
}

/** A diagnostic with its file and location, as the gate and the compiler report them. */
export type LocatedDiagnostic = Diagnostic & Location & { file: string };

/** The diagnostics that fail a command: all but the warnings. */
export const failing = <D extends Diagnostic>(list: readonly D[]): D[] => list.filter((d) => d.severity !== 'warning');

/** Sorted by file, line, column (then rule, message), exact duplicates removed. */
export function sortDiagnostics<D extends Diagnostic>(list: readonly D[]): D[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = [d.file, d.line, d.column, d.rule, d.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) =>
    compare(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
    || compare(a.rule, b.rule) || compare(a.message, b.message));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The form the CLI prints: `file:line:col rule message` (`… rule warning: message` for a
 * warning); a problem with the file as a whole (no location) prints as `file: message`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = d.file ?? '<unknown>';
  if (d.line === undefined) return `${file}: ${d.message}`;
  return `${file}:${d.line}:${d.column ?? 1} ${d.rule} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
