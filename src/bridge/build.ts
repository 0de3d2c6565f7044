// The bridge's build outputs (npm run build):
// - dist/identify-bridge.min.js, the snippet a page embeds (src/bridge/iife.ts);
// - dist/identify-bridge.engine.min.js (every vendor) and dist/identify-bridge.engine.<vendor>.min.js
//   (one vendor: esbuild loads a one-vendor registry in place of src/core/vendors/registry.ts),
//   the production engines the snippet loads next to itself: they trust the config and carry
//   message codes instead of texts (message-codes.ts);
// - dist/identify-bridge.engine.debug.min.js, the debug engine (every vendor, the config checked
//   in full, every message's text), which the snippet loads when the config says `debug: true`;
// - dist/identify-bridge.full.min.js, snippet and every vendor's production engine in one file,
//   and dist/identify-bridge.full.debug.min.js, the same with the debug engine;
// - dist/identify-bridge.codes.json, what each message code of the production builds stands for;
// - the ESM build (dist/identify-bridge.mjs and the chunks its dynamic import() of the engine
//   splits off), and TypeScript declarations for it.
// The IIFEs are minified by esbuild (which names the snippet's own properties short, SNIPPET_PROPS)
// and then once more by oxc (squeeze()). Everything is returned
// as text so that the project build writes it; the same sources give the same bytes.
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
import { minifySync } from 'rolldown/utils';
import type { BuildOptions, Plugin } from 'esbuild';
import { VENDOR_IDS } from '../core/vendors/ids';
import { engineFile } from './engine-files';
import { codeTable, messageCodes } from './message-codes';
import { snippetCodes, snippetTable, snippetTexts } from './snippet-codes';
import type { VendorId } from '../core/model';
import type { BuildStepResult } from '../toolchain/builder/step';

export const BRIDGE_FILES = {
  snippet: 'dist/identify-bridge.min.js',
  full: 'dist/identify-bridge.full.min.js',
  fullDebug: 'dist/identify-bridge.full.debug.min.js',
  engineDebug: 'dist/' + engineFile(null, true),
  /** What each code of the production engines stands for. */
  codes: 'dist/identify-bridge.codes.json',
  esm: 'dist/identify-bridge.mjs',
  types: 'dist/identify-bridge.d.ts',
};
/** The engine with every vendor, or only `vendor`: dist/identify-bridge.engine[.<vendor>].min.js. */
export const engineDistFile = (vendor?: VendorId) => 'dist/' + engineFile(vendor);
/** Browsers of the last five years. */
const BRIDGE_TARGET = 'es2017';


/** The output files by path relative to `root` (the first one is `text`), and esbuild's problems. */
async function bundle(root: string, options: BuildOptions): Promise<{ text: string; files: Record<string, string>; problems: string[] }> {
  try {
    const result = await build({
      absWorkingDir: root, bundle: true, write: false, target: BRIDGE_TARGET, platform: 'browser',
      legalComments: 'none', logLevel: 'silent', charset: 'utf8', ...options,
    });
    const files = Object.fromEntries(result.outputFiles!.map((file) => [relative(root, file.path).split('\\').join('/'), file.text]));
    return { text: result.outputFiles![0].text, files, problems: result.warnings.map((w) => w.text) };
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string }> }).errors;
    return { text: '', files: {}, problems: errors ? errors.map((e) => e.text) : [String(error)] };
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

/** The IIFE builds by what they hold; the production engine may hold one vendor only. */
const IIFE_ENTRIES = {
  snippet: 'src/bridge/iife.ts', engine: 'src/bridge/engine-script.ts', full: 'src/bridge/full.ts',
  engineDebug: 'src/bridge/engine-debug-script.ts', fullDebug: 'src/bridge/full-debug.ts',
};
/** The builds whose core messages are codes. */
const PRODUCTION: Array<keyof typeof IIFE_ENTRIES> = ['engine', 'full'];
/** The builds holding the production snippet, whose own texts are codes (snippet-codes.ts). */
const PRODUCTION_SNIPPET: Array<keyof typeof IIFE_ENTRIES> = ['snippet', 'full'];
/** The builds holding the snippet. */
const WITH_SNIPPET: Array<keyof typeof IIFE_ENTRIES> = ['snippet', 'full', 'fullDebug'];

