// npm run bench, the bounds of issue 12: what a long-lived page keeps (bridge, 100,000 identifies
// and no flush()), and how long the largest input the caps allow takes (core's LIMITS filled to
// the brim: traits values of maximal length, every table at its row cap, six vendors, dedupe) in
// the template (built code in the emulator, GTM's APIs unmocked) and in the bridge (happy-dom).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Window } from 'happy-dom';
import { start } from '../../src/bridge/index';
import { LIMITS } from '../../src/core/limits';
import { VENDOR_IDS } from '../../src/core/vendors/ids';
import { createTestPage, runTemplate } from '../../src/toolchain/emulator';
import { readTemplate } from '../../src/toolchain/tpl/read';

type Win = Record<string, any>;

const IDENTIFIES = 100_000;
const VENDORS = VENDOR_IDS;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Page globals every vendor's SDK would set, as recorders that drop what they get. */
function sdks(): Record<string, unknown> {
  const fn = () => undefined;
  return {
    analytics: { identify: fn, reset: fn }, cioanalytics: { identify: fn, reset: fn }, gist: { identify: fn, chat: fn },
    mutiny: { client: { identify: fn } }, _connecto: { identify: fn, getIdentity: () => 'anon' }, web_event: { track: fn },
  };
}

/** Every cap at its limit: the traits hold LIMITS.values texts of LIMITS.textLength characters. */
function largestInput() {
  const text = 'x'.repeat(LIMITS.textLength);
  const traits: Record<string, string> = {};
  for (let i = 0; i < LIMITS.values; i++) traits['t' + i] = text;
  const rows = (make: (i: number) => Record<string, string>) => Array.from({ length: LIMITS.rows }, (_, i) => make(i));
  return {
    traits,
    traitRows: rows((i) => ({ key: 'd' + i, value: '2024-01-31', type: 'date' })),
    tagRows: Array.from({ length: LIMITS.tags }, (_, i) => ({ name: 'g' + i, value: 'v' + i })),
    keyMapping: rows((i) => ({ from: 'm' + i, to: 'k' + i })),
  };
}

async function memoryKept(): Promise<void> {
  const win = new Window({ url: 'https://shop.example.com/' }) as unknown as Win;
  Object.assign(win, sdks());
  const before = heapAfterGc();
  const bridge = start({ destinations: VENDORS.map((vendor) => ({ vendor })) }, win);
  for (let i = 0; i < IDENTIFIES; i++) {
    win.dataLayer.push({ event: 'user_sign_in', user_id: 'u' + i, email: `u${i}@example.com`, traits: { plan: 'pro' } });
    if (i % 1000 === 999) await turn();
  }
  await turn();
  (win.dataLayer as unknown[]).length = 0; // the page's own array holds the messages: only the bridge's share is wanted
  const kept = heapAfterGc() - before;
  console.log(`\nbridge memory kept after ${IDENTIFIES.toLocaleString('en')} identifies to six vendors without flush(): ` +
    `${(kept / 1024).toFixed(0)} KB (${Math.round(kept / IDENTIFIES)} B per identify)`);
  bridge.stop();
  await win.happyDOM.abort();
}

async function largestTemplateRun(): Promise<void> {
  const { model } = readTemplate(readFileSync('template/template.tpl', 'utf8'));
  const input = largestInput();
  const message: Record<string, string> = { event: 'user_sign_in' };
  for (let i = 0; i < LIMITS.rows; i++) message['m' + i] = 'v' + i;
  const data = {
    sendSegment: true, sendCustomerio: true, sendGist: true, sendMutiny: true, sendConnecto: true, sendAntsomi: true, dedupe: true,
    userId: 'u-1', email: 'ann@example.com', traitsObject: input.traits, traitRows: input.traitRows, tagRows: input.tagRows,
    keyMapping: input.keyMapping,
  };
  const page = createTestPage({ globals: sdks(), dataLayer: [message] });
  const begin = performance.now();
  const run = await runTemplate(model.code, data, { page, permissions: model.permissions });
  const ms = performance.now() - begin;
  console.log(`largest allowed input (${LIMITS.values} traits of ${LIMITS.textLength} characters, kept to ${LIMITS.characters} in all; ${LIMITS.rows} date rows, ` +
    `${LIMITS.tags} tags, ${LIMITS.rows} key mappings; six vendors, dedupe):`);
  console.log(`  template in the emulator: ${ms.toFixed(0)} ms (${run.successCalls === 1 ? 'gtmOnSuccess' : 'no gtmOnSuccess!'}; ` +
    'the emulator rebuilds the data layer model for each copyFromDataLayer)');
}

async function largestBridgeRun(): Promise<void> {
  const win = new Window({ url: 'https://shop.example.com/' }) as unknown as Win;
  Object.assign(win, sdks());
  const input = largestInput();
  const bridge = start({ destinations: VENDORS.map((vendor) => ({ vendor })), dedupe: true }, win);
  const begin = performance.now();
  win.dataLayer.push({ event: 'user_sign_in', user_id: 'u-1', email: 'ann@example.com', traits: input.traits, tags: input.tagRows });
  const [outcome] = await bridge.flush();
  const ms = performance.now() - begin;
  console.log(`  bridge in happy-dom (traits and tags): ${ms.toFixed(0)} ms (${outcome?.ok ? 'ok' : 'not ok!'})`);
  bridge.stop();
  await win.happyDOM.abort();
}

export async function printBounds(): Promise<void> {
  await memoryKept();
  await largestTemplateRun();
  await largestBridgeRun();
}
