// Helpers for the compiler tests: fixture paths, and the 1-based line/column of a snippet in a
// fixture, so expected positions are read off the TypeScript source rather than hard-coded.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/toolchain/diagnostics/diagnostic';
import { positionIn } from '../snippet-position';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = 'test/fixtures/compile';

/** Where `snippet` (which must occur exactly once) starts in a fixture, as a diagnostic reports it. */
export function positionOf(file: string, snippet: string): { file: string; line: number; column: number } {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  return { file, ...positionIn(text, snippet, 0, file) };
}

/** rule@file:line:col, for compact comparisons. */
export const where = (d: Pick<Diagnostic, 'rule' | 'file' | 'line' | 'column'>): string =>
  `${d.rule}@${d.file}:${d.line}:${d.column}`;
