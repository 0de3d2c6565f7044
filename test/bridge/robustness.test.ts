// Seeded fuzzing of the whole bridge in happy-dom: random configs (valid and broken), a few
// thousand random pushes (non-objects, arrays, arguments, cycles, throwing getters and proxies,
// huge strings, deep nesting, __proto__ keys, rule events with random payloads, gtag consent
// commands, function messages) and random clicks on elements tagged with data-identify-*.
// Whatever happens: push never throws and returns what the push it wraps returned, the array
// keeps every message, Object.prototype stays clean, flush() resolves and stop() gives push
// back. A failure names its seed: FUZZ_SEED=<seed> reruns that page alone (FUZZ_STACK=1 adds the
// stack; FUZZ_RUNS / FUZZ_BASE widen the search).
import { describe, expect, it } from 'vitest';
import { newWindow, startOn, type Win } from './harness';
import { rng, type Rng } from '../seeded-random';

const PAGES = Number(process.env.FUZZ_RUNS ?? 40);
const PUSHES_PER_PAGE = 100;
const CLICKS_PER_PAGE = 15;
const BASE_SEED = Number(process.env.FUZZ_BASE ?? 0xb1d6e);
/** flush() on a page with no vendor script to wait for settles within a few timer turns. */
const FLUSH_TIMEOUT_MS = 3_000;


// --- random values and messages ----------------------------------------------------------------

const VENDORS = ['segment', 'customerio', 'gist', 'mutiny', 'connecto', 'antsomi'] as const;
const EVENTS = ['user_sign_in', 'user_sign_up', 'user_identify', 'user_logout', 'login', 'dealer_click', 'gtm.js', 'gtm.click', '', 'USER_SIGN_IN'];
const WORDS = [
  'u-1', 'ann@example.com', ' Ann@Example.COM ', 'not an email', 'pro', 'Audi', 'vip', '{{DLV}}', '__proto__', 'constructor',
  'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'user.id', 'a..b', '.', '', ' ', 'Ünïcødé 🎉', '\ud800', 'a'.repeat(64),
];
const NUMBERS = [0, -0, 1, -1, 42, 3.5, NaN, Infinity, -Infinity, 1e308, 2 ** 53 + 1];
const PATHS = ['user.id', 'user.email', 'userId', 'email', 'traits.plan', 'car.brand', 'oemname', 'a.b.c', '__proto__.polluted', 'constructor.prototype'];

/** Objects and arrays nested `depth` levels, with the keys rules read at every level. */
function deep(depth: number): unknown {
  let value: unknown = { leaf: 'x' };
  for (let i = 0; i < depth; i++) value = i % 3 === 0 ? [value] : { user: value, traits: value };
  return value;
}

function hostile(r: Rng): unknown {
  switch (r.int(7)) {
    case 0: {
      const cycle: Record<string, unknown> = { plan: 'pro' };
      cycle.self = cycle;
      cycle.list = [cycle, { back: cycle }];
      return cycle;
    }
    case 1: return Object.defineProperty({ plan: 'pro' }, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    case 2: return new Proxy({}, {
      ownKeys: () => { throw new Error('ownKeys'); },
      get: () => { throw new Error('get'); },
      getPrototypeOf: () => { throw new Error('getPrototypeOf'); },
    });
    case 3: return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "plan": "pro"}');
    case 4: return deep(r.pick([50, 2_000]));
    case 5: return 'x'.repeat(r.pick([10_000, 1_000_000]));
    default: return Object.create(null);
  }
}

function randomValue(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 9)) {
    case 0: return r.pick([undefined, null]);
    case 1: case 2: return r.pick(WORDS);
    case 3: return r.pick(NUMBERS);
    case 4: return r.chance(0.5);
    case 5: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    case 6: return hostile(r);
    default: {
      const object: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--) object[r.pick(WORDS.concat(['plan', 'brand', 'firstName', 'created_at']))] = randomValue(r, depth + 1);
      return object;
    }
  }
}

function argumentsOf(..._values: unknown[]): IArguments {
  return arguments;
}

