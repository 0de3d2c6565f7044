// The snippet: what every page runs. It watches the data layer (data-layer-helper semantics,
// ./datalayer), keeps the consent state, tags clicks (./clicks) and finds, by event name, the
// first rule a message matches. Such a message is handed to the engine (./engine: core and the
// vendor modules) — which is loaded on the first of them, so a page view that never sends one
// never downloads it. Until the engine is there, matched messages wait in a queue and are then
// handed over in order; afterwards each is handed over as it arrives. When the engine cannot be
// loaded, the queue is kept, debug mode says why, and the next matched message tries again.
// Nothing here throws at the page.
//
// The config is read leniently, without messages: a value the snippet cannot use counts as
// absent. The engine checks the whole config when it loads and says what is wrong (config.ts);
// in debug mode it loads at start.
import type { EngineOutcome } from '../core/index';
import type { VendorId } from '../core/model';
import { DEFAULT_RULES } from '../core/default-rules';
import { VENDOR_IDS } from '../core/vendors/ids';
import { isUnsafeKey } from '../sandbox/object';
import type { BridgeConfig } from './config';
import { watchClicks, type ClickRule } from './clicks';
import { GLOBAL_NAME, isRegExp, isText, NOT_AN_OBJECT } from './config-read';
import { isPlainObject } from '../datalayer/kinds';
import { createModelLog, notAnArray, UNWATCHED, watchDataLayer, type DataLayerWatcher, type MessageKind } from './datalayer/index';
import type { CreateEngine, Engine, EngineHooks } from './engine';
import type { Win } from './platform';
import { UNCLAIMED_CLICK } from './engine-files';

export interface BridgeHandle {
  /** Gives the data layer its previous push back and removes the click listener. */
  stop(): void;
  /** Resolves, with their outcomes, once the identify/reset runs started so far have completed. */
  flush(): Promise<EngineOutcome[]>;
}

/** What the engine loader needs of the config. */
export interface SnippetSettings {
  engineFolder?: string;
  /** debug mode: the debug engine, which checks the whole config and explains every problem */
  debug: boolean;
  /** the one vendor the destinations name, whose engine is the smallest; null: the all-vendor engine */
  vendor: VendorId | null;
}

/** Where the engine comes from: at hand (the one-file build), or loaded when first needed. */
export type EngineSource = { create: CreateEngine } | { load: (settings: SnippetSettings) => Promise<CreateEngine> };

/** How the snippet sees a rule: the event it matches, and the top keys it reads a user id or email from when it sets or forgets who the visitor is. */
interface RuleEvent {
  event: string | RegExp | null;
  identity?: string[];
}

/** A matched message waiting for the engine: Engine.handle's arguments. */
type Matched = [message: unknown, at: number, kind: MessageKind, rule: number];

const INERT: BridgeHandle = { stop() {}, flush: () => Promise.resolve([]) };
const PREFIX = '[identify-bridge] ';

/**
 * Starts the bridge on `win`. A config with problems logs one console warning listing them and
 * starts nothing (problems only the engine sees are reported when it loads: at once in debug
 * mode, when it is at hand, or with the engine). One bridge runs per data layer: a second start
 * on it returns the running bridge's handle and says so.
 */
export function startBridge(config: BridgeConfig, win: Win, source: EngineSource): BridgeHandle {
  const warn = (text: string) => win.console.warn(PREFIX + text);
  try {
    if (!isPlainObject(config)) throw NOT_AN_OBJECT;
    return startOn(config as BridgeConfig & Record<string, unknown>, win, source, warn);
  } catch (error) {
    warn('not started: ' + String(error));
    return INERT;
  }
}

/** A list option's items, [] when it is not a list. */
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown) => (isText(value) ? value : undefined);

function ruleEvent(rule: unknown): RuleEvent {
  const { event, action, userId, email } = isPlainObject(rule) ? rule : ({} as Record<string, unknown>);
  return {
    // A copy without g/y: those flags make test() remember where it stopped.
    event: isRegExp(event) ? new RegExp(event.source, event.flags.replace(/[gy]/g, '')) : text(event) || null,
    identity: action === 'reset' || isText(userId) || isText(email)
      ? [userId, email].filter(isText).map((path) => path.split('.')[0].toLowerCase())
      : undefined,
  };
}

function clickRule(item: unknown): ClickRule[] {
  if (!isPlainObject(item) || !isText(item.selector) || !isText(item.event)) return [];
  const data: Record<string, string> = {};
  for (const key of Object.keys(item)) {
    const value = item[key];
    if (key !== 'selector' && key !== 'event' && !isUnsafeKey(key) && typeof value === 'string') data[key] = value;
  }
  return [{ selector: item.selector, event: item.event, data }];
}

/** The index of the first rule matching an event name, or -1. Exact names are looked up, not scanned. */
function ruleFinder(rules: RuleEvent[]): (name: string) => number {
  const exact = new Map<string, number>();
  const patterns: Array<[RegExp, number]> = [];
  rules.forEach(({ event }, i) => {
    if (isRegExp(event)) patterns.push([event, i]);
    else if (event && !exact.has(event)) exact.set(event, i);
  });
  return (name) => {
    const named = exact.has(name) ? exact.get(name)! : -1;
    for (const [pattern, i] of patterns) if ((named < 0 || i < named) && pattern.test(name)) return i;
    return named;
  };
}

/** The event name a message carries: an object's `event`, or a gtag event command's name. */
function eventName(message: unknown, kind: MessageKind): unknown {
  if (kind === 'object') return (message as Record<string, unknown>).event;
  const args = message as unknown[];
  return kind === 'command' && args[0] === 'event' ? args[1] : undefined;
}

/** Events that set or forget who the visitor is: page HTML may not push them (clicks.ts). */
const IDENTITY_EVENTS = DEFAULT_RULES.map((rule) => rule.event as string);

