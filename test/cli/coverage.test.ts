import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../src/toolchain/builder/template';
import { codeMapFile, findCodeMap } from '../../src/toolchain/coverage/code-map-file';
import { readTemplate } from '../../src/toolchain/tpl';
import { positionIn } from '../snippet-position';
import { fields } from '../fixtures/build/ok/fields';
import { ROOT, cli, fixture, positionOf } from './harness';

/** Line number → hit count, per file, from an lcov.info. */
function lcovLines(text: string): Map<string, Map<number, number>> {
  const files = new Map<string, Map<number, number>>();
  let current = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('SF:')) files.set(line.slice(3), (current = new Map()));
    const hit = /^DA:(\d+),(\d+)/.exec(line);
    if (hit) current.set(Number(hit[1]), Number(hit[2]));
  }
  return files;
}

const lineOf = (name: string, snippet: string): number => Number(positionOf(name, snippet).split(':')[0]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gtm-tpl-coverage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Copies a CLI fixture into the temporary working directory. */
function place(name: string): string {
  copyFileSync(join(ROOT, fixture(name)), join(dir, name));
  return name;
}

const SUMMARY_HEAD = '=============================== Coverage summary ===============================';

describe('gtm-tpl test --coverage', () => {
  it('prints istanbul\'s summary before the totals and writes lcov.info and an HTML report under coverage/ where it runs', async () => {
    const run = await cli(['test', place('passing-tag.tpl'), '--coverage', '--filter', 'identifies'], {}, dir);
    expect(run).toEqual({
      code: 0,
      out: [
        'PASS identifies the user',
        SUMMARY_HEAD,
        'Statements   : 71.42% ( 5/7 )',
        'Branches     : 50% ( 1/2 )',
        'Functions    : 100% ( 0/0 )',
        'Lines        : 71.42% ( 5/7 )',
        '='.repeat(80),
        'coverage report: coverage/index.html, coverage/lcov.info',
        '1 passed, 0 failed',
      ],
      err: [],
    });
    expect(existsSync(join(dir, 'coverage/index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'coverage/passing-tag.tpl.html'), 'utf8')).toContain('identify: no user id');
  });

  it('counts at the .tpl\'s own line numbers, so the lines of a branch no scenario takes are the ones at 0', async () => {
    await cli(['test', place('passing-tag.tpl'), '--coverage', '--filter', 'identifies'], {}, dir);
    const lines = lcovLines(readFileSync(join(dir, 'coverage/lcov.info'), 'utf8')).get('passing-tag.tpl');
    const at = (snippet: string) => lineOf('passing-tag.tpl', snippet);
    expect(lines).toEqual(new Map([
      [at("const callInWindow = require"), 1],
      [at("const logToConsole = require"), 1],
      [at('if (!data.userId)'), 1],
      [at("logToConsole('identify: no user id')"), 0],
      [at('return data.gtmOnFailure()'), 0],
      [at("callInWindow('analytics.identify'"), 1],
      [at('data.gtmOnSuccess()'), 1],
    ]));
  });

  it('adds up the runs of every scenario', async () => {
    await cli(['test', place('passing-tag.tpl'), '--coverage'], {}, dir);
    const lines = lcovLines(readFileSync(join(dir, 'coverage/lcov.info'), 'utf8')).get('passing-tag.tpl');
    expect(lines?.get(lineOf('passing-tag.tpl', 'const callInWindow = require'))).toBe(2);
    expect(lines?.get(lineOf('passing-tag.tpl', "logToConsole('identify: no user id')"))).toBe(1);
  });

  it('leaves every scenario\'s outcome as it is without coverage: permission refusals, sandbox errors, failures and exit codes', async () => {
    for (const name of ['permission-violating.tpl', 'syntax-violating.tpl', 'failing-tag.tpl', 'variable.tpl']) {
      const plain = await cli(['test', fixture(name)]);
      const covered = await cli(['test', place(name), '--coverage'], {}, dir);
      expect(covered.code).toBe(plain.code);
      const scenarioLines = (out: string[]) => out.filter((line) => /^(PASS|FAIL) |^\d+ passed/.test(line));
      expect(scenarioLines(covered.out)).toEqual(scenarioLines(plain.out));
    }
  });

  it('fails with exit 1 and one line that says so when fewer code lines run than --min-lines asks', async () => {
    const run = await cli(['test', place('passing-tag.tpl'), '--coverage', '--min-lines', '90', '--filter', 'identifies'], {}, dir);
    expect(run.code).toBe(1);
    expect(run.out.slice(-2)).toEqual(['coverage: 71.42% of code lines run, below --min-lines 90', '1 passed, 0 failed']);
    const enough = await cli(['test', 'passing-tag.tpl', '--coverage', '--min-lines=71.42', '--filter', 'identifies'], {}, dir);
    expect(enough.code).toBe(0);
  });

  it('refuses --min-lines without --coverage or without a percentage, as bad usage (exit 2)', async () => {
    expect(await cli(['test', fixture('passing-tag.tpl'), '--min-lines', '90'])).toEqual({
      code: 2, out: [], err: ['gtm-tpl test: --min-lines needs --coverage'],
    });
    for (const value of ['ninety', '101', '-5']) {
      const run = await cli(['test', fixture('passing-tag.tpl'), '--coverage', `--min-lines=${value}`]);
      expect(run).toEqual({ code: 2, out: [], err: ['gtm-tpl test: --min-lines needs a percentage from 0 to 100'] });
    }
  });

  it('reports a template whose scenarios never run its code at 0%', async () => {
    const run = await cli(['test', place('no-tests.tpl'), '--coverage'], {}, dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Lines        : 0% ( 0/1 )');
  });

  it('replaces the reports of an earlier run', async () => {
    writeFileSync(join(dir, 'old.txt'), '');
    await cli(['test', place('passing-tag.tpl'), '--coverage'], {}, dir);
    writeFileSync(join(dir, 'coverage/stale.html'), '');
    await cli(['test', 'passing-tag.tpl', '--coverage'], {}, dir);
    expect(existsSync(join(dir, 'coverage/stale.html'))).toBe(false);
    expect(existsSync(join(dir, 'old.txt'))).toBe(true);
  });
});

describe('gtm-tpl test --coverage on a template built from TypeScript', () => {
  const OK = 'test/fixtures/build/ok';
  async function buildInto(target: string): Promise<{ tpl: string; code: string }> {
    const built = await buildTemplate({
      info: { displayName: 'Fixture tag', description: 'Identifies on a chosen global.' },
      fields,
      entry: `${OK}/code.ts`,
      tests: { setup: `${OK}/setup.ts`, files: [`${OK}/tag.scenarios.ts`] },
    }, { cwd: ROOT });
    const tpl = join(target, 'tag.tpl');
    writeFileSync(tpl, built.text);
    writeFileSync(`${tpl}.map`, codeMapFile(built.codeMap ?? {}, built.model.code, { tplPath: tpl, mapFile: `${tpl}.map`, root: ROOT }));
    return { tpl, code: built.model.code };
  }

  it('also reports the TypeScript lines through the build\'s source map, in coverage/typescript/', async () => {
    const { tpl } = await buildInto(dir);
    const run = await cli(['test', tpl, '--coverage', '--filter', 'chosen global'], {}, dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('TypeScript sources (through tag.tpl.map):');
    expect(run.out).toContain('coverage report: coverage/typescript/index.html, coverage/typescript/lcov.info');
    const source = join(ROOT, OK, 'code.ts');
    const lines = lcovLines(readFileSync(join(dir, 'coverage/typescript/lcov.info'), 'utf8'));
    const code = [...lines.entries()].find(([file]) => join(dir, file) === source)?.[1];
    const text = readFileSync(source, 'utf8');
    const at = (snippet: string) => positionIn(text, snippet).line;
    expect(code?.get(at("callInWindow(name + '.identify'"))).toBe(1);
    expect(code?.get(at("logToConsole('unknown global')"))).toBe(0);
    expect(code?.has(at('declare const data'))).toBe(false);
  });

  it('finds the map npm run build writes to dist/ for template/template.tpl, built from its very code', () => {
    const tpl = join(ROOT, 'template/template.tpl');
    const { model } = readTemplate(readFileSync(tpl, 'utf8'));
    const found = findCodeMap(tpl, dir, model.code, (path) => readFileSync(path, 'utf8'));
    expect(found.file).toBe(relative(dir, join(ROOT, 'dist/template.tpl.map')));
    expect(found.map?.sources).toContain(join(ROOT, 'src/core/engine.ts'));
    expect(found.map?.sources).toContain(join(ROOT, 'src/template/code.ts'));
  });

  it('ignores a source map built from other code, and says so', async () => {
    const { tpl } = await buildInto(dir);
    writeFileSync(tpl, readFileSync(tpl, 'utf8').replace('unknown global', 'no such global'));
    const run = await cli(['test', tpl, '--coverage'], {}, dir);
    expect(run.out).toContain('note: tag.tpl.map was built from other code: build again to see TypeScript lines');
    expect(existsSync(join(dir, 'coverage/typescript'))).toBe(false);
  });
});

describe("the template's own ___TESTS___ scenarios", () => {
  it('run at least 90% of its code lines, as GTM runs them (gtm-tpl test --coverage --min-lines 90)', async () => {
    const run = await cli(['test', join(ROOT, 'template/template.tpl'), '--coverage', '--min-lines', '90'], {}, dir);
    expect(run.out.filter((line) => line.startsWith('FAIL') || line.startsWith('coverage:'))).toEqual([]);
    expect(run.code).toBe(0);
  }, 180_000);
});
