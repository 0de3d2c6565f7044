// The bridge's build outputs (npm run build): a minified IIFE for a <script> tag or a GTM
// Custom HTML tag with every vendor, one more IIFE per vendor holding only that vendor's module
// (esbuild loads a one-vendor registry in place of src/core/vendors/registry.ts; ~4 KB less
// min+gzip), an ESM build, and TypeScript declarations for the ESM build. Everything is
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
import type { BuildOptions, Plugin } from 'esbuild';
import { VENDOR_IDS } from '../core/vendors/ids';
import type { VendorId } from '../core/model';
import type { BuildStepResult } from '../toolchain/build/step';

export const BRIDGE_FILES = {
  iife: 'dist/identify-bridge.min.js',
  esm: 'dist/identify-bridge.mjs',
  types: 'dist/identify-bridge.d.ts',
};
/** The IIFE holding only `vendor` (dist/identify-bridge.segment.min.js …). */
export const vendorIifeFile = (vendor: VendorId) => `dist/identify-bridge.${vendor}.min.js`;
/** Browsers of the last five years. */
const BRIDGE_TARGET = 'es2017';


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

/** Loads a registry holding only `vendor` where src/core/vendors/registry.ts is imported. */
function oneVendorRegistry(root: string, vendor: VendorId): Plugin {
  return {
    name: 'one-vendor-registry',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]src[\\/]core[\\/]vendors[\\/]registry\.ts$/ }, () => ({
        contents: `import { VENDOR } from './${vendor}';\nexport const VENDORS = { ${vendor}: VENDOR };\n`,
        loader: 'ts',
        resolveDir: resolve(root, 'src/core/vendors'),
      }));
    },
  };
}

/** The minified IIFE: every vendor (dist/identify-bridge.min.js), or only `vendor`. */
export function bundleIife(root: string, vendor?: VendorId, options: BuildOptions = {}) {
  return bundle(root, {
    entryPoints: ['src/bridge/iife.ts'], format: 'iife', minify: true, plugins: vendor ? [oneVendorRegistry(root, vendor)] : [],
    ...options,
  });
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

function declarations(root: string): BuildStepResult {
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

export async function buildBridge(root: string): Promise<BuildStepResult> {
  const [iife, esm, ...perVendor] = await Promise.all([
    bundleIife(root),
    bundle(root, { entryPoints: ['src/bridge/index.ts'], format: 'esm' }),
    ...VENDOR_IDS.map((vendor) => bundleIife(root, vendor)),
  ]);
  const types = declarations(root);
  const files: Record<string, string> = { [BRIDGE_FILES.iife]: iife.text };
  VENDOR_IDS.forEach((vendor, i) => {
    files[vendorIifeFile(vendor)] = perVendor[i].text;
  });
  return {
    files: { ...files, [BRIDGE_FILES.esm]: esm.text, ...types.files },
    problems: [iife, esm, ...perVendor].flatMap((part) => part.problems).concat(types.problems),
  };
}
