import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from '../../src/toolchain/cli/main';
import { ROOT, cli, fixture } from './harness';

describe('gtm-tpl commands and usage', () => {
  it('prints the usage on --help and exits 0', async () => {
    expect(await cli(['--help'])).toEqual({ code: 0, out: USAGE, err: [] });
    expect((await cli(['help'])).out).toEqual(USAGE);
  });

  it('prints the usage on stderr and exits 2 without a command or with an unknown one', async () => {
    expect(await cli([])).toEqual({ code: 2, out: [], err: ['gtm-tpl: no command given', ...USAGE] });
    expect(await cli(['deploy'])).toEqual({ code: 2, out: [], err: ["gtm-tpl: unknown command 'deploy'", ...USAGE] });
  });

  it('exits 2 on a missing file, an extra argument or an unknown option', async () => {
    expect(await cli(['test'])).toEqual({ code: 2, out: [], err: ['gtm-tpl test: missing <file.tpl>'] });
    expect((await cli(['lint', 'a.tpl', 'b.tpl'])).err).toEqual(["gtm-tpl lint: unexpected argument 'b.tpl'"]);
    expect((await cli(['lint', 'a.tpl', '--filter', 'x'])).err).toEqual(['gtm-tpl lint: unknown option --filter']);
    expect((await cli(['test', 'a.tpl', '--filter'])).err).toEqual(['gtm-tpl test: --filter needs a text']);
  });

  it('exits 2 when build has no template module or --out no file', async () => {
    expect(await cli(['build'])).toEqual({ code: 2, out: [], err: ['gtm-tpl build: missing <template.ts>'] });
    expect((await cli(['build', 'a.ts', '--out'])).err).toEqual(['gtm-tpl build: --out needs a file']);
  });
});

describe('the gtm-tpl bin built from scripts/gtm-tpl.ts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gtm-tpl-bin-'));
    // Packages stay external, as in the real bin; the link lets Node resolve them from the temp dir.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await build({
      entryPoints: [join(ROOT, 'scripts/gtm-tpl.ts')], outfile: join(dir, 'gtm-tpl.js'), bundle: true, platform: 'node',
      format: 'esm', target: 'node20', packages: 'external', banner: { js: '#!/usr/bin/env node' }, logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bin = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'gtm-tpl.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('runs a template\'s tests on Node with the same output and exit code as in-process', async () => {
    const run = bin('test', fixture('failing-tag.tpl'));
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual((await cli(['test', fixture('failing-tag.tpl')])).out);
    expect(run.stderr).toBe('');
  });

  it('exits 2 with a one-line message, not a stack trace, for a file it cannot read', () => {
    const run = bin('lint', fixture('missing.tpl'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(`${fixture('missing.tpl')}: cannot read the file (no such file)\n`);
  });
});
