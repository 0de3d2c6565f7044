// Seeded fuzzing of the built template on emulated pages, GTM's APIs unmocked and permissions
// enforced: whatever `data` a tag receives (every field any type, tables with missing or extra
// columns, wrong choices, unresolved {{variables}}) and whatever the page holds (vendor SDKs,
// stubs, foreign values, scripts that load or fail, consent, garbage in localStorage), a run
// throws nothing, asks for nothing it did not declare, writes no page global outside the
// vendors' WINDOWS, and ends in exactly one gtmOnSuccess or gtmOnFailure, also after consent
// is granted later. Half the runs aim hostile values (own `__proto__` keys, 10,000-deep values,
// 100k strings, names of Object.prototype members) at a few fields while the others stay
// plausible, so the hostile values get past validation into tags, company, key mapping, consent
// and dedupe; the page's data layer holds such values too. A failure names its seed:
// FUZZ_SEED=<seed> reruns that case alone (FUZZ_STACK=1 adds the stack; FUZZ_RUNS / FUZZ_BASE
// widen the search).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPage, type ScriptBehaviour } from '../../src/toolchain/emulator';
import type { Field } from '../../src/toolchain/fields';
import { KNOWN_CONSENT_TYPES, STORAGE_KEY, VENDOR_IDS, WINDOWS } from '../../src/core/index';
import { FIELDS } from '../../src/template/fields';
import { builtTemplate, runBuilt } from './built';
import { rng, type Rng } from '../seeded-random';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const BASE_SEED = Number(process.env.FUZZ_BASE ?? 0x1d3e);

beforeAll(async () => {
  await builtTemplate();
}, 60_000);


// --- random values -----------------------------------------------------------------------------

const WORDS = [
  'u-1', 'ann@example.com', ' Ann@Example.COM ', 'not an email', 'pro', 'Audi', 'vip', 'brand=Audi', 'a,b,,c=', '=x', 'x=',
  '{{DLV - user id}}', '{{undefined}}', 'undefined', 'null', 'true', 'false', '42', '-0', '1e400', '2024-01-31', 'yesterday',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$set', 'first.name', 'user.id', 'a..b', '.',
  'Ünïcødé 🎉', '\u0000\u200b', '\ud800', 'e99a18c428cb38d5f260853678922e03', 'a'.repeat(64), 'A'.repeat(32),
];
const NUMBERS = [0, -0, 1, -1, 42, 3.5, NaN, Infinity, -Infinity, 1e308, -1e-308, 2 ** 53 + 1, 1_700_000_000_000];

function randomString(r: Rng): string {
  switch (r.int(5)) {
    case 0: return r.pick(['', ' ', '\t\n ', '\u00a0']);
    case 1: return r.pick(['x', 'é', '🎉', ',', '=', ' ']).repeat(10_000);
    default: return r.pick(WORDS);
  }
}

function randomObject(r: Rng, depth: number): Record<string, unknown> {
  if (r.chance(0.2)) return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "plan": "pro"}');
  const object: Record<string, unknown> = {};
  const keys = r.int(5);
  for (let i = 0; i < keys; i++) object[r.pick(WORDS)] = randomValue(r, depth + 1);
  return object;
}

function randomValue(r: Rng, depth = 0): unknown {
  const kinds = depth > 2 ? 5 : 8;
  switch (r.int(kinds)) {
    case 0: return r.pick([undefined, null]);
    case 1: case 2: return randomString(r);
    case 3: return r.pick(NUMBERS);
    case 4: return r.chance(0.5);
    case 5: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: return randomObject(r, depth);
  }
}

/** A value nested `depth` levels deep (objects, or arrays), built without recursion. */
function nested(depth: number, arrays: boolean): unknown {
  let value: unknown = arrays ? ['bottom'] : { leaf: 'bottom' };
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { next: value };
  return value;
}

const DEEP_OBJECT = nested(10_000, false);
const DEEP_ARRAY = nested(10_000, true);

