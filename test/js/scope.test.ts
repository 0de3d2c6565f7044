import { describe, expect, it } from 'vitest';
import { parseSandbox, type AnyNode } from '../../src/toolchain/js/parse';
import { analyseScopes, type Binding } from '../../src/toolchain/js/scope';

/** Each reference in `code` as `name:line → kind@line` (or `global`). */
function resolved(code: string): string[] {
  const { references } = analyseScopes(parseSandbox(code).program!);
  return [...references].map(([id, b]) => `${id.name}:${id.loc!.start.line} → ${b ? `${b.kind}@${b.id?.loc!.start.line ?? '-'}` : 'global'}`);
}

function bindingNamed(code: string, name: string): Binding {
  return analyseScopes(parseSandbox(code).program!).bindings.find((b) => b.name === name)!;
}

describe('the scope analysis', () => {
  it('gives non-arrow functions an implicit `arguments` and the top level none', () => {
    expect(resolved('arguments;\nfunction f() {\n  return () => arguments;\n}')).toEqual([
      'arguments:1 → global', 'arguments:3 → arguments@-',
    ]);
  });

  it('hoists a function declared in a block to its function as well (Annex B)', () => {
    expect(resolved('if (a) {\n  function f() {}\n  f();\n}\nf();')).toEqual([
      'a:1 → global', 'f:3 → function@2', 'f:5 → function@2',
    ]);
  });

  it('keeps the first binding of a redeclared var and counts a redeclaration of a valued var as a reassignment', () => {
    expect(resolved('var x = 1;\nvar x = 2;\nx;')).toEqual(['x:3 → var@1']);
    expect(bindingNamed('var x = 1;\nvar x = 2;', 'x')).toMatchObject({ reassigned: true, mutated: false });
    expect(bindingNamed('var x;\nvar x;', 'x')).toMatchObject({ reassigned: false });
  });

  it('marks a binding reassigned by =, ++ and for…in, and mutated by member writes and mutating methods', () => {
    const flags = (code: string, name: string) => {
      const { reassigned, mutated } = bindingNamed(code, name);
      return { reassigned, mutated };
    };
    expect(flags('let a = 1; a = 2;', 'a')).toEqual({ reassigned: true, mutated: false });
    expect(flags('let a = 1; a++;', 'a')).toEqual({ reassigned: true, mutated: false });
    expect(flags('var k = "x"; for (k in o) {}', 'k')).toEqual({ reassigned: true, mutated: false });
    expect(flags('const o = {}; o.a.b = 1;', 'o')).toEqual({ reassigned: false, mutated: true });
    expect(flags('const l = []; l.push(1);', 'l')).toEqual({ reassigned: false, mutated: true });
    expect(flags('const l = []; l.concat([1]);', 'l')).toEqual({ reassigned: false, mutated: false });
    expect(flags('const l = []; function f(l) { l.push(1); }', 'l')).toEqual({ reassigned: false, mutated: false });
  });

  it('resolves catch parameters, parameters and block-scoped names to the nearest declaration', () => {
    expect(resolved('const e = 1;\ntry {} catch (e) {\n  e;\n}\n{\n  let e = 2;\n  e;\n}\ne;')).toEqual([
      'e:3 → catch@2', 'e:7 → let@6', 'e:9 → const@1',
    ]);
  });

  it('says where each node sits, and what a name would resolve to there', () => {
    const analysis = analyseScopes(parseSandbox('const a = 1;\nfunction f(b) {\n  return b;\n}').program!);
    const b = [...analysis.references.keys()].find((id) => id.name === 'b') as AnyNode;
    expect(analysis.scopeOf(b)?.kind).toBe('function');
    expect(analysis.resolveAt(b, 'a')).toBe(analysis.topLevel.get('a'));
    expect(analysis.resolveAt(b, 'nothing')).toBeUndefined();
  });
});
