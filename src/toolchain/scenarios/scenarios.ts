// The ___TESTS___ scenario compiler: scenario files (`*.scenarios.ts`) hold only imports and
// `scenario('literal name', () => { … })` calls; each body becomes one scenario's code, with
// its 'gtm-sandbox' imports as require lines on top. setup.ts's top-level statements become the
// setup code. Everything is gated in test mode, names declared by the setup counting as declared.
import { resolve } from 'node:path';
import { sortDiagnostics, type LocatedDiagnostic } from '../diagnostics/diagnostic';
import { scenariosOf } from './scenario-file';
import { compileSetup, setupDeclarations } from './scenario-setup';
import { gatePiece, type Piece } from './snippet';
import { transformFile, type SourceLocation } from './transform';

export interface CompiledScenario {
  name: string;
  code: string;
}

export interface ScenariosResult {
  setup: string;
  scenarios: CompiledScenario[];
  diagnostics: LocatedDiagnostic[];
}

export interface ScenariosOptions {
  /** setup.ts (optional). */
  setup?: string;
  /** Scenario files, in the order their scenarios are listed. */
  files: string[];
  /** Directory paths are relative to (default: process.cwd()). */
  cwd?: string;
}

export async function compileScenarios(options: ScenariosOptions): Promise<ScenariosResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const diagnostics: LocatedDiagnostic[] = [];
  const setup = options.setup ? await compileSetup(options.setup, cwd, diagnostics) : undefined;
  const declared = setup ? setupDeclarations(setup.snippet.code) : new Map<string, string | undefined>();
  const pieces: { name: string; piece: Piece }[] = [];
  const seen = new Map<string, SourceLocation>();
  for (const path of options.files) {
    const result = await transformFile(path, cwd);
    diagnostics.push(...result.diagnostics);
    if (result.transformed) pieces.push(...scenariosOf(result.transformed, { seen, declared, diagnostics }));
  }
  if (setup) diagnostics.push(...gatePiece(setup, []));
  for (const { piece } of pieces) diagnostics.push(...gatePiece(piece, [...declared.keys()]));
  return {
    setup: setup?.snippet.code ?? '',
    scenarios: pieces.map(({ name, piece }) => ({ name, code: piece.snippet.code })),
    diagnostics: sortDiagnostics(diagnostics),
  };
}
