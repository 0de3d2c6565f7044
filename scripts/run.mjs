// Runs a TypeScript entry point on Node 20, which cannot strip types itself: esbuild bundles the
// entry (npm packages stay external) into dist/, and the bundle is then imported with the
// remaining arguments. The bundle of scripts/gtm-tpl.ts is also the package's `gtm-tpl` bin.
import { build } from 'esbuild';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs <entry.ts> [args…]');
  process.exit(2);
}
const outfile = resolve('dist', basename(entry).replace(/\.ts$/, '.js'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
