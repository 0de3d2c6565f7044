// Bench sections on the bridge's weight: every bridge file's size (min, min+gzip, brotli), what
// a one-vendor and a six-vendor page download in Chromium before and after their first identify,
// and how much each module adds to the snippet and to the all-vendor engine.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { bridgeIifes } from '../../src/bridge/build';
import { messageCodes } from '../../src/bridge/message-codes';
import { openPage } from './chromium';

export type BridgeFiles = Record<string, string>;

export const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const brotli = (text: string) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const bytes = (n: number) => `${n.toLocaleString('en')} B`;
const cells = (values: Array<string | number>, widths: number[]) =>
  values.map((v, i) => (i === 0 ? String(v).padEnd(widths[0]) : String(v).padStart(widths[i]))).join('  ');

/** The built bridge scripts by served path ('/identify-bridge.min.js'). */
export async function bridgeFiles(root: string): Promise<BridgeFiles> {
  const built = await bridgeIifes(root);
  const broken = built.find((iife) => iife.problems.length > 0);
  if (broken) throw new Error(`${broken.file}: ${broken.problems.join('; ')}`);
  return Object.fromEntries(built.map(({ file, text }) => [file.replace(/^dist\//, '/'), text]));
}

export function fileSizes(files: BridgeFiles): void {
  const widths = [48, 10, 10, 10];
  console.log(cells(['bridge file', 'min', 'min+gzip', 'brotli'], widths));
  for (const [path, text] of Object.entries(files)) {
    console.log(cells([`  dist${path}`, bytes(Buffer.byteLength(text)), bytes(gzip(text)), bytes(brotli(text))], widths));
  }
}

/** What a page sending to `vendors` downloads (bridge files, min+gzip) before and after its first identify, in Chromium. */
async function downloads(browser: Browser, files: BridgeFiles, vendors: string[]) {
  const config = { destinations: vendors.map((vendor) => ({ vendor, portalId: '1', propertyId: '2' })) };
  const html = `<script>window.analytics = {identify() {}, reset() {}}; window.identifyBridgeConfig = ${JSON.stringify(config)};</script>
    <script src="/identify-bridge.min.js"></script>`;
  const { page, requested } = await openPage(browser, files, html);
  await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'page_view' }));
  const before = requested.filter((path) => path !== '/');
  await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'user_sign_in', user_id: 'u1' }));
  await page.waitForFunction(() => 'identifyBridgeEngine' in window);
  const after = requested.filter((path) => path !== '/');
  await page.close();
  const total = (paths: string[]) => paths.reduce((sum, path) => sum + gzip(files[path] ?? ''), 0);
  return { before, after, beforeBytes: total(before), afterBytes: total(after) };
}

export async function pageDownloads(browser: Browser, files: BridgeFiles): Promise<void> {
  console.log('\nwhat a page downloads (bridge files, min+gzip), measured in Chromium');
  const widths = [36, 16, 16, 0];
  console.log(cells(['page', 'before identify', 'after identify', ''], widths));
  for (const [name, vendors] of [['one vendor (Segment)', ['segment']], ['six vendors', ['segment', 'customerio', 'gist', 'mutiny', 'connecto', 'antsomi']]] as const) {
    const { after, beforeBytes, afterBytes } = await downloads(browser, files, [...vendors]);
    console.log(cells([`  ${name}`, bytes(beforeBytes), bytes(afterBytes), `  ${after.join(' + ')}`], widths));
  }
  const full = files['/identify-bridge.full.min.js'];
  console.log(cells(['  one-file build', bytes(gzip(full)), bytes(gzip(full)), '  /identify-bridge.full.min.js'], widths));
}

/** Bytes each module adds to a minified bundle (esbuild's bytes in output) and its share of the gzip size. */
async function moduleWeights(root: string, entry: string, title: string, production = false): Promise<void> {
  const result = await build({
    absWorkingDir: root, entryPoints: [entry], bundle: true, write: false, minify: true, format: 'iife', target: 'es2017',
    metafile: true, outfile: 'bench-out.js', logLevel: 'silent', legalComments: 'none', charset: 'utf8',
    plugins: production ? [messageCodes()] : [],
  });
  const text = result.outputFiles[0].text;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const rows = Object.entries(inputs).map(([module, { bytesInOutput }]) => [module, bytesInOutput] as const)
    .filter(([, size]) => size > 0).sort((a, b) => b[1] - a[1]);
  const total = Buffer.byteLength(text);
  const zipped = gzip(text);
  // esbuild alone, so that bytes map to modules: the shipped file (table above) has a second minify pass on top
  console.log(`\n${title}, by module (esbuild's minify alone, before the shipped file's second pass): ${bytes(total)} min, ${bytes(zipped)} min+gzip; per module (min, and its share of the gzip size)`);
  for (const [module, size] of rows) {
    console.log(cells([`  ${module}`, bytes(size), `~${bytes(Math.round((zipped * size) / total))}`], [48, 10, 10]));
  }
}

export async function bridgeModules(root: string): Promise<void> {
  await moduleWeights(root, 'src/bridge/iife.ts', 'the snippet (dist/identify-bridge.min.js)');
  await moduleWeights(root, 'src/bridge/engine-script.ts', 'the all-vendor production engine (dist/identify-bridge.engine.min.js)', true);
  await moduleWeights(root, 'src/bridge/engine-debug-script.ts', 'the debug engine (dist/identify-bridge.engine.debug.min.js)');
}
