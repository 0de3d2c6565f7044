// The analytics.js API shared by Segment and Customer.io Data Pipelines
// (docs/reference/vendors.md#segment, #customerio, #mapping): the identify arguments, the delivery
// to the page, and the vendor module both are built with (segment.ts and customerio.ts only say
// where the SDK lives and where its script comes from).
//
// Decisions (both vendors):
// - With a user id: identify(userId, T[, O]); without: identify(T[, O]). Neither makes the
//   visitor anonymous: analytics.js keeps the last user id it stored on this browser (docs/reference/vendors.md#segment), so
//   traits without an id go to the user who signed in last — also after a logout that fired no
//   reset() — and to the anonymous id only on a browser that never identified or was reset.
//   Only reset() forgets the user: marketers fire Reset on logout (the container does).
// - T = traits + email + company (employeeCount sent as Segment's employee_count) + tags: a
//   key/value tag becomes a trait of that name unless a trait already has it (then the trait
//   wins, with a warning); labels become the array trait `tags`.
// - O = {integrations} only when the destination configures integrations; no timestamp or
//   context: the SDK stamps the call itself (a queued call gets the time the SDK replays it).
// - Dates are ISO-8601 strings (normalisation already made them so).
// - Delivery: when `<global>.<method>` is a function (the SDK, or the vendor's own snippet
//   stub) it is called ('sent'). Otherwise the call goes into the array stub at the queue
//   global as ['identify', …args] through createQueue ('queued'); when we load the script
//   ourselves we also set `_writeKey` (never replacing the page's). A global holding something
//   else is not touched ('failed').
// - A shared global (Customer.io on `analytics`, which Segment uses too) is used only when it is
//   ours: its write key (`_writeKey` of a snippet stub, `settings.writeKey` of a loaded client)
//   is the configured one, or it is absent and we create it with that key. Otherwise 'failed':
//   personal data must never reach another vendor through its analytics.js.
// - Loading: only the vendor's own script URL, with a validated write key URL-encoded; the
//   destination completes when the script loads ('queued') or fails ('failed'). Without
//   loading, a queued call waits for the page's own snippet, which adopts the existing array.
import { flag, isMissing, isObject, text, without } from '../checks';
import { callTraits } from '../tags';
import { toJson } from '../traits';
import { KEY_CHARS, optionsObject, readKey } from './options';
import type { OptionsObject } from './options';
import { callPage, isFunctionAt, notTheSdk, queued, sentUnless, typeAt } from './runtime';
import { outcome } from './types';
import type { Done, VendorContext, VendorModule } from './types';
import type { IdentifyCall, Json, JsonObject } from '../model';
import type { Note } from '../messages';
import type { Platform } from '../platform';

export type AnalyticsGlobal = 'analytics' | 'cioanalytics';

/** Where one destination's analytics.js lives, read from its options. */
export interface AnalyticsJsSetup {
  /** Globals whose `<method>` is called when it is a function, in order. */
  callGlobals: AnalyticsGlobal[];
  /** The global whose array stub receives the call otherwise. */
  queueGlobal: AnalyticsGlobal;
  /** The script to load when the SDK is not there; null: do not load. */
  scriptUrl: string | null;
  /** A global another vendor's analytics.js may hold (see the header). */
  shared?: AnalyticsGlobal;
}

/** A vendor's setup from its options and, when its script is to be loaded, the write key as a URL segment. */
export type SetupOf = (raw: OptionsObject, keyInUrl: string | null) => AnalyticsJsSetup;

/** The `integrations` option as JSON, or null when absent or unusable. */
function readIntegrations(value: unknown, note: Note): JsonObject | null {
  if (isMissing(value)) return null;
  if (!isObject(value)) {
    note('warning', 'integrations must be an object; ignored');
    return null;
  }
  return toJson(value, 'integrations', 0, note) as JsonObject;
}

/**
 * The identify arguments: [userId, T] or [T], plus O when there are integrations (see the
 * header); analytics.js's company spells employeeCount employee_count.
 */
function identifyArgs(call: IdentifyCall, integrations: JsonObject | null, note: Note): Json[] {
  const company = call.company === null ? null : without(call.company as JsonObject, ['employeeCount']);
  if (company !== null && call.company!.employeeCount !== undefined) company.employee_count = call.company!.employeeCount;
  const traits = callTraits(call, company, (names) => names, note);
  const args: Json[] = call.userId === null ? [traits] : [call.userId, traits];
  if (integrations !== null) args.push({ integrations: integrations });
  return args;
}

/** Why `global` must not be used (another vendor's, or we cannot tell); null when it may. */
function foreign(vendor: string, setup: AnalyticsJsSetup, key: string | null, global: AnalyticsGlobal, platform: Platform): string | null {
  if (global !== setup.shared) return null;
  if (key === null) return 'enter the write key: window.' + global + " may be Segment's; nothing sent";
  if (typeAt(platform, global) === 'undefined') return null;
  const found = text(platform.copyFromWindow(global + '._writeKey')) || text(platform.copyFromWindow(global + '.settings.writeKey'));
  if (found === key) return null;
  return 'window.' + global + " has another write key (Segment's?); nothing sent: use " + vendor + "'s cioanalytics snippet";
}

/** The vendor module of an analytics.js vendor: `setup` reads a destination's options. */
export function analyticsJsVendor(name: string, loadName: string, setupOf: SetupOf): VendorModule {
  /** Calls `method` on the SDK or its stub, or queues it (see the header). */
  const run = (options: unknown, method: string, argsOf: (raw: OptionsObject, note: Note) => Json[], context: VendorContext, done: Done) => {
    const platform = context.platform;
    const raw = optionsObject(options);
    const load = flag(raw.loadScript, false);
    const key = readKey(raw.writeKey, name + ' write key', KEY_CHARS);
    // A key of KEY_CHARS needs no URL encoding.
    const setup = setupOf(raw, load ? key.value : null);
    const args = argsOf(raw, context.note);
    let global = setup.queueGlobal;
    let loaded = false;
    for (let i = 0; i < setup.callGlobals.length && !loaded; i++) {
      loaded = isFunctionAt(platform, setup.callGlobals[i] + '.' + method);
      if (loaded) global = setup.callGlobals[i];
    }
    const problem = foreign(name, setup, key.value, global, platform);
    if (problem !== null) return done(outcome('failed', problem));
    if (loaded) {
      return done(sentUnless(callPage(platform, global + '.' + method, args), method + ' called on window.' + global));
    }
    if (setup.scriptUrl === null && load && key.value === null) return done(outcome('failed', 'cannot load ' + loadName + ': ' + key.error));
    const current = typeAt(platform, global);
    if (current !== 'undefined' && current !== 'array') return done(notTheSdk(global, current, name));
    const push = platform.createQueue(global);
    if ((setup.scriptUrl !== null || global === setup.shared) && key.value !== null) platform.setInWindow(global + '._writeKey', key.value, false);
    push([method as Json].concat(args));
    queued(platform, setup.scriptUrl, name, 'window.' + global, done);
  };
  return {
    name: name,
    identify: (call, options, context, done) => run(options, 'identify', (raw, note) =>
      identifyArgs(call, readIntegrations(raw.integrations, note), note), context, done),
    reset: (options, context, done) => run(options, 'reset', () => [], context, done),
  };
}
