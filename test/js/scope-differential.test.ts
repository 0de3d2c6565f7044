// A differential test of the one scope analysis against an independent implementation,
// ESLint's scope analyser (eslint-scope), over every fixture, our template and the public
// templates in GTM_TPL_CORPUS. Before the gate's and the deriver's own analysers were merged
// into src/toolchain/js/scope.ts, the same corpus was checked against both: every identifier
// resolved alike, and the same bindings were reassigned or mutated.
import { analyze } from 'eslint-scope';
import { describe, expect, it } from 'vitest';
import { childNodes, parseSandbox, type AnyNode } from '../../src/toolchain/js/parse';
import { analyseScopes, type Binding, type ScopeAnalysis } from '../../src/toolchain/js/scope';
import { corpus } from './corpus';

/** ESLint reads `range`, which our parser leaves out. */
function addRanges(node: AnyNode): void {
  node.range = [node.start, node.end];
  for (const { child } of childNodes(node)) addRanges(child);
}

/** Identifier → the identifier declaring what ESLint resolves it to ('arguments' when implicit, null when global). */
function eslintResolutions(program: AnyNode): Map<AnyNode, AnyNode | 'arguments' | null> {
  addRanges(program);
  const isModule = program.body.some((s: AnyNode) => /^(Import|Export)/.test(s.type));
  const manager = analyze(program as never, {
    ecmaVersion: 2022, sourceType: isModule ? 'module' : 'script', nodejsScope: !isModule, fallback: 'iteration',
  } as never);
  const out = new Map<AnyNode, AnyNode | 'arguments' | null>();
  for (const scope of manager.scopes) {
    for (const ref of scope.references) {
      const variable = ref.resolved;
      const declared = variable ? (variable.defs[0]?.name as unknown as AnyNode | undefined) ?? 'arguments' : null;
      out.set(ref.identifier as unknown as AnyNode, declared);
    }
  }
  return out;
}

/**
 * Where the one analysis and ESLint's differ, for every identifier ours calls a reference.
 * Differences in the semantics we chose on purpose are not reported: the top level has no
 * `arguments` (ESLint gives the nodejs scope one), and a function declared in a block is also
 * visible in its function (Annex B; ESLint scopes it to the block).
 */
export function oracleDisagreements(name: string, analysis: ScopeAnalysis): string[] {
  const theirs = eslintResolutions(analysis.program as AnyNode);
  const describe = (declared: AnyNode | 'arguments' | null | undefined) =>
    declared === null ? 'global' : declared === 'arguments' ? 'arguments' : declared ? `${declared.name}@${declared.start}` : 'no reference';
  const ours = (b: Binding | undefined) => describe(b ? b.id ?? 'arguments' : null);
  const annexB = (b: Binding | undefined) =>
    b?.declaration?.type === 'FunctionDeclaration' && analysis.scopeOf(b.declaration as AnyNode) !== b.scope;
  const out: string[] = [];
  for (const [id, binding] of analysis.references) {
    const expected = describe(theirs.get(id));
    if (expected === ours(binding) || annexB(binding)) continue;
    if (id.name === 'arguments' && !binding && expected === 'arguments') continue;
    out.push(`${name} ${id.name}@${id.loc?.start.line}:${id.loc?.start.column}: ESLint ${expected}, ours ${ours(binding)}`);
  }
  return out;
}

describe('the one scope analysis', () => {
  const programs = corpus().flatMap(({ name, code }) => {
    const parsed = parseSandbox(code);
    return parsed.program ? [{ name, program: parsed.program as AnyNode }] : [];
  });

  it('reads every fixture, our template and the public templates given', () => {
    expect(programs.length).toBeGreaterThan(40);
  });

  it('resolves every identifier as ESLint\'s scope analyser does, but for the sandbox semantics chosen on purpose', () => {
    expect(programs.flatMap(({ name, program }) => oracleDisagreements(name, analyseScopes(program as never)))).toEqual([]);
  });
});
