// The bridge's configuration: what a page passes to identifyBridge.start(), checked in full by
// the debug engine (and the ESM build's): before anything starts when the engine is at hand, else
// when it loads — at start in debug mode. Every problem is collected (not just the first), so
// that one console warning lists all of them. Nothing here throws. The snippet reads its part
// leniently (snippet.ts); a checked config is read into the engine's settings by
// settings.ts, which the production engine uses alone.
//
// Each option has a checker in OPTIONS, each rule key one in RULE_KEYS; the compiler checks that
// every key of BridgeConfig / RuleConfig has one. So a new option is a line in BridgeConfig (with
// its doc), a line in OPTIONS and, when the engine uses it, a line in settings.ts.
import { VENDOR_IDS } from '../core/vendors/ids';
import { isUnsafeKey } from '../core/checks';
import { WHEN_DENIED } from '../core/consent';
import { HASH_METHODS } from '../core/hash';
import { IDENTIFY_EVENTS } from '../core/normalize';
import { TRAIT_TYPES } from '../core/traits';
import { vendorId } from '../core/vendors/ids';
import { VENDORS } from '../core/vendors/registry';
import type { ConsentConfig, VendorId } from '../core/index';
import { checkChoice, checkKeys, flag, GLOBAL_NAME, isRegExp, isText, NOT_AN_OBJECT, oneOf, type Context, type Reader } from './config-read';
import { isPlainObject } from '../datalayer/kinds';
import { engineFile } from './engine-files';
import { engineSettings, type EngineSettings } from './settings';

export type { BridgeRule } from './settings';

/** One vendor and its options, flat: `{vendor: 'segment', writeKey: 'abc', loadScript: true}`. */
export interface DestinationConfig {
  vendor: VendorId;
  [option: string]: unknown;
}

export interface RuleConfig {
  /** the event name (exact), or a regular expression tested against it */
  event: string | RegExp;
  /** default 'identify' */
  action?: 'identify' | 'reset';
  /** why we identify, for vendors that care (Antsomi): default 'identify' */
  identifyEvent?: 'identify' | 'sign_in' | 'sign_up';
  /** dotted path of the user id ('user.id'); `userId`/`user_id` are read anyway */
  userId?: string;
  /** dotted path of the email ('user.email'); `email` is read anyway */
  email?: string;
  /** trait name → dotted path (`{brand: 'oemname'}`, sent as text) or {path, type} */
  traits?: Record<string, string | { path: string; type?: 'text' | 'number' | 'boolean' | 'date' }>;
  /** key/value tags: names read from the same keys (`['brand']`), or tag name → dotted path */
  tags?: string[] | Record<string, string>;
  /** read values from the pushed message (default) or from the merged data model */
  source?: 'message' | 'model';
}

/** A click rule: clicks on `selector` push `{event, ...other keys, ...data-identify-* attributes}`. */
export interface ClickConfig {
  selector: string;
  event: string;
  [data: string]: string;
}

export interface BridgeConfig {
  /** the data layer global; default 'dataLayer' */
  dataLayerName?: string;
  destinations: DestinationConfig[];
  /** tried in order before the default rules; the first match wins */
  rules?: RuleConfig[];
  /** false drops the built-in user_sign_in / user_sign_up / user_identify / user_logout rules */
  defaultRules?: boolean;
  /** selector rules for click tagging; false turns click tagging off entirely */
  clicks?: ClickConfig[] | false;
  /** the only events data-identify-event may push (default: any but sign-in/up, identify, logout and rules' identity events) */
  clickEvents?: string[];
  /** a CSS selector: data-identify-* elements count only inside a match (e.g. '#main') */
  clickContainer?: string;
  /** default 'data-identify-' */
  attributePrefix?: string;
  /** run rules for messages pushed before the bridge started; default true */
  listenToPast?: boolean;
  /** log what happens to the console; default false */
  debug?: boolean;
  /** skip an identify equal to the last one sent to that vendor; default false */
  dedupe?: boolean;
  /** require consent (gtag consent commands on the data layer): true = analytics_storage, drop */
  consent?: boolean | ConsentConfig;
  /** hash the user id: default 'none' */
  userIdHash?: 'none' | 'sha256' | 'md5';
  /** use the email as the user id when none is given */
  useEmailAsUserId?: boolean;
  /** load the engine when the browser is idle instead of at the first matching message; default false */
  preload?: boolean;
  /** the folder holding the engine files; default: the folder of the snippet's own <script src> */
  engineFolder?: string;
}

