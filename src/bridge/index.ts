// The dataLayer bridge: start(config) watches the page's data layer (data-layer-helper
// semantics, ./datalayer), tags marketers' clicks (./clicks), and turns messages that match a
// rule into identify or reset runs of core's engine — the same engine and vendor mappings as
// the GTM template — through a Platform on `window` (./platform).
import { DEFAULT_RULES } from '../core/index';
import type { EngineOutcome, IdentifyInput } from '../core/index';
import { readConfig } from './config';
import type { BridgeConfig, BridgeRule, Settings } from './config';
import { selectorTest, watchClicks, type ClickMessage } from './clicks';
import { DEFAULT_LIMITS, watchDataLayer } from './datalayer/index';
import type { DataLayerWatcher, MessageKind, Model } from './datalayer/index';
import { createPlatform, type BridgePlatform, type Win } from './platform';
import { createRuns } from './runs';
import { mayTrigger, triggeredInput } from './triggers';
import { visitor } from './visitor';

export type { BridgeConfig, ClickConfig, DestinationConfig, RuleConfig } from './config';
export type { EngineOutcome, VendorResult, Message } from '../core/index';

export interface BridgeHandle {
  /** Gives the data layer its previous push back and removes the click listener. */
  stop(): void;
  /** Resolves, with their outcomes, once the identify/reset runs started so far have completed. */
  flush(): Promise<EngineOutcome[]>;
}

const INERT: BridgeHandle = { stop() {}, flush: () => Promise.resolve([]) };

/**
 * Starts the bridge on `win` (default: the page's window). A config with problems logs one
 * console warning listing them and starts nothing; nothing here throws at the page.
 */
export function start(config: BridgeConfig, win: Win = window): BridgeHandle {
  try {
    return startOn(win, config);
  } catch (error) {
    win.console.warn('[identify-bridge] not started: ' + String(error));
    return INERT;
  }
}

function startOn(win: Win, config: BridgeConfig): BridgeHandle {
  const { settings, problems } = readConfig(config, selectorTest(win.document));
  if (!settings) {
    win.console.warn('[identify-bridge] not started, the config has problems: ' + problems.join('; '));
    return INERT;
  }
  let watcher: DataLayerWatcher | undefined;
  const platform = createPlatform(win, {
    debug: settings.debug,
    consentOf: settings.consent ? (type) => (watcher ? watcher.consent(type) : undefined) : undefined,
  });
  const runs = createRuns({
    source: 'datalayer_bridge', destinations: settings.destinations, dedupe: settings.dedupe, consent: settings.consent,
  }, platform);
  const who = visitor();
  const rules = watchRules(win, settings, platform, (input) => runs.add(who.seen(input)));
  watcher = rules.watcher;
  rules.runPast(); // now that consentOf reads the watcher, which knows the whole history's consent
  const clicks = settings.clicks === false ? null : tagClicks(win, settings, platform, (message) => {
    const input = who.clickInput(message);
    input.userIdHash = settings.userIdHash;
    input.useEmailAsUserId = settings.useEmailAsUserId;
    runs.add(input);
  });
  return {
    stop() {
      watcher!.stop();
      if (clicks) clicks.stop();
    },
    flush: () => runs.flush(),
  };
}

/**
 * Watches the data layer and hands the input of each message that matches a rule to `run`.
 * Rules for the history wait for runPast(): it is replayed while watchDataLayer installs,
 * before the caller has the watcher and with it the consent state of the whole history.
 */
function watchRules(win: Win, settings: Settings, platform: BridgePlatform, run: (input: IdentifyInput) => void) {
  const note = (level: string, text: string) => platform.log('gtm-identify ' + level + ': ' + text);
  const handle = (message: unknown, model: Model, kind: MessageKind) => {
    if (kind === 'command') platform.consentChanged();
    const input = triggeredInput(message, model, kind, settings, note);
    if (input) run(input);
  };
  let past: Array<() => void> | null = [];
  const watcher = watchDataLayer(win, {
    name: settings.dataLayerName,
    listenToPast: settings.listenToPast,
    wants: (message, kind) => mayTrigger(message, kind, settings, DEFAULT_LIMITS.stringLength),
    onMessage: (message, model, meta) => {
      if (past) past.push(() => handle(message, model, meta.kind));
      else handle(message, model, meta.kind);
    },
    onError: platform.problem,
  });
  const runPast = () => {
    const pending = past || [];
    past = null;
    pending.forEach((handlePast) => handlePast());
  };
  return { watcher, runPast };
}

/** Events that set or forget who the visitor is: page HTML may not push them (clicks.ts). */
const IDENTITY_EVENTS = DEFAULT_RULES.map((rule) => rule.event as string);

/** The rule's rows that read a user id or an email. */
const identityRows = ({ rule }: BridgeRule) => (rule.mapping || []).filter((row) => row.as === 'userId' || row.as === 'email');

/**
 * Click tagging, pushing onto the data layer array being watched; a click message no rule
 * claims goes to `unclaimed` (an identify with its data as tags).
 */
function tagClicks(win: Win, settings: Settings, platform: BridgePlatform, unclaimed: (message: ClickMessage) => void) {
  // A page that later assigns another array to window.dataLayer is not followed (GTM does not
  // follow it either); click pushes keep going where we listen.
  const watched: unknown = win[settings.dataLayerName];
  // rules that set or forget who the visitor is, and the top-level keys they read ids from ('user' of 'user.id')
  const identityRules = settings.rules.filter((entry) => entry.rule.action === 'reset' || identityRows(entry).length > 0);
  const idKeys = ([] as string[]).concat(...identityRules.map((entry) => identityRows(entry).map((row) => String(row.from).split('.')[0].toLowerCase())));
  return watchClicks(win.document, {
    attributePrefix: settings.attributePrefix,
    selectors: settings.clicks || [],
    events: settings.clickEvents,
    container: settings.clickContainer,
    refuses: (event) => IDENTITY_EVENTS.indexOf(event) >= 0 || identityRules.some((entry) => entry.matches(event)),
    refusedKeys: idKeys,
    push: (message) => {
      (Array.isArray(watched) ? watched : win[settings.dataLayerName]).push(message);
      if (!settings.rules.some((entry) => entry.matches(message.event))) unclaimed(message);
    },
    note: (text) => platform.log('gtm-identify ' + text),
    onError: platform.problem,
  });
}
