// `gtm-tpl test --coverage`: the counts of one run of a template's scenarios, reported at the
// .tpl's lines in coverage/ and, when a source map built from this very code is found, at the
// TypeScript lines in coverage/typescript/ (two reports, so no line is counted twice).
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Profiler } from 'node:inspector';
import { withGtmArguments } from '../emulator/arguments';
import { sandboxedBodyOffset } from '../emulator/execute';
import { TEMPLATE_PARAMETERS } from '../emulator/run-template';
import { findCodeMap } from './code-map-file';
import { sourceCoverage, tplCoverage, type ScriptCounts } from './convert';
import { writeReport } from './report';

export interface TemplateCoverageInput {
  /** Absolute path of the .tpl, and its text. */
  tplPath: string;
  tplText: string;
  /** The code section and the .tpl line it starts at. */
  code: string;
  codeLine: number;
  /** The script URL the code ran under, and V8's counts for it. */
  url: string;
  functions: Profiler.FunctionCoverage[];
  /** Reports go to <cwd>/coverage. */
  cwd: string;
  readFile(path: string): string;
}

export interface TemplateCoverage {
  /** What the command prints: summaries, where the reports are, notes. */
  lines: string[];
  /** Percentage of the .tpl's code lines run. */
  linesPct: number;
}

export const COVERAGE_DIR = 'coverage';

/** V8's ranges over the code that ran (with GTM's `arguments`) moved to the code as written. */
function asWritten(functions: Profiler.FunctionCoverage[], code: string, offset: number): Profiler.FunctionCoverage[] {
  const { originalOffset } = withGtmArguments(code);
  const move = (at: number) => (at < offset ? at : offset + originalOffset(at - offset));
  return functions.map((fn) => ({
    ...fn,
    ranges: fn.ranges.map((range) => ({ ...range, startOffset: move(range.startOffset), endOffset: move(range.endOffset) })),
  }));
}

export async function reportTemplateCoverage(input: TemplateCoverageInput): Promise<TemplateCoverage> {
  const dir = resolve(input.cwd, COVERAGE_DIR);
  const shown = (path: string) => relative(input.cwd, path) || '.';
  // Like c8 and jest: reports of an earlier run (another template, a TypeScript view) must not linger.
  rmSync(dir, { recursive: true, force: true });
  const offset = sandboxedBodyOffset(TEMPLATE_PARAMETERS);
  const counts: ScriptCounts = { code: input.code, url: input.url, offset, functions: asWritten(input.functions, input.code, offset) };

  const tpl = writeReport({
    dir,
    data: await tplCoverage(counts, input.codeLine),
    sources: new Map([[input.tplPath, input.tplText]]),
    projectRoot: input.cwd,
  });
  const lines = [...tpl.summary, `coverage report: ${shown(resolve(dir, 'index.html'))}, ${shown(resolve(dir, 'lcov.info'))}`];

  const found = findCodeMap(input.tplPath, input.cwd, input.code, input.readFile);
  if (found.note) lines.push(`note: ${found.note}`);
  if (found.map) {
    const tsDir = resolve(dir, 'typescript');
    const sources = new Map(found.map.sources.map((source, i) => [source ?? '', found.map.sourcesContent?.[i] ?? '']));
    const ts = writeReport({ dir: tsDir, data: await sourceCoverage(counts, found.map), sources, projectRoot: input.cwd });
    lines.push(
      `TypeScript sources (through ${found.file}):`,
      ...ts.summary,
      `coverage report: ${shown(resolve(tsDir, 'index.html'))}, ${shown(resolve(tsDir, 'lcov.info'))}`,
    );
  }
  return { lines, linesPct: tpl.linesPct };
}