/** A message a rule may match: a known event with a random payload. */
function eventMessage(r: Rng): Record<string, unknown> {
  const message: Record<string, unknown> = { event: r.pick(EVENTS) };
  const keys = ['user_id', 'userId', 'email', 'traits', 'tags', 'company', 'user', 'car', 'oemname', '__proto__'];
  for (const key of keys) {
    if (!r.chance(0.4)) continue;
    const value = key === 'user' ? { id: randomValue(r, 1), email: r.pick(WORDS) } : randomValue(r);
    if (key === '__proto__') Object.defineProperty(message, key, { value, enumerable: true });
    else message[key] = value;
  }
  return message;
}

function consentCommand(r: Rng): IArguments {
  const settings: Record<string, unknown> = {};
  for (const type of ['analytics_storage', 'ad_storage', 'functionality_storage', 'region', 'wait_for_update']) {
    if (r.chance(0.5)) settings[type] = r.chance(0.8) ? r.pick(['granted', 'denied']) : randomValue(r);
  }
  return argumentsOf('consent', r.pick(['default', 'update', 'update', 'bogus']), r.chance(0.9) ? settings : randomValue(r));
}

function randomMessage(r: Rng): unknown {
  switch (r.int(10)) {
    case 0: return r.pick<unknown>([undefined, null, 42, 'user_sign_in', true, Symbol('s'), 10n]);
    case 1: return [r.pick(['set', 'event', 'consent', 'get']), randomValue(r), randomValue(r)];
    case 2: return consentCommand(r);
    case 3: return argumentsOf(r.pick(['event', 'set', 'config', 'js']), randomValue(r), randomValue(r));
    case 4: return hostile(r);
    case 5: return r.pick([
      function setsModel(this: { set(key: string, value: unknown): void }) { this.set('user.id', 'from-fn'); },
      function throws() { throw new Error('message function'); },
      { _clear: true, user: null },
    ]);
    default: return eventMessage(r);
  }
}

// --- random configs ------------------------------------------------------------------------------

/** A page function for a vendor method: records, returns oddities, sometimes throws or rejects. */
let vendorCalls = 0;

function vendorFunction(r: Rng): (...args: unknown[]) => unknown {
  const mode = r.int(5);
  return () => {
    vendorCalls++;
    if (mode === 0) throw new Error('vendor bug');
    if (mode === 1) return Promise.reject(new Error('vendor rejected'));
    if (mode === 2) return { then: 7 };
    return mode === 3 ? 'anon-7' : undefined;
  };
}

function installVendors(r: Rng, win: Win): void {
  const fn = () => vendorFunction(r);
  const globals: Record<string, () => unknown> = {
    analytics: () => ({ identify: fn(), reset: fn() }),
    cioanalytics: () => ({ identify: fn(), reset: fn() }),
    gist: () => (r.chance(0.5) ? { identify: fn(), chat: fn() } : []),
    mutiny: () => ({ client: { identify: fn() } }),
    _connecto: () => ({ identify: fn(), getIdentity: fn() }),
    web_event: () => Object.assign(function webEvent() {}, { track: fn(), resetAnonymousUId: fn() }),
  };
  for (const [name, make] of Object.entries(globals)) {
    const mode = r.int(4);
    if (mode === 0) win[name] = make();
    else if (mode === 1) win[name] = r.pick<unknown>([42, 'loaded', null, {}, []]);
  }
}

function destination(r: Rng, vendor: string): Record<string, unknown> {
  const options: Record<string, unknown> = { vendor };
  const maybe = (key: string, values: unknown[]) => {
    if (r.chance(0.4)) options[key] = r.pick(values);
  };
  maybe('writeKey', ['wk_1', '', 'has space', 42]);
  maybe('loadScript', [true, false, 'yes']);
  maybe('appId', ['app42', '']);
  maybe('licenseKey', ['a1b2c3d4e5f6g7h8']);
  maybe('portalId', ['123', 'x']);
  maybe('propertyId', ['456']);
  // Waits stay short: a flush waits for them in real time.
  options.waitMs = r.pick([0, '0', 5]);
  return options;
}

