// The snippet: what every page runs. It watches the data layer (data-layer-helper semantics,
// ./datalayer), collects its consent commands for the engine (which keeps the consent state and
// reads them when a run asks, so a history match sees the whole history's consent), tags clicks
// (./clicks) and finds, by event name, the first rule a message matches. Such a message is
// handed to the engine (./engine: core and the vendor modules) — which is loaded on the first of
// them, so a page view that never sends one never downloads it. Until the engine is there, matched messages wait in a queue and are then
// handed over in order; afterwards each is handed over as it arrives. Messages wait as pushed: the
// engine copies each one it is handed, so the snippet carries no copying code (a message pushed while
// the engine loads is copied when it has loaded). When the engine cannot be loaded, the queue is
// kept, debug mode says why, and the next matched message tries again.
// Nothing here throws at the page.
//
// The config is read leniently, without messages: a value of the wrong kind reads as absent, and
// what the snippet does not need (destinations, rule keys other than event, action, userId,
// email and source) is not looked at. The engine reads the rest; the debug engine checks the whole
// config and says what is wrong (config.ts), and in debug mode it loads at start.
import type { EngineOutcome } from '../core/index';
import type { BridgeConfig } from './config';
import { watchClicks } from './clicks';
import { isText, list, NOT_AN_OBJECT } from './config-read';
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

/**
 * Where the engine comes from: at hand (the one-file build), or loaded when first needed; the
 * loader reads what it needs of the config (its folder, debug, the vendors), so that the one-file
 * build carries none of that.
 */
export type EngineSource = { create: CreateEngine } | { load: (config: Record<string, unknown>) => Promise<CreateEngine> };

