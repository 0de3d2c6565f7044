// The bridge's engine: core's identify engine and vendor modules behind a Platform on `window`.
// The snippet (snippet.ts) loads it on the first message a rule may match and hands it each such
// message with the index of the rule it matched; the engine reads the rest of the config, builds
// the rule's IdentifyInput (triggers.ts) and runs it (runs.ts). How it reads the config is the
// difference between the builds: the debug engine (engine-debug.ts) checks it in full first, the
// production engine (engine-script.ts) trusts it (settings.ts).
import type { EngineOutcome } from '../core/index';
import type { BridgeConfig } from './config';
import type { MessageKind, ModelLog } from './datalayer/index';
import { modelReader } from './datalayer/model-reader';
import { DEFAULT_LIMITS, snapshot } from './datalayer/snapshot';
import { consentOf } from './datalayer/consent';
import { createPlatform, type Win } from './platform';
import { createRuns } from './runs';
import type { EngineSettings } from './settings';
import { ruleInput } from './triggers';
import { visitor } from './visitor';
import { UNCLAIMED_CLICK } from './engine-files';
import type { ClickMessage } from './clicks';

export interface EngineHooks {
  /**
   * The data layer's consent commands so far, as pushed, past ones included (the watcher adds
   * to the list): the engine keeps the consent state (consent.ts), so that the snippet does not.
   * The engine gives the list a push of its own, to hear of each new command: the snippet then
   * carries no consent code at all.
   */
  consents: unknown[];
  /** The changes to the data model, when a rule reads it. */
  log?: ModelLog;
}

export interface Engine {
  /** Runs rule number `rule` (the snippet's numbering) for a message it matched, as pushed, `at` its position in the model log. */
  handle(message: unknown, at: number, kind: MessageKind, rule: number): void;
  /** Resolves, with their outcomes, once the runs started so far have completed. */
  flush(): Promise<EngineOutcome[]>;
}

/** An engine for a config, or null with the problems of the engine's part of it. */
export type CreateEngine = (config: BridgeConfig, win: Win, hooks: EngineHooks) => { engine: Engine | null; problems: string[] };

/** The engine's settings for a config, or null with the problems found. */
export type ReadSettings = (config: BridgeConfig, win: Win) => { settings: EngineSettings | null; problems: string[] };

/** The engine that reads its config with `read`. */
export const engineWith = (read: ReadSettings): CreateEngine => (config, win, hooks) => {
  const { settings, problems } = read(config, win);
  if (!settings) return { engine: null, problems };
  // consent is read when a run asks (after the platform is made): then every command pushed before counts
  const consents = hooks.consents as IArguments[];
  const consent = settings.consent ? consentOf(consents, (error) => platform.problem(error)) : undefined;
  const platform = createPlatform(win, { debug: settings.debug, consentOf: consent });
  // each consent command the watcher adds from now on may release runs waiting for consent
  consents.push = (command) => {
    consents[consents.length] = command;
    platform.consentChanged();
    return consents.length;
  };
  const runs = createRuns({
    source: 'datalayer_bridge', destinations: settings.destinations, dedupe: settings.dedupe, consent: settings.consent,
  }, platform);
  const note = (level: string, text: string) => platform.log('gtm-identify ' + level + ': ' + text);
  const model = hooks.log && modelReader(hooks.log, platform.problem);
  const who = visitor();
  const engine: Engine = {
    handle(pushed, at, kind, rule) {
      // The snippet hands messages over as pushed (it carries no copying code): the copy the rule
      // reads is taken here, at once when the engine is there, else when it has loaded.
      const cuts: string[] = [];
      const message = snapshot(pushed, DEFAULT_LIMITS, cuts);
      if (cuts.length) platform.problem('message copy cut: ' + cuts.join(', '));
      const entry = settings.rules[rule];
      const input = rule === UNCLAIMED_CLICK
        ? who.clickInput(message as ClickMessage)
        : entry && ruleInput(message, entry.source === 'model' && model ? model.at(at) : undefined, kind, entry, note);
      if (!input) return;
      input.userIdHash = settings.userIdHash;
      input.useEmailAsUserId = settings.useEmailAsUserId;
      runs.add(who.seen(input));
    },
    flush: runs.flush,
  };
  return { engine, problems };
};