const readDestinations: Reader<void> = (value, name, { problems }) => {
  if (!Array.isArray(value) || value.length === 0) return void problems.push(`${name} must be a non-empty list such as [{vendor: "segment"}]`);
  const seen: VendorId[] = [];
  value.forEach((item, i) => {
    const where = `destination ${i + 1}`;
    const given = isPlainObject(item) ? item.vendor : undefined;
    const vendor = vendorId(given);
    if (!vendor) {
      problems.push(`${where}: vendor ${JSON.stringify(given)} is not one of ${VENDOR_IDS.join(', ')}`);
    } else if (!VENDORS[vendor]) {
      problems.push(`${where}: ${vendor} is not in this engine (it has ${Object.keys(VENDORS).join(', ')}); ` +
        `use ${engineFile()} or ${engineFile(vendor)}`);
    } else if (seen.indexOf(vendor) >= 0) {
      problems.push(`${where}: ${vendor} is listed twice`);
    }
    if (vendor) seen.push(vendor);
  });
};

// --- rules ---------------------------------------------------------------------------------

/** A dotted path, when given. */
function checkPath(value: unknown, name: string, problems: string[]): void {
  if (value !== undefined && !isText(value)) problems.push(`${name} must be a dotted path such as "user.id"`);
}

const readPath: Reader<void> = (value, name, { problems }) => checkPath(value, name, problems);

/** Traits or tags: name → path (a trait may be {path, type}); tags may also be a list of names. */
const tableOf = (as: 'trait' | 'tag'): Reader<void> => (value, name, { problems, where }) => {
  if (value === undefined) return;
  const names = as === 'tag' && Array.isArray(value);
  if (!names && !isPlainObject(value)) return void problems.push(`${name} must be ${as === 'tag' ? 'a list of names or ' : ''}an object of name → path`);
  const entries = names ? (value as unknown[]).map((key) => [key, key]) : Object.entries(value as object);
  for (const [key, from] of entries) {
    const entry = `${where}: ${as} ${JSON.stringify(key)}`;
    if (!isText(key) || isUnsafeKey(key)) problems.push(`${where}: ${JSON.stringify(key)} is not a usable ${as} name`);
    else if (as !== 'trait' || !isPlainObject(from)) checkPath(from, entry, problems);
    else {
      checkChoice(from.type, TRAIT_TYPES, `${entry} type`, problems);
      checkPath(from.path, `${entry} path`, problems);
    }
  }
};

const readEvent: Reader<void> = (value, name, { problems }) => {
  if (!isText(value) && !isRegExp(value)) problems.push(`${name} must be an event name or a regular expression`);
};

/** Every key of RuleConfig and how it is checked; the compiler keeps the two in step. */
const RULE_KEYS = {
  event: readEvent,
  action: oneOf(['identify', 'reset'] as const),
  identifyEvent: oneOf(IDENTIFY_EVENTS),
  userId: readPath,
  email: readPath,
  traits: tableOf('trait'),
  tags: tableOf('tag'),
  source: oneOf(['message', 'model'] as const),
} satisfies { [K in keyof Required<RuleConfig>]: Reader<unknown> };

/** Checks the rule at `where` (settings.ts reads it). */
function readRule(item: unknown, where: string, { problems, isSelector }: Context): void {
  if (!isPlainObject(item)) problems.push(`${where} must be an object`);
  const given = isPlainObject(item) ? item : {};
  checkKeys(given, RULE_KEYS, `${where}: unknown key`, problems);
  const context = { problems, isSelector, where };
  for (const key of Object.keys(RULE_KEYS) as Array<keyof typeof RULE_KEYS>) RULE_KEYS[key](given[key], `${where}: ${key}`, context);
}

const readRules: Reader<void> = (value, name, context) => {
  if (value === undefined) return;
  if (!Array.isArray(value)) return void context.problems.push(`${name} must be a list`);
  value.forEach((item, i) => readRule(item, `rule ${i + 1}`, context));
};

// --- clicks and consent --------------------------------------------------------------------

