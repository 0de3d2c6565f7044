// The bridge's build outputs (npm run build): one minified IIFE for a <script> tag or a GTM
// Custom HTML tag, an ESM build, and TypeScript declarations for the ESM build. Everything is
// returned as text so that the project build writes it; the same sources give the same bytes.
//
// Declarations come from the sources through tsc (emitDeclarationOnly into a temporary
// directory), kept as one tree under dist/types/ with '.js' added to relative specifiers so
// that they resolve under Node's ESM resolution too; dist/identify-bridge.d.ts re-exports the
// bridge's entry.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

export const BRIDGE_FILES = {
  iife: 'dist/identify-bridge.min.js',
  esm: 'dist/identify-bridge.mjs',
  types: 'dist/identify-bridge.d.ts',
};
/** Browsers of the last five years. */
export const BRIDGE_TARGET = 'es2017';

interface BuildResult {
  files: Record<string, string>;
  problems: string[];
}

async function bundle(root: string, options: BuildOptions): Promise<{ text: string; problems: string[] }> {
  try {
    const result = await build({
      absWorkingDir: root, bundle: true, write: false, target: BRIDGE_TARGET, platform: 'browser',
      legalComments: 'none', logLevel: 'silent', charset: 'utf8', ...options,
    });
    return { text: result.outputFiles![0].text, problems: result.warnings.map((w) => w.text) };
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string }> }).errors;
    return { text: '', problems: errors ? errors.map((e) => e.text) : [String(error)] };
  }
}

/** The minified IIFE (dist/identify-bridge.min.js). */
export function bundleIife(root: string) {
  return bundle(root, { entryPoints: ['src/bridge/iife.ts'], format: 'iife', minify: true });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** Relative specifiers get '.js', which Node's ESM resolution maps to the .d.ts next to it. */
function withExtensions(text: string): string {
  return text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)(\2)/g, (_all, lead, quote, path) => `${lead}${quote}${path}.js${quote}`);
}

function declarations(root: string): BuildResult {
  const out = mkdtempSync(join(tmpdir(), 'identify-bridge-dts-'));
  try {
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [
      tsc, '--ignoreConfig', '--declaration', '--emitDeclarationOnly', '--outDir', out, '--rootDir', 'src',
      '--target', 'es2022', '--module', 'preserve', '--moduleResolution', 'bundler', '--lib', 'es2022,dom,dom.iterable',
      '--types', '', '--strict', '--skipLibCheck', '--newLine', 'lf', 'src/bridge/index.ts',
    ], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) return { files: {}, problems: [`tsc failed: ${(run.stdout + run.stderr).trim() || run.error}`] };
    const files: Record<string, string> = {};
    for (const file of walk(out)) {
      files[`dist/types/${relative(out, file).split('\\').join('/')}`] = withExtensions(readFileSync(file, 'utf8'));
    }
    files[BRIDGE_FILES.types] = "// Types of dist/identify-bridge.mjs (generated from src/bridge by tsc).\nexport * from './types/bridge/index.js';\n";
    return { files, problems: [] };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function buildBridge(root: string): Promise<BuildResult> {
  const [iife, esm] = await Promise.all([
    bundleIife(root),
    bundle(root, { entryPoints: ['src/bridge/index.ts'], format: 'esm' }),
  ]);
  const types = declarations(root);
  return {
    files: { [BRIDGE_FILES.iife]: iife.text, [BRIDGE_FILES.esm]: esm.text, ...types.files },
    problems: [...iife.problems, ...esm.problems, ...types.problems],
  };
}
