// The built scripts (as buildBridge makes them) in happy-dom pages whose requests are answered
// from those files: the snippet loads the engine next to itself only when a message a rule may
// match arrives, picks the one-vendor engine when the config names one vendor, and the one-file
// build needs no request at all.
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_FILES, bridgeIifes, engineDistFile, SNIPPET_PROPS } from '../../src/bridge/build';
import { VENDOR_IDS } from '../../src/core/vendors/ids';
import { codeTable } from '../../src/bridge/message-codes';
import { inWords, snippetTable } from '../../src/bridge/snippet-codes';
import { addScript, servedPage, type Win } from './harness';

let files: Record<string, string> = {};
beforeAll(async () => {
  const built = await bridgeIifes(process.cwd());
  expect(built.flatMap((b) => b.problems)).toEqual([]);
  files = Object.fromEntries(built.map((b) => [b.file, b.text]));
}, 60_000);

const CDN = 'https://cdn.example.com/gtm-identify/1.0/';
/** The dist files served from CDN. */
const served = () => Object.fromEntries(Object.entries(files).map(([file, text]) => [CDN + file.replace(/^dist\//, ''), text]));

function segmentCalls(win: Win) {
  const calls: unknown[][] = [];
  win.analytics = { identify: (...args: unknown[]) => calls.push(['identify', ...args]), reset: () => calls.push(['reset']) };
  return calls;
}

describe('the built bridge files', () => {
  it('are the snippet, the one-file builds (production and debug), the debug engine and a production engine for all vendors and for each one, each one-vendor engine smaller', () => {
    expect(Object.keys(files).sort()).toEqual([
      BRIDGE_FILES.snippet, BRIDGE_FILES.full, BRIDGE_FILES.fullDebug, BRIDGE_FILES.engineDebug, engineDistFile(), ...VENDOR_IDS.map(engineDistFile),
    ].sort());
    for (const vendor of VENDOR_IDS) expect(files[engineDistFile(vendor)].length).toBeLessThan(files[engineDistFile()].length);
  });

  it('parse as ES2017, for browsers of the last five years (no ?., ??, object spread or newer regex syntax left)', () => {
    for (const [file, text] of Object.entries(files)) expect(() => parse(text, { ecmaVersion: 2017, sourceType: 'script' }), file).not.toThrow();
    // the check itself can fail: optional chaining is ES2020
    expect(() => parse('a?.b', { ecmaVersion: 2017 })).toThrow();
  });

  it('name the snippet\'s own properties short, and no engine uses any of them, so the one-file build names nothing the engine reads', () => {
    const names = SNIPPET_PROPS.source.replace(/^\^\(|\)\$$/g, '').split('|');
    const word = new RegExp('\\b(' + names.join('|') + ')\\b');
    for (const file of [BRIDGE_FILES.snippet, BRIDGE_FILES.full, BRIDGE_FILES.fullDebug]) expect(files[file], file).not.toMatch(word);
    for (const file of [engineDistFile(), BRIDGE_FILES.engineDebug, ...VENDOR_IDS.map(engineDistFile)]) expect(files[file], file).not.toMatch(word);
    expect(names).toContain('onMessage');
  });

  it('the snippet loads the Segment engine from its own folder for a sign-in in the history, and identifies through it', async () => {
    const { win, requested, warnings } = await servedPage(served(), (w) => {
      w.dataLayer = [{ event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com', tags: 'brand=Audi' }];
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    }, CDN + 'identify-bridge.min.js');
    const calls = segmentCalls(win);
    const outcomes = await win.identifyBridge.running.flush();
    expect(calls).toEqual([['identify', 'u1', { email: 'ann@example.com', brand: 'Audi' }]]);
    expect(outcomes.map((o: { results: unknown[] }) => o.results)).toEqual([[{ vendor: 'segment', status: 'sent', message: expect.stringMatching(/^analytics-js\.\d+$/) }]]);
    expect(requested).toEqual([CDN + 'identify-bridge.min.js', CDN + 'identify-bridge.engine.segment.min.js']);
    expect(warnings).toEqual([]);
  });

  it('the snippet loads the all-vendor engine for a config naming two vendors', async () => {
    const { win, requested } = await servedPage(served(), (w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }, { vendor: 'mutiny' }] };
    }, CDN + 'identify-bridge.min.js');
    const calls = segmentCalls(win);
    win.dataLayer.push({ event: 'user_identify', userId: 'u2' });
    await win.identifyBridge.running.flush();
    expect(calls).toEqual([['identify', 'u2', {}]]);
    expect(requested).toEqual([CDN + 'identify-bridge.min.js', CDN + 'identify-bridge.engine.min.js']);
  });

  it('the one-file build starts for all six vendors at once and requests nothing', async () => {
    const { win, requested, warnings } = await servedPage(served(), (w) => {
      w.identifyBridgeConfig = { destinations: VENDOR_IDS.map((vendor) => ({ vendor, portalId: '1', propertyId: '2' })) };
    }, CDN + 'identify-bridge.full.min.js');
    const calls = segmentCalls(win);
    win.dataLayer.push({ event: 'user_identify', userId: 'u3' });
    await win.identifyBridge.running.flush();
    expect(calls).toEqual([['identify', 'u3', {}]]);
    expect(warnings).toEqual([]);
    expect(requested).toEqual([CDN + 'identify-bridge.full.min.js']);
  });

  it('without a config defines identifyBridge and starts nothing until start() is called', async () => {
    const { win, requested } = await servedPage(served(), () => {}, CDN + 'identify-bridge.min.js');
    expect(win.identifyBridge.running).toBeUndefined();
    expect(win.dataLayer).toBeUndefined();
    const calls = segmentCalls(win);
    const bridge = win.identifyBridge.start({ destinations: [{ vendor: 'segment' }] });
    win.dataLayer.push({ event: 'user_identify', userId: 'u4' });
    await bridge.flush();
    bridge.stop();
    expect(calls).toEqual([['identify', 'u4', {}]]);
    expect(requested).toEqual([CDN + 'identify-bridge.min.js', CDN + 'identify-bridge.engine.segment.min.js']);
  });

  it('the snippet, trusting the config, watches window.dataLayer when dataLayerName would reach a prototype, and marks no prototype', async () => {
    const { win } = await servedPage(served(), (w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }], dataLayerName: '__proto__' };
    }, CDN + 'identify-bridge.min.js');
    const calls = segmentCalls(win);
    expect(Object.getOwnPropertySymbols(Object.getPrototypeOf(win))).toEqual([]);
    expect(Object.prototype.hasOwnProperty.call(win.dataLayer, 'push')).toBe(true);
    win.dataLayer.push({ event: 'user_identify', userId: 'u6' });
    await win.identifyBridge.running.flush();
    expect(calls).toEqual([['identify', 'u6', {}]]);
  });

  it('the snippet, trusting the config, reads a dataLayerName that is not a text as absent and watches window.dataLayer', async () => {
    const { win } = await servedPage(served(), (w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }], dataLayerName: 42 };
    }, CDN + 'identify-bridge.min.js');
    const calls = segmentCalls(win);
    expect(win[42]).toBeUndefined();
    win.dataLayer.push({ event: 'user_identify', userId: 'u7' });
    await win.identifyBridge.running.flush();
    expect(calls).toEqual([['identify', 'u7', {}]]);
  });

  it('loaded twice keeps the first copy and processes each push once', async () => {
    const { win } = await servedPage(served(), (w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    }, CDN + 'identify-bridge.min.js');
    const first = win.identifyBridge;
    await addScript(win, CDN + 'identify-bridge.min.js');
    expect(win.identifyBridge).toBe(first);
    const calls = segmentCalls(win);
    win.dataLayer.push({ event: 'user_identify', userId: 'u5' });
    await first.running.flush();
    expect(calls).toEqual([['identify', 'u5', {}]]);
  });
});

