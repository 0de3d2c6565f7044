// Step 1 of compileSandbox: esbuild bundles the entry into one flat ES module, with imports of
// 'gtm-sandbox' (and of the modules the caller marks as sandbox-provided) left as import
// statements, and an in-memory source map. esbuild's errors become diagnostics.
import { build, type Message, type Plugin } from 'esbuild';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { LocatedDiagnostic } from '../diagnostics/diagnostic';
import { SANDBOX_MODULE, SANDBOX_SUPPORTED } from './lowering';

export interface Bundle {
  code: string;
  map: string;
}

export type BundleResult = { bundle: Bundle; diagnostics: [] } | { bundle?: undefined; diagnostics: LocatedDiagnostic[] };

export interface BundleOptions {
  entry: string;
  sandboxModules: readonly string[];
  cwd: string;
}

export async function bundleSandbox(options: BundleOptions): Promise<BundleResult> {
  try {
    const result = await build({
      absWorkingDir: options.cwd,
      entryPoints: [options.entry],
      outfile: join(options.cwd, 'sandbox.js'),
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      sourcemap: 'external',
      supported: SANDBOX_SUPPORTED,
      external: [SANDBOX_MODULE],
      plugins: [sandboxModulesPlugin(options.sandboxModules, options.cwd)],
      minify: false,
      charset: 'utf8',
      logLevel: 'silent',
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
    const map = result.outputFiles.find((file) => file.path.endsWith('.map'))?.text ?? '';
    return { bundle: { code, map }, diagnostics: [] };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors) throw e;
    return { diagnostics: errors.map((error) => messageToDiagnostic(error, options.entry)) };
  }
}

export function messageToDiagnostic(message: Message, fallbackFile: string): LocatedDiagnostic {
  const location = message.location;
  return {
    file: location?.file || fallbackFile,
    line: location?.line ?? 1,
    column: (location?.column ?? 0) + 1,
    rule: message.pluginName === PLUGIN_NAME ? 'no-module-syntax' : 'esbuild',
    message: message.text,
  };
}

const PLUGIN_NAME = 'gtm-sandbox-modules';

const stripExtension = (path: string): string => path.replace(/\.(ts|tsx|mts|js|mjs)$/, '');

/**
 * Resolves imports of the sandbox-provided modules to the external 'gtm-sandbox', and refuses
 * `require()` and dynamic `import()` in the source: they would make esbuild wrap modules in
 * CommonJS/lazy-init helpers, and sandbox requires are written by the compiler.
 */
function sandboxModulesPlugin(sandboxModules: readonly string[], cwd: string): Plugin {
  const provided = new Set(sandboxModules.map((path) => stripExtension(resolve(cwd, path))));
  return {
    name: PLUGIN_NAME,
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'require-call' || args.kind === 'dynamic-import') {
          const what = args.kind === 'require-call' ? '`require()`' : '`import()`';
          return { errors: [{ text: `${what} in TypeScript source: use import (sandbox APIs come from '${SANDBOX_MODULE}'; the compiler writes the requires)` }] };
        }
        const relativeOrAbsolute = args.path.startsWith('.') || isAbsolute(args.path);
        if (args.kind !== 'import-statement' || !relativeOrAbsolute) return undefined;
        const target = stripExtension(resolve(args.resolveDir, args.path));
        return provided.has(target) ? { path: SANDBOX_MODULE, external: true } : undefined;
      });
    },
  };
}

/** Source-map source paths are relative to the output file, which sits in cwd. */
export const toCwdRelative = (cwd: string, path: string): string => relative(cwd, resolve(cwd, path)).split('\\').join('/');
