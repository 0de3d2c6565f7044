// compileSandbox: TypeScript → GTM sandboxed JavaScript. esbuild bundles the entry flat
// (bundle.ts), post-processing turns it into sandboxed code (postprocess.ts), and the gate
// checks the result (../gate/gate.ts), optionally after compacting its whitespace (compact.ts). Every
// diagnostic is traced back to the TypeScript source: final code → post-processed code (the
// compaction's offset map) → esbuild output (the edits' offset map) → sources (esbuild's source map).
import type { EncodedSourceMap } from '@jridgewell/gen-mapping';
import { resolve } from 'node:path';
import { analyseCode, type CodeAnalysis } from '../js/analyse';
import { bundleSandbox, toCwdRelative } from './bundle';
import { composeCodeMap } from './code-map';
import { compactCode } from './compact';
import { sortDiagnostics, type LocatedDiagnostic } from '../diagnostics/diagnostic';
import { gateCode } from '../gate/gate';
import { LineIndex } from '../diagnostics/lines';
import { postProcess } from './postprocess';
import { SourceTracer } from './source-map';

export interface CompileResult {
  code: string;
  /** `code` parsed and scoped, for the permission deriver (absent when bundling failed). */
  analysis?: CodeAnalysis;
  diagnostics: LocatedDiagnostic[];
  /** Maps a 1-based line/column of `code` back to the TypeScript source (e.g. for permission problems). */
  locate(line: number, column: number): Pick<LocatedDiagnostic, 'file' | 'line' | 'column'>;
  /** `code` → TypeScript sources (paths relative to cwd); absent when bundling failed. */
  map?: EncodedSourceMap;
}

export interface CompileOptions {
  /** The entry module, e.g. src/template/code.ts. */
  entry: string;
  /** Modules whose named imports become sandbox requires (e.g. src/sandbox/lang.ts). */
  sandboxModules?: string[];
  /** Directory paths are relative to (default: process.cwd()); diagnostics name files relative to it. */
  cwd?: string;
  /** Compact whitespace (compact.ts): no indentation spaces or operator spacing; names are kept. */
  compact?: boolean;
}

export async function compileSandbox(options: CompileOptions): Promise<CompileResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const entry = toCwdRelative(cwd, options.entry);
  const bundled = await bundleSandbox({ entry, sandboxModules: options.sandboxModules ?? [], cwd });
  if (!bundled.bundle) {
    return { code: '', diagnostics: sortDiagnostics(bundled.diagnostics), locate: (line, column) => ({ file: entry, line, column }) };
  }

  const raw = bundled.bundle.code;
  const processed = postProcess(raw);
  const compacted = options.compact ? compactCode(processed.output.toString()) : undefined;
  const code = compacted ? compacted.toString() : processed.output.toString();
  const processedOffset = (offset: number) => (compacted ? compacted.origin(offset) : offset);
  const tracer = new SourceTracer(bundled.bundle.map, raw);
  const rawLines = new LineIndex(raw);
  const finalLines = new LineIndex(code);

  const locate = (rawOffset: number): Pick<LocatedDiagnostic, 'file' | 'line' | 'column'> => {
    const source = tracer.trace(rawLines.location(rawOffset));
    if (!source) return { file: entry, line: 1, column: 1 };
    return { file: toCwdRelative(cwd, source.source), line: source.line, column: source.column };
  };

  const diagnostics: LocatedDiagnostic[] = processed.findings.map((finding) => ({
    ...locate(finding.offset), rule: finding.rule, message: finding.message,
  }));
  const locateFinal = (line: number, column: number) =>
    locate(processed.output.origin(processedOffset(finalLines.offset({ line, column }))));
  const analysis = analyseCode(code);
  for (const found of gateCode(analysis, { mode: 'template', allowedGlobals: processed.reportedNames })) {
    diagnostics.push({ ...found, ...locateFinal(found.line, found.column) });
  }
  const finalOffset = (rawOffset: number): number | undefined => {
    const offset = processed.output.outputOffset(rawOffset);
    return offset === undefined || !compacted ? offset : compacted.outputOffset(offset);
  };
  const map = composeCodeMap(bundled.bundle.map, raw, code, finalOffset);
  return { code, analysis, diagnostics: sortDiagnostics(diagnostics), locate: locateFinal, map };
}
