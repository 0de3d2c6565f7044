// One TypeScript file of test code transformed on its own (no bundling): esbuild strips the
// types and lowers like the template build; the result is parsed and scope-analysed, and any
// offset in it can be traced back to the TypeScript source.
import { transform, type Message } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Program } from 'acorn';
import { messageToDiagnostic, toCwdRelative } from '../pipeline/bundle';
import type { LocatedDiagnostic } from '../diagnostics/diagnostic';
import { SANDBOX_SUPPORTED } from '../pipeline/lowering';
import { parseSandbox, type AnyNode } from '../js/parse';
import { LineIndex } from '../diagnostics/lines';
import { analyseScopes, type ScopeAnalysis } from '../js/scope';
import { SourceTracer } from '../pipeline/source-map';

/** A place in a TypeScript source: its file and 1-based line and column. */
export type SourceLocation = Pick<LocatedDiagnostic, 'file' | 'line' | 'column'>;

export interface TransformedFile {
  /** The file as diagnostics name it (relative to cwd). */
  file: string;
  code: string;
  program: Program & AnyNode;
  scopes: ScopeAnalysis;
  /** The TypeScript position of an offset in `code`. */
  locate(offset: number): SourceLocation;
}

export type TransformResult = { transformed: TransformedFile; diagnostics: LocatedDiagnostic[] } | { transformed?: undefined; diagnostics: LocatedDiagnostic[] };

export async function transformFile(path: string, cwd: string): Promise<TransformResult> {
  const file = toCwdRelative(cwd, path);
  let source: string;
  try {
    source = await readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    return { diagnostics: [{ file, line: 1, column: 1, rule: 'io', message: (e as Error).message }] };
  }
  let result: { code: string; map: string };
  try {
    result = await transform(source, {
      loader: 'ts', sourcefile: file, sourcemap: 'external', supported: SANDBOX_SUPPORTED, charset: 'utf8', logLevel: 'silent',
    });
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors) throw e;
    return { diagnostics: errors.map((error) => messageToDiagnostic(error, file)) };
  }
  const parsed = parseSandbox(result.code);
  const lines = new LineIndex(result.code);
  const tracer = new SourceTracer(result.map, result.code);
  const locate = (offset: number): SourceLocation => {
    const traced = tracer.trace(lines.location(offset));
    return traced ? { file, line: traced.line, column: traced.column } : { file, line: 1, column: 1 };
  };
  if (parsed.error) {
    const { message, line, column } = parsed.error;
    return { diagnostics: [{ ...locate(lines.offset({ line, column })), rule: 'syntax', message }] };
  }
  const program = parsed.program as Program & AnyNode;
  return { transformed: { file, code: result.code, program, scopes: analyseScopes(parsed.program), locate }, diagnostics: [] };
}
