// V8's counts → istanbul's coverage data, by ast-v8-to-istanbul: statements, branches and
// functions come from the code's syntax tree (as istanbul's own instrumenter would count them),
// their counts from V8's ranges.
import type { EncodedSourceMap } from '@jridgewell/trace-mapping';
import convert from 'ast-v8-to-istanbul';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import type { Profiler } from 'node:inspector';
import { parseSandbox } from '../js/parse';

export interface ScriptCounts {
  /** The template code as it ran. */
  code: string;
  /** The script's URL (a file: URL; its path names the coverage entry). */
  url: string;
  /** Where the code starts in the script V8 counted. */
  offset: number;
  functions: Profiler.FunctionCoverage[];
}

/** Coverage of the code at the lines of its .tpl file, whose code section starts at `codeLine`. */
export function tplCoverage(counts: ScriptCounts, codeLine: number): Promise<CoverageMapData> {
  // Blank lines before the code shift every position to its .tpl line and change nothing else.
  const padding = '\n'.repeat(Math.max(codeLine - 1, 0));
  return toIstanbul({ ...counts, code: padding + counts.code, offset: counts.offset - padding.length });
}

/** Coverage of the sources a map leads to (absolute source paths), e.g. TypeScript. */
export const sourceCoverage = (counts: ScriptCounts, map: EncodedSourceMap): Promise<CoverageMapData> => toIstanbul(counts, map);

function toIstanbul(counts: ScriptCounts, sourceMap?: EncodedSourceMap): Promise<CoverageMapData> {
  const parsed = parseSandbox(counts.code);
  if (!parsed.program) throw new Error(`cannot parse the template code: ${parsed.error.message}`);
  return convert({
    code: counts.code,
    ast: parsed.program as never,
    coverage: { url: counts.url, functions: counts.functions },
    wrapperLength: counts.offset,
    ...(sourceMap ? { sourceMap } : {}),
  });
}
