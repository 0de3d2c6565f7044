import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../src/toolchain/builder/template';
import template from '../fixtures/build/ok/template';
import { ROOT, cli } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'gtm-tpl-build-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = (name: string) => relative(ROOT, join(dir, name));

describe('gtm-tpl build <template.ts>', () => {
  it('writes the .tpl of a template module and exits 0', async () => {
    const run = await cli(['build', 'test/fixtures/build/ok/template.ts', '--out', out('ok.tpl')]);
    expect(run).toEqual({ code: 0, out: [`wrote ${out('ok.tpl')}`, `wrote ${out('ok.tpl')}.map`], err: [] });
    expect(readFileSync(join(dir, 'ok.tpl'), 'utf8')).toBe((await buildTemplate(template, { cwd: ROOT })).text);
  });

  it('writes the code\'s source map beside the .tpl, so coverage is also reported at the TypeScript lines', async () => {
    const run = await cli(['test', 'ok.tpl', '--coverage'], {}, dir);
    expect(run.out).toContain('TypeScript sources (through ok.tpl.map):');
  });

  it('builds this project\'s template byte for byte as committed by npm run build', async () => {
    expect((await cli(['build', 'src/template/index.ts', '--out', out('identify.tpl')])).code).toBe(0);
    expect(readFileSync(join(dir, 'identify.tpl'), 'utf8')).toBe(readFileSync(join(ROOT, 'template/template.tpl'), 'utf8'));
  });

  it('reports the problems at the TypeScript line, writes nothing and exits 1', async () => {
    const run = await cli(['build', 'test/fixtures/build/bad/template.ts', '--out', out('bad.tpl')]);
    expect(run.code).toBe(1);
    expect(run.err.some((line) => line.startsWith('test/fixtures/build/bad/code.ts:'))).toBe(true);
    expect(existsSync(join(dir, 'bad.tpl'))).toBe(false);
  });

  it('exits 2 with one line for a module it cannot load or one that exports no template', async () => {
    const missing = await cli(['build', 'test/fixtures/build/none.ts', '--out', out('x.tpl')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toHaveLength(1);
    expect(missing.err[0]).toMatch(/^test\/fixtures\/build\/none\.ts: cannot load the module/);
    writeFileSync(join(dir, 'empty.ts'), 'export const nothing = 1;\n');
    expect(await cli(['build', out('empty.ts'), '--out', out('x.tpl')])).toEqual({
      code: 2, out: [], err: [`${out('empty.ts')}: the module exports no template (a TemplateSource as default or as TEMPLATE)`],
    });
  });
});