function validConfig(r: Rng): Record<string, unknown> {
  const vendors = VENDORS.filter(() => r.chance(0.5));
  const config: Record<string, unknown> = {
    destinations: (vendors.length ? vendors : ['segment']).map((vendor) => destination(r, vendor)),
  };
  if (r.chance(0.5)) {
    config.rules = Array.from({ length: 1 + r.int(3) }, () => {
      const rule: Record<string, unknown> = { event: r.chance(0.3) ? /^(login|dealer_.*)$/g : r.pick(EVENTS.filter(Boolean)) };
      if (r.chance(0.3)) rule.action = r.pick(['identify', 'reset']);
      if (r.chance(0.3)) rule.userId = r.pick(PATHS.slice(0, 4));
      if (r.chance(0.4)) rule.traits = { brand: r.pick(['car.brand', 'oemname']), plan: { path: 'traits.plan', type: r.pick(['text', 'number', 'date']) } };
      if (r.chance(0.3)) rule.tags = r.chance(0.5) ? ['oemname'] : { brand: 'car.brand' };
      if (r.chance(0.3)) rule.source = r.pick(['message', 'model']);
      return rule;
    });
  }
  const maybe = (key: string, values: unknown[]) => {
    if (r.chance(0.3)) config[key] = r.pick(values);
  };
  maybe('dataLayerName', ['dataLayer', 'myLayer']);
  maybe('defaultRules', [true, false]);
  maybe('clicks', [false, [], [{ selector: 'button.dealer', event: 'dealer_click', brand: 'Audi' }, { selector: 'a', event: 'link_click' }]]);
  maybe('attributePrefix', ['data-identify-', 'data-x-']);
  maybe('listenToPast', [true, false]);
  maybe('debug', [true, false]);
  maybe('dedupe', [true, false]);
  maybe('consent', [true, false, { type: 'ad_storage', whenDenied: 'wait' }, { whenDenied: 'drop' }]);
  maybe('userIdHash', ['none', 'sha256', 'md5']);
  maybe('useEmailAsUserId', [true, false]);
  return config;
}

/** A config with one random thing wrong, or not a config at all. */
function brokenConfig(r: Rng): unknown {
  const config = validConfig(r);
  switch (r.int(8)) {
    case 0: return r.pick<unknown>([undefined, null, 42, 'segment', [], () => {}]);
    case 1: config.destinations = r.pick<unknown>([[], 'segment', [{ vendor: 'nope' }], [{ vendor: 'segment' }, { vendor: 'segment' }], [null]]); break;
    case 2: config.rules = r.pick<unknown>(['x', [null], [{ event: '' }], [{ event: 'e', traits: { '': 'a' } }], [{ event: 'e', bogus: 1 }]]); break;
    case 3: config.clicks = r.pick<unknown>([[{ selector: '[[', event: 'e' }], [{ selector: 'a' }], 'a', [{ selector: 'a', event: 'e', x: 1 }]]); break;
    case 4: config.dataLayerName = r.pick<unknown>(['1bad', 'a.b', '', 42]); break;
    case 5: config.consent = r.pick<unknown>(['yes', { whenDenied: 'later' }, { type: 5 }]); break;
    case 6: return JSON.parse('{"__proto__": {"polluted": 1}, "destinations": [{"vendor": "segment", "__proto__": {"polluted": 2}}]}');
    default: config[r.pick(['unknownOption', 'userIdHash', 'attributePrefix'])] = r.pick<unknown>(['sha1', '"]', {}]);
  }
  return config;
}

// --- clicks ------------------------------------------------------------------------------------

function buildElements(r: Rng, win: Win): Element[] {
  const doc = win.document;
  const elements: Element[] = [];
  for (let i = 0; i < 12; i++) {
    const element = doc.createElement(r.pick(['button', 'a', 'div', 'span']));
    if (r.chance(0.5)) element.className = 'dealer';
    for (const prefix of ['data-identify-', 'data-x-']) {
      if (r.chance(0.6)) element.setAttribute(prefix + 'event', r.pick(EVENTS));
      for (const name of ['brand', 'car-model', '__proto__', 'constructor', 'has-own-property', '']) {
        if (r.chance(0.3)) element.setAttribute(prefix + name, r.chance(0.1) ? 'y'.repeat(100_000) : r.pick(WORDS));
      }
    }
    const parent = elements.length && r.chance(0.5) ? r.pick(elements) : doc.body;
    parent.appendChild(element);
    elements.push(element);
  }
  return elements;
}

// --- one page ------------------------------------------------------------------------------------

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

