// The push path, side by side in one Chromium page, rounds interleaved, the minimum of the rounds
// reported (the least disturbed run of each case):
// - plain push: Array.prototype.push onto an array;
// - minimal wrapper: a push that calls Array's and looks the event name up in a Set;
// - ours, no rule: the snippet's push with a message no rule matches;
// - ours, identify: a user_identify to a Segment stub, the engine loaded;
// - getanalytics identify: `analytics` (getanalytics.io) identify, synchronous part, to a no-op plugin.
// The push cases push onto an array of page-like length: runs of CHUNK pushes, the array emptied
// after each (the same for every case, inside the timing). Growing one array to 200,000 elements
// measured the garbage collector instead: whichever push case ran last before getanalytics read
// ×5 to ×10 slower, whatever its code (a one-line push read the same), and the penalty followed
// the slot when the cases were reordered. [INF] a major GC's marking, started by those large
// backing stores, makes every store into an array pay its write barrier while it runs.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { openPage } from './chromium';
import type { BridgeFiles } from './sizes';

const ROUNDS = 15;

/** getanalytics bundled for the browser as window.AnalyticsBench. */
async function getanalytics(root: string): Promise<string> {
  const result = await build({
    stdin: { contents: "import Analytics from 'analytics';\nwindow.AnalyticsBench = Analytics;\n", resolveDir: join(root, 'scripts/bench'), loader: 'js' },
    bundle: true, write: false, format: 'iife', platform: 'browser', minify: true, logLevel: 'silent', target: 'es2017',
  });
  return result.outputFiles[0].text;
}

// Runs in the page: each case runs `ops` operations per round, rounds interleaved; ns per op, min of rounds.
// CHUNK: a GTM page's dataLayer holds tens to hundreds of messages.
const MEASURE = `async ({ rounds }) => {
  const CHUNK = 1000;
  const names = new Set(['user_sign_in', 'user_sign_up', 'user_identify', 'user_logout']);
  const pageView = { event: 'page_view', page: { path: '/cars/q5' } };
  const identify = { event: 'user_identify', userId: 'u1', traits: { plan: 'pro' } };
  const plain = [];
  const wrapped = [];
  let hits = 0;
  wrapped.push = function (message) {
    const result = Array.prototype.push.call(wrapped, message);
    if (message && names.has(message.event)) hits++;
    return result;
  };
  const dataLayer = window.dataLayer;
  const analytics = window.AnalyticsBench({ app: 'bench', plugins: [{ name: 'noop', identify() {} }] });
  const cases = [
    ['plain push', 200000, (n) => { for (let j = 0; j < n; j += CHUNK) { for (let i = 0; i < CHUNK; i++) plain.push(pageView); plain.length = 0; } }],
    ['minimal wrapper', 200000, (n) => { for (let j = 0; j < n; j += CHUNK) { for (let i = 0; i < CHUNK; i++) wrapped.push(pageView); wrapped.length = 0; } }],
    ['ours, no rule', 200000, (n) => { for (let j = 0; j < n; j += CHUNK) { for (let i = 0; i < CHUNK; i++) dataLayer.push(pageView); dataLayer.length = 0; } }],
    ['ours, identify', 20000, (n) => { for (let j = 0; j < n; j += CHUNK) { for (let i = 0; i < CHUNK; i++) dataLayer.push(identify); dataLayer.length = 0; } }],
    ['getanalytics identify', 20000, (n) => { for (let i = 0; i < n; i++) analytics.identify('u1', { plan: 'pro' }); }],
  ];
  const best = cases.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    cases.forEach(([, ops, run], i) => {
      const begin = performance.now();
      run(ops);
      const ns = ((performance.now() - begin) * 1e6) / ops;
      if (ns < best[i]) best[i] = ns;
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // let getanalytics' deferred work run between rounds
  }
  return { results: cases.map(([name], i) => [name, best[i]]), hits };
}`;

export async function pushTable(browser: Browser, root: string, files: BridgeFiles): Promise<void> {
  const html = `<script>window.analytics = {identify() {}, reset() {}};
    window.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };</script>
    <script src="/identify-bridge.min.js"></script><script src="/getanalytics.js"></script>`;
  const { page } = await openPage(browser, { ...files, '/getanalytics.js': await getanalytics(root) }, html);
  // the first identify loads the engine; the rounds run with it loaded
  await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'user_identify', userId: 'warm-up' }));
  await page.waitForFunction(() => 'identifyBridgeEngine' in window);
  await page.evaluate('window.identifyBridge.running.flush()');
  const { results } = await page.evaluate(`(${MEASURE})({ rounds: ${ROUNDS} })`) as { results: Array<[string, number]> };
  await page.close();
  const ns = Object.fromEntries(results);
  console.log(`\nthe push path in Chromium: ns per operation, min of ${ROUNDS} interleaved rounds`);
  console.log(`${'case'.padEnd(24)}${'ns/op'.padStart(10)}${'× plain'.padStart(10)}${'× wrapper'.padStart(11)}`);
  for (const [name, value] of results) {
    console.log(`  ${name.padEnd(22)}${value.toFixed(1).padStart(10)}${(value / ns['plain push']).toFixed(1).padStart(10)}${(value / ns['minimal wrapper']).toFixed(1).padStart(11)}`);
  }
  console.log(`  ours, no rule / minimal wrapper: ×${(ns['ours, no rule'] / ns['minimal wrapper']).toFixed(2)} (budget ×4)`);
  console.log(`  ours, identify / getanalytics identify: ×${(ns['ours, identify'] / ns['getanalytics identify']).toFixed(2)} (budget ×0.5)`);
}