/** Values a {{variable}} or a page could hand over that have broken code before. */
const HOSTILE: Array<() => unknown> = [
  () => JSON.parse('{"__proto__": {"polluted": 1, "plan": "pwned"}, "plan": "pro"}'),
  () => JSON.parse('{"constructor": {"prototype": {"polluted": 2}}, "prototype": {"polluted": 3}}'),
  () => ({ toString: 'x', valueOf: 'y', hasOwnProperty: 'z', __defineGetter__: 1 }),
  () => DEEP_OBJECT,
  () => DEEP_ARRAY,
  () => 'x'.repeat(100_000),
  () => '__proto__', () => 'constructor', () => 'prototype', () => 'hasOwnProperty', () => 'toString', () => '__proto__.polluted',
  () => [undefined, null, NaN, '__proto__'],
];

const hostile = (r: Rng): unknown => r.pick(HOSTILE)();

/** Where hostile values are aimed, by the fields each part of the template reads. */
const TARGETS: Record<string, readonly string[]> = {
  tags: ['tagRows', 'tagsText'],
  company: ['company', 'companyRows'],
  keyMapping: ['keyMapping'],
  consent: ['consentRequired', 'consentType', 'consentWhenDenied'],
  dedupe: ['dedupe'],
  traits: ['traitRows', 'traitsObject'],
  user: ['userId', 'email', 'useEmailAsUserId', 'userIdHash'],
  action: ['action', 'event'],
};

/** A field's value with hostile content in the field's own shape (a table keeps its rows). */
function hostileFieldValue(r: Rng, field: Field): unknown {
  if (field.type !== 'SIMPLE_TABLE' || r.chance(0.2)) return hostile(r);
  return Array.from({ length: 1 + r.int(4) }, () => {
    const row = randomRow(r, field, 0);
    const columns = field.simpleTableColumns ?? [];
    if (columns.length) (row as Record<string, unknown>)[r.pick(columns).name] = hostile(r);
    if (r.chance(0.2)) Object.defineProperty(row, '__proto__', { value: hostile(r), enumerable: true, writable: true, configurable: true });
    return row;
  });
}

// --- random `data` over the real fields ------------------------------------------------------

const choices = (field: Field): unknown[] =>
  (field.selectItems ?? field.radioItems ?? []).map((item) => item.value);

/** A value the field could really hold, by its name (keys, ids, waits) or its words. */
function plausibleText(r: Rng, name: string): unknown {
  if (/WriteKey|AppId|LicenseKey/.test(name)) return r.pick(['wk_1', 'AbC-9_z', '{{Segment key}}', 'has space', '']);
  if (/PortalId|PropertyId/.test(name)) return r.pick(['123', '556380312', '12a', '']);
  if (/WaitMs/.test(name)) return r.pick(['0', '500', '5000', '30000', '99999', '-1', '', 'soon']);
  if (name === 'userId') return r.pick(['u-1', ' u-2 ', 'ANN@EXAMPLE.COM', 'a'.repeat(64), '', 'u'.repeat(10_000)]);
  if (name === 'email') return r.pick(['ann@example.com', ' Ann@Example.COM ', 'not an email', '']);
  return r.pick(WORDS);
}

/**
 * A value for one field: with probability `chaos` anything at all, otherwise what GTM's UI
 * lets a marketer enter (so that runs also get deep into every vendor's path).
 */
function randomFieldValue(r: Rng, field: Field, chaos: number): unknown {
  const wild = r.chance(chaos);
  switch (field.type) {
    case 'CHECKBOX':
      return wild ? randomValue(r) : r.chance(0.5);
    case 'SELECT': case 'RADIO':
      if (!wild) return r.pick(choices(field));
      return r.chance(0.4) ? r.pick(['', 'SHA256', 'rot13', 'identify ', '{{Event}}']) : randomValue(r);
    case 'SIMPLE_TABLE':
      return wild && r.chance(0.5) ? randomValue(r) : Array.from({ length: r.int(5) }, () => randomRow(r, field, chaos));
    default:
      return wild ? randomValue(r) : plausibleText(r, field.name);
  }
}

