// Step 2 of compileSandbox: edits on esbuild's flat ES module that make it sandboxed code.
//  - `import { a, b as c } from "gtm-sandbox"` → `const a = require('a'); const c = require('b');`
//    at the top (one line per API where renaming is safe, else per local name; in order of
//    first appearance);
//  - free uses of JSON, Math, Object → `const JSON = require('JSON');` likewise;
//  - `void 0` → `undefined`, `{ a }` → `{ a: a }`; an empty `export {}` is dropped, real exports are reported;
//  - esbuild's runtime-helper prelude is dropped and each use of a helper reported;
//  - the `// src/x.ts` comment of a module left empty (only imports) goes with it.
// Problems are located by offsets in esbuild's output (the caller traces them to the sources).
import { helperMessage, isHelperName } from './helpers';
import { SANDBOX_MODULE } from './lowering';
import { applyEdits, type Edit, type MappedText } from './mapped-text';
import { parseSandbox, type AnyNode } from '../js/parse';
import { analyseScopes, type ScopeAnalysis } from '../js/scope';
import { mergeDuplicateRequires } from './merge-requires';
import { LineIndex } from '../diagnostics/lines';
import { blankOutside, wholeLines } from './ranges';
import { addRequires, BAD_IMPORT_MESSAGE, importedRequires, requireInserts, shorthandEdits, voidZeroEdits, type RequireLine } from './rewrite';

export interface Finding {
  /** Offset in esbuild's output. */
  offset: number;
  rule: string;
  message: string;
}

export interface PostProcessed {
  output: MappedText;
  findings: Finding[];
  /**
   * Names whose declaration was dropped after a finding (esbuild helpers, default/namespace
   * imports): the gate must not report their uses again as undeclared.
   */
  reportedNames: string[];
}

/** Module objects the sandbox provides through require, used as globals in TypeScript. */
const REQUIRED_GLOBALS = ['JSON', 'Math', 'Object'];

export function postProcess(code: string): PostProcessed {
  const parsed = parseSandbox(code);
  if (parsed.error) {
    const offset = new LineIndex(code).offset(parsed.error);
    return { output: applyEdits(code, []), findings: [{ offset, rule: 'syntax', message: parsed.error.message }], reportedNames: [] };
  }
  const program = parsed.program as AnyNode;
  const scopes = analyseScopes(parsed.program);
  const edits: Edit[] = [];
  const findings: Finding[] = [];
  const requires: RequireLine[] = [];
  const reportedNames: string[] = [];

  // First, so that at a shared offset the key goes in before a rename of the value.
  edits.push(...shorthandEdits(program));
  const prelude = dropHelperPrelude(code, program, scopes, edits, findings);
  for (const statement of program.body as AnyNode[]) {
    if (statement.type === 'ImportDeclaration' && statement.source.value === SANDBOX_MODULE) {
      const { requires: lines, invalid } = importedRequires(statement);
      addRequires(requires, lines);
      for (const spec of invalid) {
        findings.push({ offset: spec.start, rule: 'bad-import', message: BAD_IMPORT_MESSAGE });
        reportedNames.push(spec.local.name);
      }
      edits.push(wholeLines(code, statement));
    } else if (statement.type === 'ExportNamedDeclaration' && !statement.declaration && !statement.source) {
      reportExports(statement, scopes, findings);
      edits.push(wholeLines(code, statement));
    }
  }
  const merged = mergeDuplicateRequires(program, scopes, requires);
  edits.push(...merged.edits);
  const lines = [...merged.requires, ...requiredGlobals(scopes, requires, prelude.end)];
  edits.unshift(...emptiedModules(code, edits));
  edits.push(...voidZeroEdits(program));
  const header = requireInserts(lines, 0, true);
  // Header inserts come first: they share offset 0 with a deletion of the helper prelude.
  return { output: applyEdits(code, [...header, ...edits]), findings, reportedNames: [...prelude.names, ...reportedNames] };
}