/** Checks click rules; the snippet reads them (snippet.ts). */
const readClicks: Reader<void> = (value, name, { problems, isSelector }) => {
  if (value === false || value === undefined) return;
  if (!Array.isArray(value)) return void problems.push(`${name} must be a list of {selector, event} or false`);
  value.forEach((item, i) => {
    const where = `click ${i + 1}`;
    if (!isPlainObject(item) || !isText(item.selector) || !isText(item.event)) return problems.push(`${where} needs a selector and an event`);
    if (!isSelector(item.selector)) problems.push(`${where}: ${JSON.stringify(item.selector)} is not a valid CSS selector`);
    for (const key of Object.keys(item)) {
      if (typeof item[key] !== 'string' && !isUnsafeKey(key)) problems.push(`${where}: "${key}" must be a string`);
    }
  });
};

const readClickEvents: Reader<string[] | undefined> = (value, name, { problems }) => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every(isText)) problems.push(`${name} must be a list of event names`);
  return value as string[];
};

const readSelector: Reader<string | undefined> = (value, name, { problems, isSelector }) => {
  if (value !== undefined && !(isText(value) && isSelector(value))) problems.push(`${name} must be a CSS selector such as "#main"`);
  return value as string | undefined;
};

/** A prefix is usable when `[<prefix>event]` is a valid selector: it is how clicks find tagged elements. */
const readAttributePrefix: Reader<string | undefined> = (value, name, { problems, isSelector }) => {
  if (value !== undefined && !(isText(value) && isSelector(`[${value}event]`))) {
    problems.push(`${name} must be text such as "data-identify-"`);
  }
  return value as string | undefined;
};

const readConsent: Reader<ConsentConfig | null> = (value, name, context) => {
  if (value === undefined || value === false) return null;
  if (value === true) return {};
  if (!isPlainObject(value)) {
    context.problems.push(`${name} must be true, false or {type, whenDenied}`);
    return null;
  }
  if (value.type !== undefined && !isText(value.type)) context.problems.push(`${name}.type must be a consent type such as "analytics_storage"`);
  checkChoice(value.whenDenied, WHEN_DENIED, `${name}.whenDenied`, context.problems);
  return { type: value.type, whenDenied: value.whenDenied };
};

const readEngineFolder: Reader<string | undefined> = (value, name, { problems }) => {
  if (value !== undefined && !isText(value)) problems.push(`${name} must be a URL such as "https://cdn.example.com/identify-bridge/"`);
  return value as string | undefined;
};

const readDataLayerName: Reader<string> = (value, name, { problems }) => {
  if (value === undefined) return 'dataLayer';
  if (typeof value !== 'string' || !GLOBAL_NAME.test(value)) problems.push(`${name} must be a global variable name such as "dataLayer"`);
  return value as string;
};

// --- the whole config ----------------------------------------------------------------------

/** Every option of BridgeConfig and how it is read; the compiler keeps the two in step. */
const OPTIONS = {
  dataLayerName: readDataLayerName,
  destinations: readDestinations,
  rules: readRules,
  defaultRules: flag(true),
  clicks: readClicks,
  clickEvents: readClickEvents,
  clickContainer: readSelector,
  attributePrefix: readAttributePrefix,
  listenToPast: flag(true),
  debug: flag(false),
  dedupe: flag(false),
  consent: readConsent,
  userIdHash: oneOf(HASH_METHODS),
  useEmailAsUserId: flag(false),
  preload: flag(false),
  engineFolder: readEngineFolder,
} satisfies { [K in keyof Required<BridgeConfig>]: Reader<unknown> };

/**
 * The engine's settings for a config, or null with every problem found. `isSelector` tells valid
 * CSS selectors (the page's document decides).
 */
export function readConfig(config: unknown, isSelector: (selector: string) => boolean): { settings: EngineSettings | null; problems: string[] } {
  if (!isPlainObject(config)) return { settings: null, problems: [NOT_AN_OBJECT] };
  const context: Context = { problems: [], isSelector, where: '' };
  checkKeys(config, OPTIONS, 'unknown option', context.problems);
  for (const key of Object.keys(OPTIONS) as Array<keyof typeof OPTIONS>) OPTIONS[key](config[key], key, context);
  return { settings: context.problems.length > 0 ? null : engineSettings(config), problems: context.problems };
}
