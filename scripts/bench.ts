// npm run bench: the sizes and speeds of docs/bridge.md#size-and-speed-npm-run-bench measured in
// one run, printed with the machine.
// - the bridge IIFEs' sizes (all vendors, and each per-vendor bundle): raw (bundled, not
//   minified), minified, minified + gzip;
// - 100,000 dataLayer pushes with the bridge installed (no matching rule; an identify rule
//   with a Segment stub) as a ratio to Array.prototype.push on the same array, rounds
//   interleaved side by side in this process, medians reported;
// - replaying a history of 1,000 messages at start;
// - the template's code size (its ___SANDBOXED_JS_FOR_WEB_TEMPLATE___ section) and the time
//   buildTemplate takes.
// A benchmark, not a test: nothing here fails on a number.
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { bundleIife, BRIDGE_FILES, vendorIifeFile } from '../src/bridge/build';
import { VENDOR_IDS } from '../src/core/vendors/ids';
import type { VendorId } from '../src/core/model';
import { start } from '../src/bridge/index';
import { buildTemplate } from '../src/toolchain/build/template';
import { readTemplate } from '../src/toolchain/tpl/read';
import { TEMPLATE } from '../src/template/index';
import { printTemplateWeight } from './template-weight';

type Win = Record<string, any>;

const PUSHES = 100_000;
const ROUNDS = 7;
const root = process.cwd();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${bytes} B (${(bytes / 1024).toFixed(1)} KB)`;

function time(fn: () => void): number {
  const begin = performance.now();
  fn();
  return performance.now() - begin;
}

/** raw (bundled, not minified) / min / min+gzip of the all-vendor IIFE and of each per-vendor one. */
async function sizes(): Promise<void> {
  const bundles: Array<[string, VendorId | undefined]> = [
    [BRIDGE_FILES.iife, undefined],
    ...VENDOR_IDS.map((vendor): [string, VendorId] => [vendorIifeFile(vendor), vendor]),
  ];
  console.log('bridge IIFEs                              raw            min      min+gzip   (budget 3 KB min+gzip, aim 2 KB)');
  for (const [file, vendor] of bundles) {
    const min = await bundleIife(root, vendor);
    const raw = await bundleIife(root, vendor, { minify: false });
    const cells = [Buffer.byteLength(raw.text), Buffer.byteLength(min.text), gzipSync(min.text, { level: 9 }).length];
    console.log(`  ${file.padEnd(39)} ${cells.map((bytes) => `${bytes.toLocaleString('en')} B`.padStart(12)).join('  ')}`);
  }
}

function page(): Win {
  const win = new Window({ url: 'https://shop.example.com/' }) as unknown as Win;
  win.analytics = { identify: () => undefined, reset: () => undefined };
  return win;
}

/** Medians of plain-push and bridge-push times for `message`, interleaved round by round. */
function pushCost(message: Record<string, unknown>) {
  const win = page();
  const bridge = start({ destinations: [{ vendor: 'segment' }] }, win);
  const dataLayer = win.dataLayer as unknown[];
  const plain: number[] = [];
  const bridged: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    dataLayer.length = 0;
    plain.push(time(() => {
      for (let i = 0; i < PUSHES; i++) Array.prototype.push.call(dataLayer, message);
    }));
    dataLayer.length = 0;
    bridged.push(time(() => {
      for (let i = 0; i < PUSHES; i++) dataLayer.push(message);
    }));
  }
  bridge.stop();
  win.happyDOM.abort();
  return { plain: median(plain), bridged: median(bridged) };
}

function pushes(): void {
  console.log(`\n${PUSHES.toLocaleString('en')} dataLayer pushes, median of ${ROUNDS} rounds (same array, same process)`);
  const cases: Array<[string, Record<string, unknown>]> = [
    ['no matching rule', { event: 'page_view', page: { path: '/cars/q5' } }],
    ['identify rule + Segment stub', { event: 'user_identify', userId: 'u1', traits: { plan: 'pro' } }],
  ];
  for (const [name, message] of cases) {
    const { plain, bridged } = pushCost(message);
    const perPush = (bridged * 1000) / PUSHES;
    console.log(`  ${name.padEnd(30)} plain ${plain.toFixed(1)} ms, bridge ${bridged.toFixed(1)} ms: ` +
      `×${(bridged / plain).toFixed(0)} (${perPush.toFixed(2)} µs per push)`);
  }
}

function replay(): void {
  const history = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0
    ? { event: 'user_identify', userId: `u${i}`, traits: { n: i } }
    : { event: 'page_view', page: { path: `/p/${i}` }, items: [{ id: i }] }));
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const win = page();
    win.dataLayer = history.slice();
    times.push(time(() => start({ destinations: [{ vendor: 'segment' }] }, win).stop()));
    win.happyDOM.abort();
  }
  console.log(`\nreplaying 1,000 messages at start (10 match the identify rule): ${median(times).toFixed(1)} ms (median of ${ROUNDS})`);
}

async function template(): Promise<void> {
  const { model } = readTemplate(readFileSync('template/template.tpl', 'utf8'));
  console.log(`\ntemplate/template.tpl code section: ${kb(Buffer.byteLength(model.code))}`);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const begin = performance.now();
    await buildTemplate(TEMPLATE, { cwd: root });
    times.push(performance.now() - begin);
  }
  console.log(`buildTemplate: ${median(times).toFixed(0)} ms (median of 3)`);
}

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, node ${process.version}\n`);
await sizes();
pushes();
replay();
await template();
printTemplateWeight();
