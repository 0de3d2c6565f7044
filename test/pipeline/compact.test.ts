import { tokenizer } from 'acorn';
import { describe, expect, it } from 'vitest';
import { compileSandbox } from '../../src/toolchain/pipeline/sandbox';
import { compactCode } from '../../src/toolchain/pipeline/compact';
import { FIXTURES, ROOT, where } from './fixtures';

const BUNDLE = `${FIXTURES}/bundle`;
const REJECTED = `${FIXTURES}/rejected/constructs.ts`;

const tokens = (code: string): string[] =>
  [...tokenizer(code, { ecmaVersion: 'latest', allowReturnOutsideFunction: true })]
    .map((t) => code.slice(t.start, t.end))
    .map((token) => (token === 'const' ? 'let' : token));

describe('compact whitespace', () => {
  it('keeps every token (const as let) and name of the compiled code, in fewer bytes', async () => {
    const options = { entry: `${BUNDLE}/entry.ts`, sandboxModules: [`${BUNDLE}/lang.ts`], cwd: ROOT };
    const readable = await compileSandbox(options);
    const compact = await compileSandbox({ ...options, compact: true });
    expect(compact.diagnostics).toEqual([]);
    expect(tokens(compact.code)).toEqual(tokens(readable.code));
    expect(compact.code.length).toBeLessThan(readable.code.length);
    expect(compact.code).toContain('// test/fixtures/compile/bundle/format.ts\nfunction describeTraits(traits){\nlet ');
    expect(compact.code).not.toMatch(/^[ \t]|\bconst\b/m);
  });

  it('points the gate at the same TypeScript lines and columns as readable output does', async () => {
    const readable = await compileSandbox({ entry: REJECTED, cwd: ROOT });
    const compact = await compileSandbox({ entry: REJECTED, cwd: ROOT, compact: true });
    expect(compact.diagnostics.map(where)).toEqual(readable.diagnostics.map(where));
    expect(compact.diagnostics.length).toBeGreaterThan(10);
  });

  it('keeps statement line breaks, ends a block on the line of its last statement, joins broken argument and array lists, and keeps tokens apart', () => {
    const code = 'function f(a, b) {\n  if (a) {\n    return a + +b;\n  }\n  return [\n    1,\n    2\n  ];\n}\nvar x = typeof f;\n';
    expect(compactCode(code).toString()).toBe('function f(a,b){\nif(a){\nreturn a+ +b;}\nreturn[1,2];}\nvar x=typeof f;\n');
  });

  it('writes let for a const declaration, and leaves a property named const alone', () => {
    expect(compactCode('const a = { const: 1 };\nfor (const k in a) a.const = k;\n').toString())
      .toBe('let a={const:1};\nfor(let k in a)a.const=k;\n');
  });

  it('keeps a line break after return that the code relies on (ASI) and leaves untokenizable code alone', () => {
    expect(compactCode('function g() {\n  return\n  1;\n}\n').toString()).toBe('function g(){\nreturn\n1;}\n');
    expect(compactCode('var s = "unterminated\n').toString()).toBe('var s = "unterminated\n');
  });
});
