// One scenario file → its scenarios. Only imports and `scenario('literal name', () => { … })`
// calls may stand at its top level; each body becomes a scenario's code with require lines for
// the 'gtm-sandbox' imports it uses (those the setup already requires excepted).
import type { LocatedDiagnostic } from '../diagnostics/diagnostic';
import { SANDBOX_MODULE, SANDBOX_TEST_MODULE } from '../pipeline/lowering';
import type { AnyNode } from '../js/parse';
import { collectRequires, type Report, type RequireLine } from '../pipeline/rewrite';
import type { SetupDeclarations } from './scenario-setup';
import { cutSnippet, type Piece, type Snippet } from './snippet';
import type { SourceLocation, TransformedFile } from './transform';

interface FileContext {
  /** Scenario names so far, with where they were first used. */
  seen: Map<string, SourceLocation>;
  /** Top-level names of the setup → the API they are required from (undefined: not a require). */
  declared: SetupDeclarations;
  diagnostics: LocatedDiagnostic[];
}

export function scenariosOf(file: TransformedFile, context: FileContext): { name: string; piece: Piece }[] {
  const { seen, diagnostics } = context;
  const out: { name: string; piece: Piece }[] = [];
  const imports: RequireLine[] = [];
  const report: Report = (node, rule, message) => {
    diagnostics.push({ ...file.locate(node.start), rule, message });
  };
  for (const statement of file.program.body as AnyNode[]) {
    if (statement.type === 'ImportDeclaration') {
      const before = imports.length;
      checkScenarioImport(statement, imports, report);
      for (const line of imports.slice(before)) checkAgainstSetup(line, context.declared, file, diagnostics);
      continue;
    }
    const call = scenarioCall(statement);
    if (!call) {
      report(statement, 'scenario-top-level', "only imports and scenario('name', () => { … }) calls may stand at the top level of a scenario file");
      continue;
    }
    const [nameNode, run] = call.arguments as AnyNode[];
    if (nameNode?.type !== 'Literal' || typeof nameNode.value !== 'string') {
      report(nameNode ?? call, 'scenario-name', 'a scenario name must be a string literal');
      continue;
    }
    if (!run || !isScenarioFunction(run)) {
      report(run ?? call, 'scenario-body', 'a scenario body must be a function without parameters: () => { … }');
      continue;
    }
    const name = nameNode.value;
    const first = seen.get(name);
    if (first) {
      report(nameNode, 'scenario-duplicate', `duplicate scenario name '${name}' (first at ${first.file}:${first.line}:${first.column})`);
      continue;
    }
    seen.set(name, file.locate(nameNode.start));
    // The setup runs in the same scope: what it already requires is not required again.
    const own = imports.filter((line) => !context.declared.has(line.local) || context.declared.get(line.local) !== line.api);
    out.push({ name, piece: { snippet: cutBody(file, run.body, own), from: file } });
  }
  return out;
}

function checkScenarioImport(statement: AnyNode, imports: RequireLine[], report: Report): void {
  const source = statement.source.value as string;
  if (source === SANDBOX_MODULE) collectRequires(statement, imports, report);
  else if (source !== SANDBOX_TEST_MODULE && !source.startsWith('.')) {
    report(statement, 'scenario-import', `scenario files import only from '${SANDBOX_MODULE}', '${SANDBOX_TEST_MODULE}' and the setup`);
  }
}

function scenarioCall(statement: AnyNode): AnyNode | undefined {
  const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
  return call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'scenario' ? call : undefined;
}

const isScenarioFunction = (node: AnyNode): boolean =>
  (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression')
  && node.params.length === 0 && !node.async && !node.generator;

/** The body's code, with require lines for the 'gtm-sandbox' imports it uses (in import order). */
function cutBody(file: TransformedFile, body: AnyNode, imports: readonly RequireLine[]): Snippet {
  const used = new Set<string>();
  for (const [id, binding] of file.scopes.references) {
    if (binding?.kind === 'import' && id.start >= body.start && id.end <= body.end) used.add(binding.name);
  }
  const requires = imports.filter((line) => used.has(line.local));
  const block = body.type === 'BlockStatement';
  const snippet = cutSnippet(file.code, {
    from: block ? body.start + 1 : body.start, to: block ? body.end - 1 : body.end, nodes: [body], requires,
  });
  return block ? snippet : { code: `${snippet.code};`, origin: snippet.origin };
}

/** A scenario import whose name the setup declares must be the same API, or the two would clash. */
function checkAgainstSetup(
  line: RequireLine, declared: SetupDeclarations, file: TransformedFile, diagnostics: LocatedDiagnostic[],
): void {
  if (!declared.has(line.local) || declared.get(line.local) === line.api) return;
  diagnostics.push({
    ...file.locate(line.origin),
    rule: 'scenario-import',
    message: `\`${line.local}\` is declared by the setup as something else; import it under another name`,
  });
}
