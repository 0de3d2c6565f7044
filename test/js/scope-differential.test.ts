import { describe, expect, it } from 'vitest';
import { analyseScopes as analyseForGate } from '../../src/toolchain/compile/scope';
import { parseSandbox, type AnyNode } from '../../src/toolchain/compile/parse';
import { analyse as analyseForPermissions, bindingOf } from '../../src/toolchain/permissions/scope';
import { analyseScopes, type Binding } from '../../src/toolchain/js/scope';
import { corpus } from './corpus';

const where = (node: AnyNode | undefined) => (node ? `${node.loc?.start.line}:${node.loc?.start.column}` : '-');
const declaredBy = (b: { name: string; declaration?: { start: number } } | undefined) => (b ? `${b.name}@${b.declaration?.start ?? 'implicit'}` : 'global');
const byId = (b: { name: string; kind: string; id?: AnyNode } | undefined) => (b ? `${b.kind} ${b.name}@${where(b.id)}` : 'global');

/** Where the analysis the sandbox gate used disagrees with the one analysis. */
function gateDisagreements(name: string, program: AnyNode): string[] {
  const old = analyseForGate(program as never).references;
  const now = analyseScopes(program as never).references;
  const out: string[] = [];
  for (const [id, binding] of old) {
    if (!now.has(id)) out.push(`${name} ${id.name}@${where(id)}: not a reference any more`);
    else if (byId(binding) !== byId(now.get(id))) out.push(`${name} ${id.name}@${where(id)}: was ${byId(binding)}, now ${byId(now.get(id))}`);
  }
  for (const id of now.keys()) if (!old.has(id)) out.push(`${name} ${id.name}@${where(id)}: a new reference`);
  return out;
}

/**
 * Where the analysis the permission deriver used disagrees with the one analysis: the binding
 * of each reference, and whether each binding is reassigned or mutated. The deriver's analysis
 * had no implicit `arguments`, imports or classes (it read them as globals); none is ever a
 * sandbox API, and the gate rejects module syntax and classes.
 */
function deriverDisagreements(name: string, program: AnyNode): string[] {
  const old = analyseForPermissions(program as never);
  const now = analyseScopes(program as never);
  const out: string[] = [];
  for (const id of old.references) {
    const was = bindingOf(old, id);
    const is = now.references.get(id as AnyNode);
    if (!now.references.has(id as AnyNode)) out.push(`${name} ${id.name}@${where(id as AnyNode)}: not a reference any more`);
    else if (!was && (is?.kind === 'arguments' || is?.kind === 'import' || is?.kind === 'class')) continue;
    else if (declaredBy(was) !== declaredBy(is)) out.push(`${name} ${id.name}@${where(id as AnyNode)}: was ${declaredBy(was)}, now ${declaredBy(is)}`);
  }
  const flags = (b: { reassigned: boolean; mutated: boolean; init?: { start: number } }) =>
    `reassigned=${b.reassigned} mutated=${b.mutated} init=${b.init?.start}`;
  const current = new Map<string, Binding>(now.bindings.map((b) => [declaredBy(b), b]));
  for (const binding of old.bindings) {
    const is = current.get(declaredBy(binding));
    if (!is) out.push(`${name} ${declaredBy(binding)}: no binding any more`);
    else if (flags(binding) !== flags(is)) out.push(`${name} ${declaredBy(binding)}: was ${flags(binding)}, now ${flags(is)}`);
  }
  return out;
}

describe('one scope analysis for the gate and the permission deriver', () => {
  const sources = corpus();
  const programs = sources.flatMap(({ name, code }) => {
    const parsed = parseSandbox(code);
    return parsed.program ? [{ name, program: parsed.program as AnyNode }] : [];
  });

  it('reads every fixture, our template and the public templates given', () => {
    expect(programs.length).toBeGreaterThan(40);
  });

  it('resolves every identifier as the analysis the gate used did', () => {
    expect(programs.flatMap(({ name, program }) => gateDisagreements(name, program))).toEqual([]);
  });

  it('resolves every identifier, and marks the same bindings reassigned or mutated, as the analysis the deriver used did', () => {
    expect(programs.flatMap(({ name, program }) => deriverDisagreements(name, program))).toEqual([]);
  });
});
