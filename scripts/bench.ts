// npm run bench: the sizes and speeds of docs/bridge.md#size-and-speed-npm-run-bench measured in
// one run, printed with the machine. Each section is a module of its own (scripts/bench/):
// - the bridge's files (min, min+gzip, brotli), what a one-vendor and a six-vendor page download
//   before and after the first identify (in Chromium), and the weight of each module of the
//   snippet and of the engine (sizes.ts);
// - the push path side by side in Chromium: plain push, a minimal wrapper, ours without and with
//   a matching rule, getanalytics' identify (push.ts);
// - replaying a history of 1,000 messages at start;
// - the template's code size (its ___SANDBOXED_JS_FOR_WEB_TEMPLATE___ section) and the time
//   buildTemplate takes.
// - what a long-lived bridge keeps, and the time of the largest input the caps allow (bench/bounds.ts).
// A benchmark, not a test: nothing here fails on a number.
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { bridgeFiles, bridgeModules, fileSizes, pageDownloads } from './bench/sizes';
import { launchChromium } from './bench/chromium';
import { pushTable } from './bench/push';
import { start } from '../src/bridge/index';
import { buildTemplate } from '../src/toolchain/builder/template';
import { readTemplate } from '../src/toolchain/tpl/read';
import { TEMPLATE } from '../src/template/index';
import { printBounds } from './bench/bounds';
import { printTemplateWeight } from './template-weight';

type Win = Record<string, any>;

const ROUNDS = 7;
const root = process.cwd();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${bytes} B (${(bytes / 1024).toFixed(1)} KB)`;

function page(): Win {
  const win = new Window({ url: 'https://shop.example.com/' }) as unknown as Win;
  win.analytics = { identify: () => undefined, reset: () => undefined };
  return win;
}

async function replay(): Promise<void> {
  const history = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0
    ? { event: 'user_identify', userId: `u${i}`, traits: { n: i } }
    : { event: 'page_view', page: { path: `/p/${i}` }, items: [{ id: i }] }));
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const win = page();
    win.dataLayer = history.slice();
    const begin = performance.now();
    const bridge = start({ destinations: [{ vendor: 'segment' }] }, win);
    await bridge.flush(); // the engine loads (dynamic import) and runs the 10 identifies
    times.push(performance.now() - begin);
    bridge.stop();
    win.happyDOM.abort();
  }
  console.log(`\nreplaying 1,000 messages at start in happy-dom (10 match the identify rule), until their identifies ran: ${median(times).toFixed(1)} ms (median of ${ROUNDS})`);
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

// `npm run bench -- --only push`: the push table alone (no sizes, downloads, weights, replay, template or bounds), for iterating on the push path
const onlyPush = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'push';
const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, node ${process.version}\n`);
const files = await bridgeFiles(root);
if (!onlyPush) fileSizes(files);
const browser = await launchChromium();
try {
  if (!onlyPush) await pageDownloads(browser, files);
  await pushTable(browser, root, files);
} finally {
  await browser.close();
}
if (onlyPush) process.exit(0);
await bridgeModules(root);
await replay();
await template();
printTemplateWeight();
await printBounds();
