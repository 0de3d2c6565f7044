// setup.ts → the ___TESTS___ setup code: its top-level statements with `export` removed,
// 'gtm-sandbox' imports turned into require lines and other imports dropped. GTM runs the setup
// before each scenario, so the names it declares count as declared in the scenarios.
import type { LocatedDiagnostic } from '../diagnostics/diagnostic';
import { SANDBOX_MODULE } from '../pipeline/lowering';
import type { Edit } from '../pipeline/mapped-text';
import { parseSandbox, requiredName, type AnyNode } from '../js/parse';
import { wholeLines } from '../pipeline/ranges';
import { collectRequires, type Report, type RequireLine } from '../pipeline/rewrite';
import { analyseScopes } from '../js/scope';
import { cutSnippet, type Piece } from './snippet';
import { transformFile } from './transform';

/** Top-level names of the setup → the API each is required from (undefined: not a require). */
export type SetupDeclarations = ReadonlyMap<string, string | undefined>;

export async function compileSetup(path: string, cwd: string, diagnostics: LocatedDiagnostic[]): Promise<Piece | undefined> {
  const result = await transformFile(path, cwd);
  diagnostics.push(...result.diagnostics);
  const from = result.transformed;
  if (!from) return undefined;
  const requires: RequireLine[] = [];
  const deletions: Edit[] = [];
  const report: Report = (node, rule, message) => {
    diagnostics.push({ ...from.locate(node.start), rule, message });
  };
  for (const statement of from.program.body as AnyNode[]) {
    if (statement.type === 'ImportDeclaration') {
      deletions.push(wholeLines(from.code, statement));
      if (statement.source.value === SANDBOX_MODULE) collectRequires(statement, requires, report);
    } else if (statement.type === 'ExportNamedDeclaration') {
      // `export const x` keeps the declaration; `export { x }` goes.
      deletions.push(statement.declaration
        ? { start: statement.start, end: statement.declaration.start, text: '' }
        : wholeLines(from.code, statement));
    } else if (statement.type === 'ExportDefaultDeclaration' || statement.type === 'ExportAllDeclaration') {
      report(statement, 'setup-export', 'setup code can only export named declarations (`export const x = …`)');
    }
  }
  const snippet = cutSnippet(from.code, { from: 0, to: from.code.length, deletions, nodes: [from.program], requires });
  return { snippet, from };
}

/** The setup's top-level names, with the API each is required from. */
export function setupDeclarations(code: string): SetupDeclarations {
  const parsed = parseSandbox(code);
  const out = new Map<string, string | undefined>();
  if (!parsed.program) return out;
  for (const [name, binding] of analyseScopes(parsed.program).topLevel) out.set(name, requiredName(binding.init));
  return out;
}