async function fuzzPage(seed: number): Promise<string[]> {
  const r = rng(seed);
  const problems: string[] = [];
  const win = newWindow({
    settings: {
      fetch: { interceptor: { beforeAsyncRequest: async ({ window }) => new window.Response('down', { status: 404 }) } },
    },
  });
  win.console.warn = () => {};
  win.console.log = () => {};
  installVendors(r, win);
  const config = r.chance(0.75) ? validConfig(r) : brokenConfig(r);
  const name = (config as { dataLayerName?: unknown } | null)?.dataLayerName;
  const layerName = typeof name === 'string' && /^[A-Za-z_$][\w$]*$/.test(name) ? name : 'dataLayer';
  const layer: unknown[] = Array.from({ length: r.int(4) }, () => randomMessage(r));
  win[layerName] = layer;
  // The push the bridge wraps: the array's own, or a page's (GTM's) that returns something else.
  let pagePushes = 0;
  if (r.chance(0.5)) {
    const pagePush = function (...items: unknown[]) {
      Array.prototype.push.apply(layer, items);
      return 'page-push-' + pagePushes++;
    };
    layer.push = pagePush as unknown as typeof layer.push;
  }
  const pushBefore = layer.push;
  const hadOwnPush = Object.prototype.hasOwnProperty.call(layer, 'push');
  const elements = buildElements(r, win);
  const bridge = startOn(win, config as Parameters<typeof startOn>[1]);

  const fail = (what: string) => problems.push(`seed ${seed}: ${what}`);
  for (let i = 0; i < PUSHES_PER_PAGE; i++) {
    const messages = Array.from({ length: r.chance(0.1) ? 2 + r.int(3) : 1 }, () => randomMessage(r));
    const length = layer.length;
    // What the wrapped push returns: the page's numbers its calls, Array's gives the new length.
    const expected = hadOwnPush ? 'page-push-' + pagePushes : length + messages.length;
    let returned: unknown;
    try {
      returned = layer.push(...messages);
    } catch (error) {
      fail(`push ${i} threw ${String(error)}` + (process.env.FUZZ_STACK ? (error as Error).stack : ""));
      continue;
    }
    if (returned !== expected) {
      fail(`push ${i} returned ${String(returned)}, the wrapped push returned ${String(expected)}`);
    }
    if (layer.length < length + messages.length || messages.some((m, k) => !Object.is(layer[length + k], m))) {
      fail(`push ${i}: the array does not hold the pushed messages in order`);
    }
    if (r.chance(CLICKS_PER_PAGE / PUSHES_PER_PAGE)) {
      const target = r.pick(elements);
      try {
        (target as HTMLElement).click();
      } catch (error) {
        fail(`a click threw ${String(error)}`);
      }
    }
  }
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_KEYS || ({} as { polluted?: unknown }).polluted !== undefined) {
    fail('Object.prototype was changed');
  }
  const flushed = await Promise.race([
    bridge.flush().then(() => 'resolved', (error) => 'rejected: ' + String(error)),
    new Promise<string>((resolve) => setTimeout(() => resolve('still pending'), FLUSH_TIMEOUT_MS)),
  ]);
  if (flushed !== 'resolved') fail(`flush() ${flushed}`);
  bridge.stop();
  if (layer.push !== pushBefore || Object.prototype.hasOwnProperty.call(layer, 'push') !== hadOwnPush) fail('stop() did not give push back');
  return problems;
}

describe('the bridge under random configs, pushes and clicks', () => {
  it(`keeps the page working through ${PAGES} seeded pages of ${PUSHES_PER_PAGE} pushes each`, async () => {
    const only = process.env.FUZZ_SEED;
    const seeds = only ? [Number(only)] : Array.from({ length: PAGES }, (_, i) => BASE_SEED + i);
    const failures: string[] = [];
    for (const seed of seeds) {
      failures.push(...(await fuzzPage(seed)));
      delete (Object.prototype as { polluted?: unknown }).polluted; // one polluting seed must not fail all the others
    }
    expect(failures).toEqual([]);
    // Guards the fuzzer itself: the pushes must also have reached vendor code through the engine.
    if (!only) expect(vendorCalls).toBeGreaterThan(PAGES);
  }, 240_000); // about 1.5 s a page on a busy 2-core machine
});