/**
 * Properties of the snippet's own objects (the watcher's options and message meta, the click
 * hooks), which esbuild names short in the builds holding the snippet. None is a config key, the
 * page's, or read by the engine (a test holds that no engine has any of them), so only the snippet's
 * code, which is bundled whole, writes and reads them.
 */
export const SNIPPET_PROPS = /^(events|kind|wants|onMessage|onError|refuses|refusedKeys|past)$/;

/**
 * esbuild's minified output minified once more by oxc (rolldown's minifier, which vitest's vite
 * brings too): its compression, and its mangler, which names the bindings of every scope in the
 * same order (e, t, n, …) so that gzip finds more repeats: ~3 % less min+gzip than esbuild alone.
 */
function squeeze(built: { text: string; files: Record<string, string>; problems: string[] }) {
  if (built.problems.length > 0) return built;
  const result = minifySync('bridge.js', built.text, { compress: { target: BRIDGE_TARGET }, mangle: { toplevel: true } });
  return { ...built, text: result.code, problems: result.errors.map((error) => error.message) };
}

/** A minified IIFE: the snippet, an engine (every vendor, or only `vendor`) or a one-file build. */
export async function bundleIife(root: string, what: keyof typeof IIFE_ENTRIES, vendor?: VendorId, options: BuildOptions = {}) {
  const plugins = (vendor ? [oneVendorRegistry(root, vendor)] : [])
    .concat(PRODUCTION.indexOf(what) >= 0 ? [messageCodes()] : [])
    .concat(PRODUCTION_SNIPPET.indexOf(what) >= 0 ? [snippetCodes(root)] : [])
    // the debug engine hands the production snippet the texts of its codes
    .concat(what === 'engineDebug' ? [snippetTexts(root)] : []);
  const mangleProps = WITH_SNIPPET.indexOf(what) >= 0 ? SNIPPET_PROPS : undefined;
  const built = await bundle(root, { entryPoints: [IIFE_ENTRIES[what]], format: 'iife', minify: true, plugins, mangleProps, ...options });
  return options.minify === false ? built : squeeze(built);
}

/** The ESM build: the entry and the chunks that its import() of the engine splits off. */
export function bundleEsm(root: string) {
  return bundle(root, {
    entryPoints: { 'identify-bridge': 'src/bridge/index.ts' }, format: 'esm', splitting: true, outdir: 'dist',
    outExtension: { '.js': '.mjs' }, chunkNames: 'identify-bridge.[name]-[hash]',
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

/** Every minified IIFE the build writes, by file. */
export async function bridgeIifes(root: string, options: BuildOptions = {}) {
  const builds: Array<[string, ReturnType<typeof bundleIife>]> = [
    [BRIDGE_FILES.snippet, bundleIife(root, 'snippet', undefined, options)],
    [BRIDGE_FILES.full, bundleIife(root, 'full', undefined, options)],
    [BRIDGE_FILES.fullDebug, bundleIife(root, 'fullDebug', undefined, options)],
    [BRIDGE_FILES.engineDebug, bundleIife(root, 'engineDebug', undefined, options)],
    [engineDistFile(), bundleIife(root, 'engine', undefined, options)],
    ...VENDOR_IDS.map((vendor): [string, ReturnType<typeof bundleIife>] => [engineDistFile(vendor), bundleIife(root, 'engine', vendor, options)]),
  ];
  const built = await Promise.all(builds.map(([, pending]) => pending));
  return builds.map(([file], i) => ({ file, ...built[i] }));
}

export async function buildBridge(root: string): Promise<BuildStepResult> {
  const [iifes, esm, codes, snippetCodeTable] = await Promise.all([bridgeIifes(root), bundleEsm(root), codeTable(root), snippetTable(root)]);
  const types = declarations(root);
  // the production snippet's codes ({s3} in a line) after the engines'
  const files: Record<string, string> = { [BRIDGE_FILES.codes]: JSON.stringify({ ...codes, ...snippetCodeTable }, null, 2) + '\n' };
  for (const iife of iifes) files[iife.file] = iife.text;
  return {
    files: { ...files, ...esm.files, ...types.files },
    problems: [...iifes, esm].flatMap((part) => part.problems).concat(types.problems),
  };
}
