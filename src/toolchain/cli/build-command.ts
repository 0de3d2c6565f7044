// `gtm-tpl build <template.ts> [--out <file.tpl>]`: a template written in TypeScript → its .tpl.
// The module default-exports (or exports as TEMPLATE) a TemplateSource; the paths in it are
// relative to the working directory. esbuild bundles the module to a temporary file so Node can
// import it (Node 20 cannot strip types). Beside the .tpl goes <file.tpl>.map, the code's source
// map that `gtm-tpl test --coverage` reads. Any problem fails the build and writes nothing.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildTemplate, type TemplateSource } from '../builder/template';
import { formatDiagnostic } from '../diagnostics/diagnostic';
import { codeMapFile } from '../coverage/code-map-file';
import { EXIT, type CliIO, type ExitCode } from './io';

export const DEFAULT_OUT = 'template.tpl';

export async function buildCommand(file: string, out: string, io: CliIO): Promise<ExitCode> {
  const loaded = await loadSource(resolve(io.cwd, file));
  if (typeof loaded === 'string') {
    io.err(formatDiagnostic({ file, rule: 'unloadable', message: loaded }));
    return EXIT.unreadable;
  }
  const built = await buildTemplate(loaded, { cwd: io.cwd });
  for (const d of built.diagnostics) io.err(formatDiagnostic(d));
  if (built.diagnostics.length > 0) return EXIT.problems;
  const target = resolve(io.cwd, out);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, built.text);
  io.out(`wrote ${out}`);
  if (built.codeMap) {
    writeFileSync(`${target}.map`, codeMapFile(built.codeMap, built.model.code, { tplPath: target, mapFile: `${target}.map`, root: io.cwd }));
    io.out(`wrote ${out}.map`);
  }
  return EXIT.ok;
}

/** The module's TemplateSource, or why there is none. */
async function loadSource(path: string): Promise<TemplateSource | string> {
  const dir = mkdtempSync(join(tmpdir(), 'gtm-tpl-build-'));
  try {
    const outfile = join(dir, 'template.mjs');
    try {
      await build({ entryPoints: [path], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
    } catch (error) {
      const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
      return `cannot load the module (${first ?? String(error)})`;
    }
    const module = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
    const source = module.default ?? module.TEMPLATE;
    return isTemplateSource(source) ? source : 'the module exports no template (a TemplateSource as default or as TEMPLATE)';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isTemplateSource(value: unknown): value is TemplateSource {
  const v = value as Partial<TemplateSource> | undefined;
  return typeof v === 'object' && v !== null && typeof v.entry === 'string' && Array.isArray(v.fields) && typeof v.info === 'object';
}