describe('production and debug builds', () => {
  /** A page running `file` with `config` (Segment unless it says otherwise), its outcomes after `pushes`. */
  async function run(file: string, config: Record<string, unknown>, pushes: unknown[]) {
    const page = await servedPage(served(), (w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }], ...config };
    }, CDN + file);
    const calls = segmentCalls(page.win);
    for (const message of pushes) page.win.dataLayer.push(message);
    const outcomes = await page.win.identifyBridge.running.flush();
    return { ...page, calls, outcomes: outcomes as Array<{ messages: Array<{ level: string; text: string }> }> };
  }
  const badEmail = { event: 'user_sign_in', user_id: 'u1', email: 'not an address' };
  const badUserId = { event: 'user_sign_in', user_id: { id: 'u1' } };

  it('the production engine reports an error as a short code where the debug engine gives its text, and fails the same way', async () => {
    const production = await run('identify-bridge.full.min.js', {}, [badUserId]);
    const debug = await run('identify-bridge.full.debug.min.js', {}, [badUserId]);
    expect(production.calls).toEqual([]);
    expect(debug.calls).toEqual([]);
    const text = expect.stringContaining('user id must be text or a number');
    expect(debug.outcomes).toEqual([{ ok: false, results: [{ vendor: 'segment', status: 'failed', message: text }], messages: [{ level: 'error', vendor: null, text }] }]);
    const code = expect.stringMatching(/^identity\.\d+$/);
    expect(production.outcomes).toEqual([{ ok: false, results: [{ vendor: 'segment', status: 'failed', message: code }], messages: [{ level: 'error', vendor: null, text: code }] }]);
    expect(files[BRIDGE_FILES.full]).not.toContain('must be text or a number');
    // the build's table (dist/identify-bridge.codes.json) says what the code stands for
    const table = await codeTable(process.cwd());
    expect(table[production.outcomes[0].messages[0].text]).toContain('user id must be text or a number');
  });

  it('the production engines carry every text of core, of the window platform and of the message copy as a code: outcomes, labels and reasons built in helpers too', async () => {
    const table = await codeTable(process.cwd());
    const production = await run('identify-bridge.full.min.js', {}, [{ event: 'user_sign_in', user_id: 'u1' }]);
    const code = (production.outcomes[0] as unknown as { results: Array<{ message: string }> }).results[0].message;
    expect(table[code]).toContain('called on window.');
    const texts = [' called on window.', 'needs an email; not sent', 'waiting for consent', 'has characters not allowed',
      'for the customer id', 'is longer than', 'no reset/logout', 'SHA-256 hashing failed', 'traits table',
      'runs wait for consent', 'cannot be printed', 'identify threw', 'is nested too deeply', 'message copy cut', 'nesting over'];
    for (const file of [BRIDGE_FILES.full, engineDistFile(), ...VENDOR_IDS.map(engineDistFile)]) {
      for (const text of texts) expect(files[file], file).not.toContain(text);
    }
    expect(files[BRIDGE_FILES.fullDebug]).toContain('needs an email; not sent');
  });

  it('the production engine leaves warnings and notes to the debug engine, and both send the same identify', async () => {
    const production = await run('identify-bridge.full.min.js', {}, [badEmail]);
    const debug = await run('identify-bridge.full.debug.min.js', {}, [badEmail]);
    expect(production.calls).toEqual([['identify', 'u1', {}]]);
    expect(debug.calls).toEqual(production.calls);
    expect(debug.outcomes[0].messages).toEqual([{ level: 'warning', vendor: null, text: 'email "not an address" is not a valid address; dropped' }]);
    expect(production.outcomes[0].messages).toEqual([]);
    expect(files[BRIDGE_FILES.full]).not.toContain('is not a valid address');
    // what a dropped warning alone looked at goes with it: Google's consent types only serve one
    expect(files[BRIDGE_FILES.full]).not.toContain('security_storage');
  });

  it('the production engine trusts the config; with debug: true the snippet loads the debug engine, which lists every problem and starts nothing', async () => {
    const config = { rules: [{ event: 'lead', traits: { brand: 3 }, userId: 'user.id' }], dedupe: 'yes' };
    const lead = { event: 'lead', user: { id: 'u7' } };
    const production = await run('identify-bridge.min.js', config, [lead]);
    expect(production.warnings).toEqual([]);
    expect(production.calls).toEqual([['identify', 'u7', {}]]);
    expect(production.requested).toEqual([CDN + 'identify-bridge.min.js', CDN + 'identify-bridge.engine.segment.min.js']);

    const debug = await run('identify-bridge.min.js', { ...config, debug: true }, [lead]);
    expect(debug.warnings).toEqual([
      '[identify-bridge] stopped, the config has problems: rule 1: trait "brand" must be a dotted path such as "user.id"; dedupe must be true or false',
    ]);
    expect(debug.calls).toEqual([]);
    expect(debug.requested).toEqual([CDN + 'identify-bridge.min.js', CDN + 'identify-bridge.engine.debug.min.js']);
  });

  it('the debug one-file build checks the config at start; the production one starts', async () => {
    const config = { destinations: [{ vendor: 'segment' }, { vendor: 'mixpanel' }] };
    const debug = await run('identify-bridge.full.debug.min.js', config, []);
    expect(debug.warnings).toEqual(['[identify-bridge] not started, the config has problems: destination 2: vendor "mixpanel" is not one of segment, customerio, gist, mutiny, connecto, antsomi']);
    const production = await run('identify-bridge.full.min.js', config, [{ event: 'user_identify', userId: 'u8' }]);
    expect(production.warnings).toEqual([]);
    expect(production.calls).toEqual([['identify', 'u8', {}]]);
  });

  it('the production snippet says its own problems in codes; with debug: true it holds its lines until the debug engine is there, then prints them in words', async () => {
    const table = await snippetTable(process.cwd());
    for (const text of Object.values(table)) if (text.length > 12) expect(files[BRIDGE_FILES.snippet]).not.toContain(text);
    const notAnArray = '[identify-bridge] window.dataLayer is not an array; the data layer is not watched';
    const production = await servedPage(served(), (w) => {
      w.dataLayer = 'oops';
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    }, CDN + 'identify-bridge.min.js');
    expect(production.warnings).toHaveLength(1);
    expect(production.warnings[0]).toMatch(/^\[identify-bridge\] window\.dataLayer\{w\d+\}$/);
    expect(inWords(production.warnings[0], table)).toBe(notAnArray); // dist/identify-bridge.codes.json has the table

    const debug = await servedPage(served(), (w) => {
      w.dataLayer = 'oops';
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }], debug: true };
    }, CDN + 'identify-bridge.min.js');
    expect(debug.warnings).toEqual([]); // held while the debug engine loads
    await debug.win.identifyBridge.running.flush();
    expect(debug.warnings).toEqual([notAnArray]);
    expect(debug.logs).toContain(notAnArray); // the watcher's report, in words too
  });
});
