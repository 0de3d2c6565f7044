import { beforeAll, describe, expect, it } from 'vitest';
import { compileSandbox, type CompileResult } from '../../src/toolchain/pipeline/sandbox';
import { FIXTURES, ROOT, positionOf, where } from './fixtures';

const FILE = `${FIXTURES}/rejected/constructs.ts`;

/** [construct, rule, snippet of constructs.ts where the diagnostic must point] */
const REJECTED: [string, string, string][] = [
  ['new', 'no-new', 'new Maker()'],
  ['this', 'no-this', 'this; }'],
  ['a class', 'no-class', 'class Point'],
  ['a destructuring declaration', 'no-destructuring', '{ key } = obj'],
  ['a destructuring parameter', 'no-destructuring', '{ b }) {'],
  ['a destructuring assignment', 'no-destructuring', '[x, y] = [y, x]'],
  ['spread in a call', 'no-spread', '...list)'],
  ['spread in an array', 'no-spread', '...list]'],
  ['object spread', 'no-spread', '...obj'],
  ['a rest parameter', 'no-spread', '...items'],
  ['for…of', 'no-for-of', 'for (const item'],
  ['try/catch', 'no-try', 'try {'],
  ['throw', 'no-throw', "throw 'stop'"],
  ['a regex literal', 'no-regex', '/a+/'],
  ['delete', 'no-delete', 'delete obj.key'],
  ['void', 'no-void', 'void tick()'],
  ['in', 'no-in', "'key' in obj"],
  ['instanceof', 'no-instanceof', 'obj instanceof'],
  ['a label', 'no-label', 'outer: for'],
  ['a labelled break', 'no-label', 'break outer'],
  ['a getter', 'no-accessor', 'get size()'],
  ['**', 'no-exponent', '2 ** 8'],
  ['**=', 'no-exponent', 'n **= 2'],
  ['a comma expression', 'no-comma', 'tick(), 2'],
  ['do…while', 'no-do-while', 'do { n--'],
  ['a default parameter', 'no-default-param', "name = 'you'"],
  ['a generator', 'no-generator', 'function* count'],
  ['an async function', 'no-async', 'async function later'],
  ['debugger', 'no-debugger', 'debugger;'],
  ['an undeclared identifier', 'undeclared', 'undeclaredThing()'],
  ['Date', 'no-global', 'Date.now'],
  ['String#includes', 'unknown-method', 'includes('],
  ['String#charCodeAt', 'unknown-method', 'charCodeAt('],
  ['Object.assign', 'unknown-member', 'assign('],
  ['Array.isArray', 'no-global', 'Array.isArray'],
  ['a shorthand method', 'no-object-extension', 'run() {'],
  ['a computed key', 'no-object-extension', "'k' + n"],
  ['a setter', 'no-accessor', 'set size('],
  ['window', 'no-global', 'window.location'],
  ['document', 'no-global', 'document.title'],
  ['parseInt', 'no-global', "parseInt('42')"],
  ['String#startsWith', 'unknown-method', 'startsWith('],
  ['Array#find', 'unknown-method', 'find(tick)'],
  ['Math.random', 'unknown-member', 'random()'],
];

describe('compileSandbox on TypeScript the sandbox cannot run', () => {
  let result: CompileResult;
  beforeAll(async () => {
    result = await compileSandbox({ entry: FILE, cwd: ROOT });
  });

  it.each(REJECTED)('reports %s as %s at its TypeScript line and column', (_construct, rule, snippet) => {
    expect(result.diagnostics.map(where)).toContain(where({ rule, ...positionOf(FILE, snippet) }));
  });

  it('reports nothing but those constructs, each once', () => {
    const expected = REJECTED.map(([, rule, snippet]) => where({ rule, ...positionOf(FILE, snippet) }));
    expect(result.diagnostics.map(where).sort()).toEqual(expected.sort());
  });

  it('leaves object spread and ** in the code for the gate instead of emitting esbuild helpers', () => {
    expect(result.code).toContain('var merged = { ...obj, more: true };');
    expect(result.code).toContain('var power = 2 ** 8;');
    expect(result.code).not.toMatch(/__spreadValues|__pow/);
  });

  it('explains what to use instead', () => {
    const messageAt = (snippet: string): string | undefined => {
      const at = positionOf(FILE, snippet);
      return result.diagnostics.find((d) => d.line === at.line && d.column === at.column)?.message;
    };
    expect(messageAt('Date.now')).toBe("`Date` is not available in the sandbox; use getTimestampMillis from 'gtm-sandbox'");
    expect(messageAt('includes(')).toContain('use indexOf(x) >= 0');
    expect(messageAt("parseInt('42')")).toBe("`parseInt` is not available in the sandbox; use makeInteger from 'gtm-sandbox'");
    expect(messageAt('window.location')).toContain('copyFromWindow / callInWindow / setInWindow');
    expect(messageAt('assign(')).toContain("not in the sandbox's Object (it has keys, values, entries, freeze, delete)");
  });
});