function randomRow(r: Rng, field: Field, chaos: number): unknown {
  if (r.chance(chaos * 0.2)) return randomValue(r, 2);
  const row: Record<string, unknown> = {};
  for (const column of field.simpleTableColumns ?? []) {
    if (r.chance(chaos * 0.3)) continue; // a missing column
    const items = column.selectItems?.map((item) => item.value) ?? [];
    if (r.chance(chaos)) row[column.name] = randomValue(r, 2);
    else row[column.name] = items.length > 0 ? r.pick(items) : r.pick(WORDS);
  }
  if (r.chance(chaos * 0.3)) row[r.pick(['extra', '__proto__', 'constructor', 'hasOwnProperty'])] = randomValue(r, 2);
  return row;
}

interface RandomData {
  data: Record<string, unknown>;
  /** The TARGETS parts whose fields got hostile values. */
  hostileParts: string[];
}

function randomData(r: Rng): RandomData {
  const hostileParts = r.chance(0.5) ? Object.keys(TARGETS).filter(() => r.chance(0.3)) : [];
  const hostileFields = new Set(hostileParts.flatMap((part) => TARGETS[part]));
  const chaos = hostileParts.length ? 0.05 : r.pick([0.05, 0.3, 0.8]);
  const data: Record<string, unknown> = {};
  const visit = (fields: readonly Field[]) => {
    for (const field of fields) {
      if (hostileFields.has(field.name) && r.chance(0.8)) data[field.name] = hostileFieldValue(r, field);
      else if (field.type !== 'GROUP' && field.type !== 'LABEL' && !r.chance(chaos * 0.2)) data[field.name] = randomFieldValue(r, field, chaos);
      visit(field.subParams ?? []);
    }
  };
  visit(FIELDS);
  return { data, hostileParts };
}

// --- random pages ------------------------------------------------------------------------------

/** A page function that records nothing and returns a random (sometimes odd) value. */
function vendorFunction(r: Rng): () => unknown {
  const result = r.pick<unknown>([undefined, null, 'anon-7', 42, {}, Promise.resolve('ok')]);
  return () => result;
}

function foreign(r: Rng): unknown {
  return r.pick<() => unknown>([
    () => 42, () => 'loaded', () => null, () => [], () => ({}), () => ({ identify: 'nope', client: 7 }), () => function foreignFn() {},
  ])();
}

type Installer = (r: Rng) => unknown;

/** What each vendor's global looks like when its real SDK or its snippet's stub is there. */
const SDKS: Record<string, { global: string; sdk: Installer; stub: Installer }> = {
  analytics: {
    global: 'analytics',
    sdk: (r) => ({ identify: vendorFunction(r), reset: vendorFunction(r), initialized: true }),
    stub: () => Object.assign([], { identify: () => undefined }),
  },
  cioanalytics: {
    global: 'cioanalytics',
    sdk: (r) => ({ identify: vendorFunction(r), reset: vendorFunction(r) }),
    stub: () => [],
  },
  gist: { global: 'gist', sdk: (r) => ({ identify: vendorFunction(r), chat: vendorFunction(r) }), stub: () => [] },
  mutiny: { global: 'mutiny', sdk: (r) => ({ client: { identify: vendorFunction(r) } }), stub: () => ({ client: {} }) },
  _connecto: { global: '_connecto', sdk: (r) => ({ identify: vendorFunction(r), getIdentity: vendorFunction(r) }), stub: () => ({}) },
  web_event: {
    global: 'web_event',
    sdk: (r) => Object.assign(function webEvent() {}, { track: vendorFunction(r), resetAnonymousUId: vendorFunction(r) }),
    stub: () => Object.assign(function webEvent() {}, { queue: [] }),
  },
};

/** Which global a script host's loaded script defines. */
const SCRIPT_GLOBALS: Array<[string, string]> = [
  ['cdn.segment.com', 'analytics'], ['customer.io', 'cioanalytics'], ['getgist.com', 'gist'],
  ['connecto.io', '_connecto'], ['cdp.asia', 'web_event'],
];

