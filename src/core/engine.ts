// The fan-out engine: consent → normalise → hash → per destination (dedupe → vendor identify or
// reset) → one outcome. One vendor's failure never stops the others; nothing throws on bad
// input; every message is also written to platform.log.
//
// Order: every run takes its turn on platform.serial (lane.ts), so a later run never overtakes
// an earlier one, also when one consent grant releases several.
// Completion: `done` runs exactly once (guarded), synchronously when every step completes
// synchronously and the lane is free, otherwise later. When consent is denied and the config says to wait, `done`
// runs at once with every destination 'queued' (so a GTM tag never hangs); the later run, if
// consent is granted, reports only to the debug log.
//
// ok: false exactly when no destination could be sent or queued because of a problem — no
// usable destination at all, or every destination 'failed' (invalid input or options, script
// not loaded, SDK never came). 'skipped' counts as ok (unchanged since the last identify,
// consent dropped, documented no-op resets, Mutiny not on the page): the tag did what it was
// configured to do.
import { isArray, isObject, pick } from './checks';
import { readConsent, gate } from './consent';
import { forget, isUnchanged, remember, signature } from './dedupe';
import { hashValue, readHashMethod } from './hash';
import { errorText, formatMessage, hasErrors } from './messages';
import { normalize } from './normalize';
import { once } from './once';
import { vendorId } from './vendors/ids';
import { VENDORS } from './vendors/registry';
import type { ConsentConfig } from './consent';
import type { Job } from './lane';
import type { Note } from './messages';
import type { Action, Destination, IdentifyCall, IdentifyInput, Message, MessageLevel, ResultStatus, Source, VendorId, VendorResult } from './model';
import type { Platform } from './platform';
import type { Outcome, VendorContext, VendorModule } from './vendors/types';

export interface EngineConfig {
  /** who runs the engine ('gtm_template' | 'datalayer_bridge') */
  source: Source;
  /** the vendors to send to, in order; a vendor listed twice is used once */
  destinations: Destination[];
  /** skip an identify whose signature equals the last one sent to that vendor */
  dedupe?: boolean;
  /** require a consent type; absent/null = no consent check */
  consent?: ConsentConfig | null;
}

export interface EngineOutcome {
  ok: boolean;
  results: VendorResult[];
  messages: Message[];
}

const ACTIONS: Action[] = ['identify', 'reset'];

type Complete = (results: VendorResult[]) => void;

interface Target {
  vendor: VendorId;
  module: VendorModule;
  options: unknown;
}

function readTargets(value: unknown, note: Note): Target[] {
  const targets: Target[] = [];
  if (!isArray(value)) note('error', 'destinations must be a list');
  else value.forEach((item, i) => {
    const id = isObject(item) ? vendorId(item.vendor) : null;
    const module = id === null ? undefined : VENDORS[id];
    if (id === null) note('error', 'destination ' + (i + 1) + ' names no known vendor; ignored');
    else if (!module) note('error', id + ' is not in this build; ignored');
    else if (targets.some((target) => target.vendor === id)) note('warning', id + ' is listed more than once; used once');
    else targets.push({ vendor: id, module: module, options: (item as { options?: unknown }).options });
  });
  return targets;
}

const resultsFor = (targets: Target[], status: ResultStatus, message: string): VendorResult[] =>
  targets.map((target) => ({ vendor: target.vendor, status: status, message: message }));

/**
 * Runs one identify or reset (input.action) for the configured destinations and calls `done`
 * exactly once with the outcome (see the header for `ok`).
 */
