// The snippet: what every page runs. It watches the data layer (data-layer-helper semantics,
// ./datalayer), keeps the consent state, tags clicks (./clicks) and finds, by event name, the
// first rule a message matches. Such a message is handed to the engine (./engine: core and the
// vendor modules) — which is loaded on the first of them, so a page view that never sends one
// never downloads it. Until the engine is there, matched messages wait in a queue and are then
// handed over in order; afterwards each is handed over as it arrives. When the engine cannot be
// loaded, the queue is kept, debug mode says why, and the next matched message tries again.
// Nothing here throws at the page.
import type { EngineOutcome } from '../core/index';
import type { BridgeConfig } from './config';
import { DEFAULT_RULES } from '../core/rules';
import { watchClicks, type ClickMessage } from './clicks';
import { isRegExp } from './config-read';
import { NOT_AN_OBJECT } from './config-read';
import { isPlainObject } from '../datalayer/kinds';
import { createModelLog, UNWATCHED, watchDataLayer } from './datalayer/index';
import type { DataLayerWatcher, MessageKind } from './datalayer/index';
import type { CreateEngine, Engine, EngineHooks } from './engine';
import type { Win } from './platform';
import { readSnippetConfig, ruleFinder, type RuleEvent, type SnippetSettings } from './snippet-config';
import { UNCLAIMED_CLICK } from './engine-files';
import { onePerPage } from './one-per-page';

export interface BridgeHandle {
  /** Gives the data layer its previous push back and removes the click listener. */
  stop(): void;
  /** Resolves, with their outcomes, once the identify/reset runs started so far have completed. */
  flush(): Promise<EngineOutcome[]>;
}

/** Where the engine comes from: at hand (the one-file build), or loaded when first needed. */
export type EngineSource = { create: CreateEngine } | { load: (settings: SnippetSettings) => Promise<CreateEngine> };

/** A matched message waiting for the engine: Engine.handle's arguments. */
type Matched = [message: unknown, at: number, kind: MessageKind, rule: number];

const INERT: BridgeHandle = { stop() {}, flush: () => Promise.resolve([]) };
const PREFIX = '[identify-bridge] ';

/**
 * Starts the bridge on `win`. A config with problems logs one console warning listing them and
 * starts nothing (problems only the engine sees are reported when it loads: at once in debug
 * mode, when it is at hand, or with the engine).
 */
export function startBridge(config: BridgeConfig, win: Win, source: EngineSource): BridgeHandle {
  try {
    return startOn(win, config, source);
  } catch (error) {
    win.console.warn(PREFIX + 'not started: ' + String(error));
    return INERT;
  }
}

/** The event name a message carries: an object's `event`, or a gtag event command's name. */
function eventName(message: unknown, kind: MessageKind): unknown {
  if (kind === 'object') return (message as Record<string, unknown>).event;
  const args = message as unknown[];
  return kind === 'command' && args[0] === 'event' ? args[1] : undefined;
}

function startOn(win: Win, config: BridgeConfig, source: EngineSource): BridgeHandle {
  if (!isPlainObject(config)) {
    win.console.warn(PREFIX + 'not started: ' + NOT_AN_OBJECT);
    return INERT;
  }
  const settings = readSnippetConfig(config);
  // the validated name, so that a hostile dataLayerName never marks a prototype
  return onePerPage(win, settings.dataLayerName, () => startWith(win, config, settings, source), INERT);
}