function startOn(config: BridgeConfig & Record<string, unknown>, win: Win, source: EngineSource, warn: (text: string) => void): BridgeHandle {
  const debug = config.debug === true;
  const log = (text: string) => debug && win.console.log(PREFIX + text);
  const rules = list(config.rules).map(ruleEvent).concat(config.defaultRules === false ? [] : DEFAULT_RULES.map((rule) => ({ event: rule.event! })));
  const named = list(config.destinations).map((item) => (isPlainObject(item) && VENDOR_IDS.indexOf(item.vendor as VendorId) >= 0 ? item.vendor as VendorId : null));
  const settings: SnippetSettings = {
    engineFolder: text(config.engineFolder),
    debug,
    vendor: named.length > 0 && named.every((vendor) => vendor === named[0]) ? named[0] : null,
  };
  // never a name that reaches a prototype: a hostile dataLayerName must not mark Window.prototype
  const name = typeof config.dataLayerName === 'string' && GLOBAL_NAME.test(config.dataLayerName) ? config.dataLayerName : 'dataLayer';

  let watcher: DataLayerWatcher | undefined;
  // the model is kept only for rules that read it
  const modelLog = list(config.rules).some((rule) => isPlainObject(rule) && rule.source === 'model') ? createModelLog() : undefined;
  const hooks: EngineHooks = { consentOf: (type) => (watcher ? watcher.consent(type) : undefined), log: modelLog };
  let engine: Engine | null = null;
  if ('create' in source) {
    const made = source.create(config, win, hooks);
    if (!made.engine) return warn('not started, the config has problems: ' + made.problems.join('; ')), INERT;
    engine = made.engine;
  }

  const queue: Matched[] = [];
  let starting = true; // history replays while watchDataLayer installs: its matches wait for the whole history's consent
  let loading: Promise<void> | null = null;
  const drain = () => {
    for (const matched of queue.splice(0)) {
      try {
        engine!.handle(...matched);
      } catch (error) {
        log('the engine threw: ' + String(error));
      }
    }
  };
  const load = () => {
    if (engine) return drain();
    if (loading || !('load' in source)) return;
    loading = source.load(settings).then((create) => {
      loading = null;
      const made = create(config, win, hooks);
      if (!made.engine) {
        warn('stopped, the config has problems: ' + made.problems.join('; '));
        queue.length = 0;
        return handle.stop();
      }
      engine = made.engine;
      drain();
    }).catch((error) => {
      loading = null;
      log('the engine did not load: ' + String(error) + '; the next matching message tries again');
    });
  };

  const findRule = ruleFinder(rules);
  // asked first with the live message (inside the watcher's guard): a push no rule matches costs
  // one look-up of its event name, and nothing is copied for it
  const ruleOf = (message: unknown, kind: MessageKind) => {
    const event = eventName(message, kind);
    return typeof event === 'string' ? findRule(event) : -1;
  };
  watcher = watchDataLayer(win, {
    name,
    listenToPast: config.listenToPast !== false,
    // consent commands go on too: they concern runs waiting for consent
    wants: (message, kind) => ruleOf(message, kind) >= 0 || (kind === 'command' && (message as unknown[])[0] === 'consent'),
    log: modelLog,
    onMessage: (message, { kind, at }) => {
      if (kind === 'command' && engine) engine.consentChanged();
      const rule = ruleOf(message, kind);
      if (rule < 0) return;
      queue.push([message, at, kind, rule]);
      if (!starting) load();
    },
    onError: (error) => log(String(error)),
  });
  if (watcher.bridge) {
    warn(`already running on window.${name}: start() returns the running bridge; stop() it first to start another`);
    return watcher.bridge as BridgeHandle;
  }
  starting = false;
  let clicks: { stop(): void } | undefined;
  const handle: BridgeHandle = {
    stop() {
      watcher!.stop();
      if (clicks) clicks.stop();
    },
    flush: () => Promise.resolve(loading).then(() => (engine ? engine.flush() : [])),
  };
  // said also without debug: nothing will ever be identified
  if (watcher === UNWATCHED) warn(notAnArray(name));
  else watcher.bridge = handle;
  try {
    if (queue.length > 0 || debug) load();
    else if (config.preload === true) win.requestIdleCallback ? win.requestIdleCallback(load) : win.setTimeout(load, 1);
    if (config.clicks !== false) {
      // Click pushes go onto the array being watched: a page that later assigns another array to
      // window.dataLayer is not followed (GTM does not follow it either).
      const watched: unknown = win[name];
      const identityRules = rules.filter((rule) => rule.identity);
      clicks = watchClicks(win.document, {
        attributePrefix: text(config.attributePrefix),
        selectors: list(config.clicks).flatMap(clickRule),
        events: Array.isArray(config.clickEvents) ? config.clickEvents.filter(isText) : undefined,
        container: text(config.clickContainer),
        refuses: (event) => IDENTITY_EVENTS.indexOf(event) >= 0 ||
          identityRules.some((rule) => (isRegExp(rule.event) ? rule.event.test(event) : rule.event === event)),
        refusedKeys: ([] as string[]).concat(...identityRules.map((rule) => rule.identity!)),
        push: (message) => {
          (Array.isArray(watched) ? watched : win[name]).push(message);
          if (findRule(message.event) < 0) {
            queue.push([message, 0, 'object', UNCLAIMED_CLICK]);
            load();
          }
        },
        note: (line) => debug && win.console.log('gtm-identify ' + line), // as the engine's notes read
        onError: (error) => log(String(error)),
      });
    }
  } catch (error) {
    handle.stop(); // a start that fails gives push back: nothing piles up behind a bridge that is not running
    throw error;
  }
  return handle;
}