interface PageSetup {
  globals: Record<string, unknown>;
  scripts: Record<string, ScriptBehaviour>;
  /** Globals the page's own scripts wrote, not the template. */
  scriptWrites: Set<string>;
  consent: Record<string, 'granted' | 'denied'>;
  localStorage: Record<string, string> | null;
  dataLayer?: unknown[];
  debug: boolean;
  grantLater: boolean;
}

function randomGlobal(r: Rng, name: string): unknown {
  switch (r.int(4)) {
    case 0: return SDKS[name].sdk(r);
    case 1: return SDKS[name].stub(r);
    case 2: return foreign(r);
    default: return undefined;
  }
}

function randomScripts(r: Rng, scriptWrites: Set<string>): Record<string, ScriptBehaviour> {
  const byHost = new Map<string, ScriptBehaviour>();
  for (const [host, global] of SCRIPT_GLOBALS) {
    const mode = r.int(4);
    const value = mode === 0 ? SDKS[global].sdk(r) : mode === 1 ? foreign(r) : undefined;
    byHost.set(host, mode >= 3 ? 'fail' : (win) => {
      scriptWrites.add(global);
      if (mode < 2) win[global] = value; // mode 2: the script loads and defines nothing
    });
  }
  // Any URL: the behaviour of its host (URLs carry keys the data chose).
  return new Proxy({}, {
    get: (_target, url) => {
      if (typeof url !== 'string') return undefined;
      const entry = SCRIPT_GLOBALS.find(([host]) => url.includes(host));
      return entry ? byHost.get(entry[0]) : undefined;
    },
  });
}

const GARBAGE = [
  'not json', '', 'null', '[]', '{"segment": 5}', '{"segment": {"a": 1}, "gist": null}', '{"__proto__": {"polluted": 1}}',
  '{"segment": "' + 'f'.repeat(32) + '"}', '{"hasOwnProperty": "x"}', '"x"', '{'.repeat(5_000), 'x'.repeat(10_000),
];

/** A pushed object; some hold hostile values under the keys a key mapping may read. */
function randomDataLayerObject(r: Rng): Record<string, unknown> {
  const object = randomObject(r, 0);
  if (r.chance(0.4)) for (let i = 0; i < 3; i++) object[r.pick(WORDS)] = hostile(r);
  return object;
}

function randomPage(r: Rng): PageSetup {
  const globals: Record<string, unknown> = {};
  for (const name of Object.keys(SDKS)) {
    const value = randomGlobal(r, name);
    if (value !== undefined) globals[name] = value;
  }
  if (r.chance(0.2)) globals._TConnecto = foreign(r);
  if (r.chance(0.2)) globals._portalId = foreign(r);
  const consent: Record<string, 'granted' | 'denied'> = {};
  for (const type of KNOWN_CONSENT_TYPES) if (r.chance(0.5)) consent[type] = r.chance(0.6) ? 'denied' : 'granted';
  const storage = r.int(4);
  const scriptWrites = new Set<string>();
  return {
    globals,
    scripts: randomScripts(r, scriptWrites),
    scriptWrites,
    consent,
    localStorage: storage === 0 ? null : storage === 1 ? {} : { [STORAGE_KEY]: r.pick(GARBAGE) },
    dataLayer: r.chance(0.7) ? Array.from({ length: r.int(4) }, () => randomDataLayerObject(r)) : undefined,
    debug: r.chance(0.5),
    grantLater: r.chance(0.7),
  };
}

// --- one run -----------------------------------------------------------------------------------

/** Top-level globals the template may write (or create) per the vendors' WINDOWS declarations. */
const WRITABLE = new Set(VENDOR_IDS.flatMap((vendor) => {
  const use = WINDOWS[vendor];
  return [use.setInWindow, use.createQueue, use.createArgumentsQueue, use.aliasInWindow].flatMap((paths) => paths ?? []).map((path) => path.split('.')[0]);
}));

/** What a run did, so the fuzzer can show it reached the paths it means to test. */
interface Reached {
  /** Each API the run called, and for callInWindow/injectScript its first argument too. */
  apis: Set<string>;
  hostileParts: string[];
}