function startWith(win: Win, config: BridgeConfig, settings: SnippetSettings, source: EngineSource): BridgeHandle {
  const log = (text: string) => settings.debug && win.console.log(PREFIX + text);
  let watcher: DataLayerWatcher | undefined;
  // the model is kept only for rules that read it
  const modelLog = settings.rules.some((rule) => rule.model) ? createModelLog() : undefined;
  const hooks: EngineHooks = { consentOf: (type) => (watcher ? watcher.consent(type) : undefined), log: modelLog };
  let engine: Engine | null = null;
  if ('create' in source) {
    const made = source.create(config, win, hooks);
    if (!made.engine) {
      win.console.warn(PREFIX + 'not started, the config has problems: ' + made.problems.join('; '));
      return INERT;
    }
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
  const ready = (create: CreateEngine) => {
    const made = create(config, win, hooks);
    if (!made.engine) {
      win.console.warn(PREFIX + 'stopped, the config has problems: ' + made.problems.join('; '));
      queue.length = 0;
      return handle.stop();
    }
    engine = made.engine;
    drain();
  };
  const load = () => {
    if (engine) return drain();
    if (loading || !('load' in source)) return;
    loading = source.load(settings).then((create) => {
      loading = null;
      try {
        ready(create);
      } catch (error) {
        log('the engine threw: ' + String(error));
      }
    }, (error) => {
      loading = null;
      log('the engine did not load: ' + String(error) + '; the next matching message tries again');
    });
  };

  const findRule = ruleFinder(settings.rules);
  // the rule a message matches, asked first with the live message (inside the watcher's guard):
  // a push no rule matches costs one look-up of its event name
  const ruleOf = (message: unknown, kind: MessageKind) => {
    const name = eventName(message, kind);
    return typeof name === 'string' ? findRule(name) : -1;
  };
  watcher = watchDataLayer(win, {
    name: settings.dataLayerName,
    listenToPast: settings.listenToPast,
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
  // said also without debug: nothing will ever be identified
  if (watcher === UNWATCHED) win.console.warn(PREFIX + 'window.' + settings.dataLayerName + ' is not an array; the data layer is not watched');
  starting = false;
  let clicks: { stop(): void } | null = null;
  const handle: BridgeHandle = {
    stop() {
      watcher!.stop();
      if (clicks) clicks.stop();
    },
    flush: () => Promise.resolve(loading).then(() => (engine ? engine.flush() : [])),
  };
  try {
    if (queue.length > 0 || settings.debug) load();
    else if (settings.preload) win.requestIdleCallback ? win.requestIdleCallback(load) : win.setTimeout(load, 1);
    clicks = settings.clicks === false ? null : tagClicks(win, settings, findRule, log, (message) => {
      queue.push([message, 0, 'object', UNCLAIMED_CLICK]);
      load();
    });
  } catch (error) {
    handle.stop(); // a start that fails gives push back: nothing piles up behind a bridge that is not running
    throw error;
  }
  return handle;
}
/** Events that set or forget who the visitor is: page HTML may not push them (clicks.ts). */
const IDENTITY_EVENTS = DEFAULT_RULES.map((rule) => rule.event as string);

/**
 * Click tagging, pushing onto the data layer array being watched; a click message no rule
 * claims goes to `unclaimed` (the engine identifies the visitor with its data as tags).
 */
function tagClicks(win: Win, settings: SnippetSettings, findRule: (name: string) => number, log: (text: string) => void, unclaimed: (message: ClickMessage) => void) {
  // A page that later assigns another array to window.dataLayer is not followed (GTM does not
  // follow it either); click pushes keep going where we listen.
  const watched: unknown = win[settings.dataLayerName];
  const identityRules = settings.rules.filter((rule) => rule.identity);
  const matches = (rule: RuleEvent, name: string) => (isRegExp(rule.event) ? rule.event.test(name) : rule.event === name);
  return watchClicks(win.document, {
    attributePrefix: settings.attributePrefix,
    selectors: settings.clicks || [],
    events: settings.clickEvents,
    container: settings.clickContainer,
    refuses: (event) => IDENTITY_EVENTS.indexOf(event) >= 0 || identityRules.some((rule) => matches(rule, event)),
    refusedKeys: ([] as string[]).concat(...identityRules.map((rule) => rule.identity!)),
    push: (message) => {
      (Array.isArray(watched) ? watched : win[settings.dataLayerName]).push(message);
      if (findRule(message.event) < 0) unclaimed(message);
    },
    note: (text) => settings.debug && win.console.log('gtm-identify ' + text), // as the engine's notes read
    onError: (error) => log(String(error)),
  });
}
