import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { compileSandbox, type CompileResult } from '../../src/toolchain/pipeline/sandbox';
import { FIXTURES, ROOT, positionOf, where } from './fixtures';

const BUNDLE = `${FIXTURES}/bundle`;
const compileBundle = (): Promise<CompileResult> =>
  compileSandbox({ entry: `${BUNDLE}/entry.ts`, sandboxModules: [`${BUNDLE}/lang.ts`], cwd: ROOT });

describe('compileSandbox on a realistic multi-module entry', () => {
  let result: CompileResult;
  beforeAll(async () => {
    result = await compileBundle();
  });

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('puts one require line per sandbox API at the top, aliased imports keeping their local name', () => {
    expect(result.code.split('\n').slice(0, 8)).toEqual([
      "const getType = require('getType');",
      "const text = require('makeString');",
      "const call = require('callInWindow');",
      "const logToConsole = require('logToConsole');",
      "const Object = require('Object');",
      "const JSON = require('JSON');",
      "const Math = require('Math');",
      '',
    ]);
  });

  it('requires getType once although three modules import it (one through the sandbox module)', () => {
    expect(result.code.match(/require\('getType'\)/g)).toHaveLength(1);
    expect(result.code).not.toMatch(/getType\d/);
  });

  it('does not bundle the sandbox-provided module', () => {
    expect(result.code).not.toContain('function getType');
    expect(result.code).not.toContain('lang.ts');
  });

  it('is one flat script: no import, export or module wrapper, with the module comments kept', () => {
    expect(result.code).not.toMatch(/^\s*(import|export)\b/m);
    expect(result.code).not.toMatch(/__\w+\(/);
    expect(result.code).toContain('// test/fixtures/compile/bundle/format.ts\nfunction describeTraits(traits) {');
    expect(result.code).toContain('// test/fixtures/compile/bundle/entry.ts\nvar summary = describeTraits(data.traits);');
  });

  it('lowers template literals, ?. and ?? without helpers and writes undefined for void 0', () => {
    expect(result.code).toContain('"".concat(key, "=").concat(text(toObject(set)[key]))');
    expect(result.code).toContain('(_c = data2.options) == null ? undefined : _c.debug');
    expect(result.code).toContain('(_b = data2.userId) != null ? _b : null');
    expect(result.code).not.toMatch(/\?\.|\?\?|`|void 0/);
  });

  it('gives the same bytes when compiled twice', async () => {
    const again = await compileBundle();
    expect(again.code).toBe(result.code);
  });

  it('runs as the body of a function of data and require', () => {
    const callInWindow = vi.fn();
    const logToConsole = vi.fn();
    const apis: Record<string, unknown> = {
      getType: (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v),
      makeString: String,
      callInWindow,
      logToConsole,
      Object: { keys: Object.keys },
      JSON: { stringify: JSON.stringify, parse: JSON.parse },
      Math: { floor: Math.floor },
    };
    const data = {
      userId: 'u1',
      traits: [{ key: 'plan', value: 'pro' }, { key: 'age', value: undefined }],
      options: { debug: true },
      score: 0.1234,
      gtmOnSuccess: vi.fn(),
      gtmOnFailure: vi.fn(),
    };
    const run = new Function('data', 'require', result.code);
    run(data, (name: string) => apis[name]);
    expect(callInWindow.mock.calls).toEqual([
      ['analytics.identify', 'u1', { plan: 'pro', age: undefined }],
      ['analytics.identify', 'u1', { score: 0.12 }],
    ]);
    expect(logToConsole).toHaveBeenCalledWith('identify u1 with {"plan":"pro"}');
    expect(data.gtmOnSuccess).toHaveBeenCalledTimes(1);
    expect(data.gtmOnFailure).not.toHaveBeenCalled();
  });
});

describe('compileSandbox on entries the sandbox cannot take', () => {
  it('reports each export of the entry at its declaration and drops the export statement', async () => {
    const file = `${FIXTURES}/rejected/exports.ts`;
    const result = await compileSandbox({ entry: file, cwd: ROOT });
    expect(result.diagnostics.map(where)).toEqual([
      where({ rule: 'no-export', ...positionOf(file, 'kind(value') }),
      where({ rule: 'no-export', ...positionOf(file, 'answer') }),
    ]);
    expect(result.code).not.toMatch(/^export\b/m);
  });

  it('reports require() and import() in the source instead of wrapping modules in CommonJS helpers', async () => {
    const file = `${FIXTURES}/rejected/module-syntax.ts`;
    const result = await compileSandbox({ entry: file, cwd: ROOT });
    expect(result.diagnostics.map(where)).toEqual([
      where({ rule: 'no-module-syntax', ...positionOf(file, "'./helper-lib');\nconst later") }),
      where({ rule: 'no-module-syntax', ...positionOf(file, "'./helper-lib');\nlib.double") }),
    ]);
  });

  it('reports a construct that needs an esbuild helper where it is written, and ships no helper', async () => {
    const file = `${FIXTURES}/rejected/helpers.ts`;
    const result = await compileSandbox({ entry: file, cwd: ROOT });
    expect(result.diagnostics.map(where)).toEqual([
      where({ rule: 'esbuild-helper', ...positionOf(file, '`a${1}b`') }),
      where({ rule: 'esbuild-helper', ...positionOf(file, 'lib, tagged') }),
    ]);
    expect(result.diagnostics[0].message).toContain('tagged template literal');
    expect(result.diagnostics[1].message).toContain('namespace import');
    expect(result.code).not.toMatch(/var __\w+ =/);
  });

  it('reports a name imported from a sandbox module that is no sandbox API at the import', async () => {
    const file = `${FIXTURES}/rejected/not-an-api.ts`;
    const result = await compileSandbox({ entry: file, sandboxModules: [`${BUNDLE}/lang.ts`], cwd: ROOT });
    expect(result.diagnostics).toEqual([
      { rule: 'bad-require', ...positionOf(file, 'shout }'), message: '`shout` is not a web sandbox API' },
    ]);
    expect(result.code).toContain("const shout = require('shout');");
  });

  it('reports a namespace import of sandbox APIs once, at the import', async () => {
    const file = `${FIXTURES}/rejected/namespace-import.ts`;
    const result = await compileSandbox({ entry: file, sandboxModules: [`${BUNDLE}/lang.ts`], cwd: ROOT });
    expect(result.diagnostics.map(where)).toEqual([where({ rule: 'bad-import', ...positionOf(file, '* as lang') })]);
  });

  it('turns an unresolvable import into a diagnostic at the import path', async () => {
    const file = `${FIXTURES}/rejected/unresolved.ts`;
    const result = await compileSandbox({ entry: file, cwd: ROOT });
    expect(result.code).toBe('');
    expect(result.diagnostics).toEqual([
      { rule: 'esbuild', ...positionOf(file, "'./does-not-exist'"), message: 'Could not resolve "./does-not-exist"' },
    ]);
  });

  it('turns a syntax error into a diagnostic instead of throwing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gtm-compile-'));
    await writeFile(join(dir, 'broken.ts'), 'const ok = 1;\nconst broken = (ok +;\n');
    const result = await compileSandbox({ entry: 'broken.ts', cwd: dir });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'broken.ts', line: 2, column: 21, rule: 'esbuild' });
  });

  it('accepts an entry whose only export is export {}', async () => {
    const file = `${FIXTURES}/rejected/constructs.ts`; // starts with `export {};`
    const result = await compileSandbox({ entry: file, cwd: ROOT });
    expect(result.diagnostics.some((d) => d.rule === 'no-export' || d.rule === 'no-module-syntax')).toBe(false);
    expect(result.code).not.toMatch(/^export\b/m);
  });
});

describe('compileSandbox on shorthand properties', () => {
  it('expands them to key: value, which ES5.1 object literals need, and the gate accepts the result', async () => {
    const shorthand = await compileSandbox({ entry: `${FIXTURES}/shorthand/entry.ts`, cwd: ROOT });
    expect(shorthand.diagnostics).toEqual([]);
    expect(shorthand.code).toContain('var payload = {\n  userId: userId,\n  traits: traits,\n  getType: getType\n};');
    expect(shorthand.code).toContain('logToConsole(payload, { userId: userId });');
  });
});