async function fuzzOnce(seed: number, reached: Reached[] = []): Promise<string[]> {
  const r = rng(seed);
  const { data, hostileParts } = randomData(r);
  const setup = randomPage(r);
  let clock = 1_700_000_000_000;
  const step = 1 + r.int(700);
  const page = createTestPage({
    globals: setup.globals,
    scripts: setup.scripts,
    consent: setup.consent,
    localStorage: setup.localStorage,
    dataLayer: setup.dataLayer,
    container: { debugMode: setup.debug },
    now: () => (clock += step),
    random: r.next,
  });
  const before = new Map(Object.entries(page.window));
  const problems: string[] = [];
  const result = await runBuilt(data, { page });
  if (result.error) problems.push('threw or asked for an undeclared permission: ' + result.error.message.slice(0, 300) + (process.env.FUZZ_STACK ? result.error.stack : ''));
  if (setup.grantLater) {
    try {
      page.consent.update(Object.fromEntries(KNOWN_CONSENT_TYPES.map((type) => [type, 'granted'])));
      await page.scheduler.drain();
    } catch (error) {
      problems.push('threw after consent was granted: ' + String(error).slice(0, 300));
    }
  }
  const ends = result.calls.filter((call) => call.api === 'gtmOnSuccess' || call.api === 'gtmOnFailure').length;
  if (ends !== 1) problems.push(`ended ${ends} times (gtmOnSuccess + gtmOnFailure), expected once`);
  for (const [key, value] of Object.entries(page.window)) {
    if (WRITABLE.has(key) || setup.scriptWrites.has(key)) continue;
    if (!before.has(key) || before.get(key) !== value) problems.push(`wrote the undeclared global window.${key}`);
  }
  reached.push({ apis: new Set(result.calls.flatMap((call) => [call.api, call.api + ' ' + (typeof call.args[0] === 'string' ? call.args[0] : '')])), hostileParts });
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push('polluted Object.prototype');
  return problems.map((problem) => `seed ${seed}: ${problem}`);
}

describe('the built template under random data and random pages', () => {
  const only = process.env.FUZZ_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: RUNS }, (_, i) => BASE_SEED + i);
  const failures: string[] = [];
  const reached: Reached[] = [];

  beforeAll(async () => {
    for (const seed of seeds) failures.push(...(await fuzzOnce(seed, reached)));
  }, 600_000); // seconds alone; minutes on a loaded machine

  it(`ends each of ${seeds.length} seeded runs exactly once, without a throw, a permission error or a stray global`, () => {
    expect(failures).toEqual([]);
  });

  it.runIf(!only)('reaches every vendor, script loads, consent waits and both endings across the seeds', () => {
    // Guards the fuzzer itself: a generator that stopped reaching these paths would prove little.
    const count = (api: string) => reached.filter((run) => run.apis.has(api)).length;
    const vendorCalls = [
      'analytics.identify', 'analytics.reset', 'cioanalytics.identify', 'gist.identify', 'gist.chat',
      'mutiny.client.identify', '_connecto.identify', 'web_event.track',
    ];
    for (const path of vendorCalls) expect(count('callInWindow ' + path), path).toBeGreaterThan(0);
    for (const api of ['injectScript', 'setInWindow', 'createQueue', 'createArgumentsQueue', 'addConsentListener', 'sha256', 'copyFromDataLayer']) {
      expect(count(api), api).toBeGreaterThan(0);
    }
    expect(count('gtmOnSuccess')).toBeGreaterThan(RUNS / 4);
    expect(count('gtmOnFailure')).toBeGreaterThan(RUNS / 20);
  });

  it.runIf(!only)('gets hostile values of every part (tags, company, key mapping, consent, dedupe …) through to a vendor call', () => {
    const sent = (run: Reached) => [...run.apis].some((api) => /^callInWindow .*\.(identify|track)$/.test(api));
    for (const part of Object.keys(TARGETS)) {
      const through = reached.filter((run) => run.hostileParts.includes(part) && sent(run)).length;
      expect(through, part).toBeGreaterThan(2);
    }
  });
});