/** Drops esbuild's leading `var __helper = …` declarations and reports every use of them. */
function dropHelperPrelude(
  code: string, program: AnyNode, scopes: ScopeAnalysis, edits: Edit[], findings: Finding[],
): { names: string[]; end: number } {
  const prelude: AnyNode[] = [];
  for (const statement of program.body as AnyNode[]) {
    const declarations = statement.type === 'VariableDeclaration' ? statement.declarations : [];
    if (declarations.length !== 1 || declarations[0].id.type !== 'Identifier' || !isHelperName(declarations[0].id.name)) break;
    prelude.push(statement);
  }
  if (prelude.length === 0) return { names: [], end: 0 };
  const end = prelude[prelude.length - 1].end;
  const firstModule = code.slice(end).search(MODULE_COMMENT);
  const rest = firstModule < 0 ? '' : code.slice(end, end + firstModule);
  edits.push(firstModule >= 0 && rest.trim() === ''
    ? { start: prelude[0].start, end: end + firstModule, text: '' }
    : wholeLines(code, { start: prelude[0].start, end }));
  const names = prelude.map((statement) => statement.declarations[0].id.name as string);
  for (const [id, binding] of scopes.references) {
    if (id.start < end || !binding || !names.includes(binding.name) || scopes.topLevel.get(binding.name) !== binding) continue;
    const uses = namespaceUses(program, scopes, id);
    for (const at of uses.length > 0 ? uses : [id]) {
      findings.push({ offset: at.start, rule: 'esbuild-helper', message: helperMessage(binding.name) });
    }
  }
  return { names, end };
}

/**
 * `__export(ns_exports, …)` builds a namespace object in the imported module; the construct to
 * fix is where the importer uses that object, so report those uses instead.
 */
function namespaceUses(program: AnyNode, scopes: ScopeAnalysis, helper: AnyNode): AnyNode[] {
  const call = (program.body as AnyNode[]).find((statement) =>
    statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression'
    && statement.expression.callee === helper)?.expression;
  const target = call?.arguments[0];
  const namespace = target?.type === 'Identifier' ? scopes.references.get(target) : undefined;
  if (!call || !namespace) return [];
  return [...scopes.references]
    .filter(([id, binding]) => binding === namespace && (id.start < call.start || id.start >= call.end))
    .map(([id]) => id);
}

function reportExports(statement: AnyNode, scopes: ScopeAnalysis, findings: Finding[]): void {
  for (const spec of statement.specifiers as AnyNode[]) {
    const declared = scopes.references.get(spec.local)?.id;
    findings.push({
      offset: (declared ?? spec).start,
      rule: 'no-export',
      message: `the entry exports \`${spec.exported.name ?? spec.exported.value}\`, which sandboxed code cannot export; remove the export`,
    });
  }
}

/** JSON/Math/Object used as free globals (outside the dropped prelude), in order of first use. */
function requiredGlobals(scopes: ScopeAnalysis, existing: readonly RequireLine[], from: number): RequireLine[] {
  const firstUse = new Map<string, number>();
  for (const [id, binding] of scopes.references) {
    if (binding || id.start < from || !REQUIRED_GLOBALS.includes(id.name) || existing.some((line) => line.local === id.name)) continue;
    if (!firstUse.has(id.name) || id.start < (firstUse.get(id.name) as number)) firstUse.set(id.name, id.start);
  }
  return [...firstUse]
    .sort((a, b) => a[1] - b[1])
    .map(([name, origin]) => ({ local: name, api: name, origin }));
}

/** esbuild's `// src/x.ts` line that starts each module's code in the bundle. */
const MODULE_COMMENT = /^\/\/ \S+\.[cm]?[jt]sx?$/m;

/** Deletions of module comments whose module has nothing left (e.g. only imports). */
function emptiedModules(code: string, deletions: readonly Edit[]): Edit[] {
  const starts = [...code.matchAll(new RegExp(MODULE_COMMENT.source, 'gm'))].map((match) => match.index as number);
  const out: Edit[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : code.length;
    const bodyStart = code.indexOf('\n', start);
    if (bodyStart >= 0 && blankOutside(code, bodyStart, end, deletions)) out.push({ start, end, text: '' });
  });
  return out;
}