export function runIdentify(input: IdentifyInput, config: EngineConfig, platform: Platform, done: (outcome: EngineOutcome) => void): void {
  const messages: Message[] = [];
  let open = true;
  const end = (ok: boolean, results: VendorResult[]) => {
    if (!open) return;
    open = false;
    done({ ok: ok, results: results, messages: messages });
  };
  // Every message goes to the debug log, and into `messages` while open (until `done` has run;
  // later messages, after a consent wait, go to the log only).
  const say = (vendor: VendorId | null): Note => (level: MessageLevel, text: string) => {
    const message: Message = { level: level, vendor: vendor, text: text };
    if (open) messages.push(message);
    platform.log(formatMessage(message));
  };
  const note = say(null);
  const settings: { [key: string]: unknown } = isObject(config) ? config : {};
  const targets = readTargets(settings.destinations, note);
  if (targets.length === 0) {
    note('error', 'no destination to send to');
    return end(false, []);
  }
  const action = pick(isObject(input) ? input.action : undefined, ACTIONS, 'action', note);
  const source: Source = settings.source === 'datalayer_bridge' ? 'datalayer_bridge' : 'gtm_template';
  const dedupe = settings.dedupe === true;
  /**
   * Runs `each` for every target, with the target's context, and calls `complete` once all have
   * reported, with the results in target order. Each target reports at most once.
   */
  const fanOut = (each: (target: Target, context: VendorContext, report: (outcome: Outcome) => void) => void, complete: Complete) => {
    const results: VendorResult[] = [];
    let pending = targets.length;
    targets.forEach((target, index) => {
      each(target, { platform: platform, note: say(target.vendor) }, once((outcome: Outcome) => {
        results[index] = { vendor: target.vendor, status: outcome.status, message: outcome.message };
        if (--pending === 0) complete(results);
      }));
    });
  };
  const sendIdentify = (call: IdentifyCall, complete: Complete) => {
    const sig = dedupe ? signature(call) : null;
    fanOut((target, context, report) => {
      if (sig !== null && isUnchanged(platform, target.vendor, sig)) {
        return report({ status: 'skipped', message: 'unchanged since the last identify; not sent again' });
      }
      target.module.identify(call, target.options, context, (outcome) => {
        if (sig !== null && (outcome.status === 'sent' || outcome.status === 'queued')) remember(platform, target.vendor, sig);
        report(outcome);
      });
    }, complete);
  };
  /** Normalises the input, hashes the user id as asked, then sends. */
  const identify = (complete: Complete) => {
    const normalized = normalize(input, source);
    const failed = (error: string) => complete(resultsFor(targets, 'failed', error));
    normalized.messages.forEach((message) => note(message.level, message.text));
    if (hasErrors(normalized.messages)) return failed(errorText(normalized.messages));
    const call = normalized.call;
    const method = readHashMethod(isObject(input) ? input.userIdHash : undefined, note);
    if (call.userId === null || method === 'none') return sendIdentify(call, complete);
    hashValue(call.userId, method, platform, note, (hashed, error) => {
      if (hashed === null) {
        note('error', error as string);
        return failed(error as string);
      }
      call.userId = hashed; // the call is this run's own: normalize built it
      sendIdentify(call, complete);
    });
  };
  // Every run, also one released by a consent grant, takes its turn on platform.serial.
  const inTurnThen = (after: Complete) => {
    const job: Job = (next) => {
      const complete = (results: VendorResult[]) => {
        results.forEach((result) => platform.log(formatMessage({ level: result.status, vendor: result.vendor, text: result.message })));
        after(results);
        next();
      };
      if (action !== 'reset') return identify(complete);
      forget(platform, targets.map((target) => target.vendor));
      fanOut((target, context, report) => target.module.reset(target.options, context, report), complete);
    };
    return platform.serial ? platform.serial(job) : job(() => undefined);
  };
  const state = gate(readConsent(settings.consent, note), platform, note, () => inTurnThen(() => undefined));
  if (state === 'dropped') return end(true, resultsFor(targets, 'skipped', 'consent denied; not sent'));
  if (state === 'waiting') return end(true, resultsFor(targets, 'queued', 'waiting for consent'));
  inTurnThen((results) => end(results.some((result) => result.status !== 'failed'), results));
}
