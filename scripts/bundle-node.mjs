// One Node bundle of a TypeScript entry (npm packages stay external): how scripts run on Node 20,
// which cannot strip types, and how the package's gtm-tpl bin is made.
import { build } from 'esbuild';

export async function bundleNodeEntry(entry, outfile) {
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
}
