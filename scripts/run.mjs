// Runs a TypeScript entry point on Node 20, which cannot strip types itself: esbuild bundles the
// entry (npm packages stay external) into dist/, and the bundle is then imported with the
// remaining arguments.
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleNodeEntry } from './bundle-node.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs <entry.ts> [args…]');
  process.exit(2);
}
const outfile = resolve('dist', basename(entry).replace(/\.ts$/, '.js'));
await bundleNodeEntry(entry, outfile);
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