/** A matched message waiting for the engine: Engine.handle's arguments. */
type Matched = [message: unknown, at: number, kind: MessageKind, rule: number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Bag = Record<string, any>;

const INERT: BridgeHandle = { stop() {}, flush: () => Promise.resolve([]) };
const PREFIX = '[identify-bridge] ';

/**
 * The events of core's default rules, in their order (core/default-rules.ts; a test holds them
 * equal). They set or forget who the visitor is, so page HTML may never push them (clicks.ts).
 */
export const DEFAULT_EVENTS = ['user_sign_in', 'user_sign_up', 'user_identify', 'user_logout'];

/** A rule's event matches an event name: the same text, or a RegExp found in it (search: g and y leave no state behind). */
const matches = (event: unknown, name: string) => event === name || (typeof event === 'object' && !!event && name.search(event as RegExp) >= 0);

/**
 * Starts the bridge on `win`. A config with problems logs one console warning listing them and
 * starts nothing (problems only the engine sees are reported when it loads: at once in debug
 * mode, when it is at hand, or with the engine). One bridge runs per data layer: a second start
 * on it returns the running bridge's handle and says so.
 *
 * The production snippet's texts are codes (snippet-codes.ts): each line is printed with its codes
 * in words once an engine gave their texts (the debug engine does); in debug mode, lines wait
 * for that engine while it loads.
 */
export const startBridge = (given: BridgeConfig, win: Win, source: EngineSource): BridgeHandle => {
  let texts: Bag = {};
  let held: string[][] | null = null;
  const print = (method: string, text: string): unknown =>
    held ? held.push([method, text]) : win.console[method](PREFIX + text.replace(/\{(\w+)\}/g, (code, key) => texts[key] || code));
  /** The lines held while the engine loaded, printed (in words when `create` has the texts). */
  const release = (create?: CreateEngine) => {
    texts = (create && (create as Bag).texts) || texts;
    const lines = held || [];
    held = null;
    for (const [method, text] of lines) print(method, text);
  };
  const warn = (text: string) => print('warn', text);
  const config = given as unknown as Bag;
  try {
    let watcher: DataLayerWatcher | undefined;
    let engine: Engine | null = null;
    let loading: Promise<void> | null = null;
    let clicks: { stop(): void } | undefined;
    const rules = list(Object(config).rules);
    // the model is kept only for rules that read it
    const log = rules.some((rule) => rule && rule.source === 'model') ? createModelLog() : undefined;
    // the watcher collects the consent commands; the engine reads them when a run asks, and hears of new ones
    const hooks: EngineHooks = { consents: [], log };
    /** The engine `create` makes for the config, or null when the config has problems (said in one warning). */
    const make = (create: CreateEngine, what: string) => {
      const made = create(given, win, hooks);
      if (!made.engine) warn(what + ', the config has problems: ' + made.problems.join('; '));
      return (engine = made.engine);
    };
    if ('create' in source) {
      if (!make(source.create, 'not started')) return INERT;
    } else if (!isPlainObject(config)) {
      throw NOT_AN_OBJECT;
    }

    const debug = config.debug === true;
    if (debug && !engine) held = []; // until the engine is loaded, at start (below)
    const say = (text: string) => debug && print('log', text);
    const events = rules.map((rule) => rule && rule.event).concat(config.defaultRules === false ? [] : DEFAULT_EVENTS);
    /** The index of the first rule matching an event name, or -1. */
    const find = (name: unknown) => {
      if (typeof name === 'string') for (let i = 0; i < events.length; i++) if (matches(events[i], name)) return i;
      return -1;
    };
    // asked first with the live message (inside the watcher's guard): a push no rule matches costs
    // one look-up of its event name (an object's `event`, a gtag event command's name), and nothing is copied for it
    const ruleOf = (message: unknown, kind: MessageKind) =>
      find(kind === 'object' ? (message as Bag).event : kind === 'command' && (message as Bag)[0] === 'event' && (message as Bag)[1]);
    // never a name that reaches a prototype (__proto__, constructor): a hostile dataLayerName must not
    // mark Window.prototype (the debug engine also refuses names that are no global variable's)
    // (and, as every option here, a value of the wrong kind reads as absent: not a text, no name)
    const name: string = isText(config.dataLayerName) && !(config.dataLayerName in {}) ? config.dataLayerName : 'dataLayer';

    const queue: Matched[] = [];
    let starting = true; // history replays while watchDataLayer installs: its matches wait for the whole history's consent
    const drain = () => {
      for (const matched of queue.splice(0)) {
        try {
          engine!.handle(...matched);
        } catch (error) {
          say('the engine threw: ' + String(error));
        }
      }
    };
    const load = () => {
      if (engine) drain();
      else if (!loading && 'load' in source) {
        loading = source.load(config)
          .then((create) => {
            release(create);
            if (make(create, 'stopped')) drain();
            else (queue.length = 0), handle.stop();
          })
          .catch((error) => {
            release();
            say(String(error)); // the loader's words: the one-file build, which never loads, carries none
          })
          .then(() => void (loading = null));
      }
    };

    watcher = watchDataLayer(win, {
      name,
      listenToPast: config.listenToPast !== false,
      wants: (message, kind) => ruleOf(message, kind) >= 0,
      // when every rule names its event, a push of another event is passed over with one look-up
      events: events.every(isText) && new Set(events),
      log,
      consents: hooks.consents,
      onMessage: (message, { kind, at }) => {
        const rule = ruleOf(message, kind);
        if (rule >= 0) {
          queue.push([message, at, kind, rule]);
          if (!starting) load();
        }
      },
      onError: (error) => say(String(error)),
    });
    if (watcher.bridge) {
      warn(`already running on window.${name}: start() returns the running bridge; stop() it first to start another`);
      release();
      return watcher.bridge as BridgeHandle;
    }
    starting = false;
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
      if (queue.length || debug) load();
      else if (config.preload === true) (win.requestIdleCallback || win.setTimeout).call(win, load);
      if (config.clicks !== false) {
        // Click pushes go onto the array being watched: a page that later assigns another array to
        // window.dataLayer is not followed (GTM does not follow it either).
        const watched: unknown[] = win[name];
        // rules that set or forget who the visitor is: attributes may not push their events, nor
        // write the keys they read the user id or email from
        const identity = rules.filter((rule) => rule && (rule.action === 'reset' || isText(rule.userId) || isText(rule.email)));
        clicks = watchClicks(win.document, config, {
          refuses: (event) => DEFAULT_EVENTS.indexOf(event) >= 0 || identity.some((rule) => matches(rule.event, event)),
          refusedKeys: identity.flatMap((rule) => [rule.userId, rule.email]).filter(isText).map((path) => path.split('.')[0].toLowerCase()),
          push: (message) => {
            watched.push(message);
            if (find(message.event) < 0) {
              queue.push([message, 0, 'object', UNCLAIMED_CLICK]);
              load();
            }
          },
          log: say as (text: string) => void,
        });
      }
    } catch (error) {
      handle.stop(); // a start that fails gives push back: nothing piles up behind a bridge that is not running
      throw error;
    }
    return handle;
  } catch (error) {
    warn('not started: ' + String(error));
    release();
    return INERT;
  }
};
