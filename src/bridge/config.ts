// The bridge's configuration: what a page passes to identifyBridge.start(), checked in full
// before anything starts. Every problem is collected (not just the first), so the page's one
// console warning lists all of them. Nothing here throws.
import { DEFAULT_RULES, ruleMatches, VENDOR_IDS } from '../core/index';
import { VENDORS } from '../core/vendors/registry';
import { WHEN_DENIED } from '../core/consent';
import { HASH_METHODS } from '../core/hash';
import { IDENTIFY_EVENTS, TRAIT_TYPES } from '../core/normalize';
import type { ConsentConfig, Destination, KeyMappingRow, Rule, VendorId } from '../core/index';
import type { ClickRule } from './clicks';
import { isPlainObject, isUnsafeKey } from './datalayer/kinds';

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
}

/** A checked rule: a core Rule (its key mapping built from the paths) plus how to match it. */
export interface BridgeRule {
  rule: Rule;
  matches(eventName: string): boolean;
  source: 'message' | 'model';
}

export interface Settings {
  dataLayerName: string;
  destinations: Destination[];
  rules: BridgeRule[];
  clicks: ClickRule[] | false;
  attributePrefix: string | undefined;
  listenToPast: boolean;
  debug: boolean;
  dedupe: boolean;
  consent: ConsentConfig | null;
  userIdHash: string | undefined;
  useEmailAsUserId: boolean;
}

type Problems = string[];
type Choices = Record<string, unknown[]>;

const FLAG = [true, false];
/** Options that take one of a few values (absent: the default). */
const CHOICES: Choices = {
  defaultRules: FLAG, listenToPast: FLAG, debug: FLAG, dedupe: FLAG, useEmailAsUserId: FLAG, userIdHash: HASH_METHODS,
};
const RULE_CHOICES: Choices = {
  action: ['identify', 'reset'], identifyEvent: IDENTIFY_EVENTS, source: ['message', 'model'],
};
const KNOWN_KEYS = ['dataLayerName', 'destinations', 'rules', 'clicks', 'attributePrefix', 'consent'].concat(Object.keys(CHOICES));
const RULE_KEYS = ['event', 'userId', 'email', 'traits', 'tags'].concat(Object.keys(RULE_CHOICES));
const GLOBAL_NAME = /^[A-Za-z_$][\w$]*$/;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function isOneOf(value: unknown, choices: unknown[]): boolean {
  return value === undefined || choices.indexOf(value) >= 0;
}

/** '"none", "sha256" or "md5"'; 'true or false'. */
function orList(choices: unknown[]): string {
  const words = choices.map((choice) => JSON.stringify(choice));
  return words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1];
}

/** A problem for each key of `object` that is not one of its `choices`. */
function checkChoices(object: Record<string, unknown>, choices: Choices, where: string, problems: Problems): void {
  for (const key of Object.keys(choices)) {
    if (!isOneOf(object[key], choices[key])) problems.push(`${where}${key} must be ${orList(choices[key])}`);
  }
}

/** A problem for each key of `object` not in `known`. */
function checkKeys(object: object, known: string[], what: string, problems: Problems): void {
  for (const key of Object.keys(object)) if (known.indexOf(key) < 0) problems.push(`${what} "${key}"`);
}

function readDestinations(value: unknown, problems: Problems): Settings['destinations'] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('destinations must be a non-empty list such as [{vendor: "segment"}]');
    return [];
  }
  const out: Settings['destinations'] = [];
  value.forEach((item, i) => {
    const vendor = isPlainObject(item) ? item.vendor : undefined;
    if (VENDOR_IDS.indexOf(vendor as VendorId) < 0) {
      problems.push(`destination ${i + 1}: vendor ${JSON.stringify(vendor)} is not one of ${VENDOR_IDS.join(', ')}`);
    } else if (!VENDORS[vendor as VendorId]) {
      problems.push(`destination ${i + 1}: ${vendor} is not in this bundle (it has ${Object.keys(VENDORS).join(', ')}); ` +
        `load identify-bridge.min.js or identify-bridge.${vendor}.min.js`);
    } else if (out.some((d) => d.vendor === vendor)) {
      problems.push(`destination ${i + 1}: ${vendor} is listed twice`);
    } else {
      const options: Record<string, unknown> = {};
      for (const key of Object.keys(item as object)) {
        if (key !== 'vendor' && !isUnsafeKey(key)) options[key] = (item as Record<string, unknown>)[key];
      }
      out.push({ vendor, options } as Destination);
    }
  });
  return out;
}

/** Mapping rows (core's key mapping) from a rule's paths. */
function mappingOf(config: RuleConfig, where: string, problems: Problems): KeyMappingRow[] {
  const rows: KeyMappingRow[] = [];
  const path = (value: unknown, what: string, row: KeyMappingRow) => {
    if (value === undefined) return;
    if (isText(value)) rows.push(Object.assign(row, { from: value }));
    else problems.push(`${where}: ${what} must be a dotted path such as "user.id"`);
  };
  path(config.userId, 'userId', { as: 'userId' });
  path(config.email, 'email', { as: 'email' });
  const typedTrait = (name: string, spec: Record<string, unknown>) => {
    if (!isOneOf(spec.type, TRAIT_TYPES)) problems.push(`${where}: trait "${name}" type must be ${orList(TRAIT_TYPES)}`);
    path(spec.path, `trait "${name}" path`, { to: name, as: 'trait', type: spec.type });
  };
  const table = (value: unknown, as: 'trait' | 'tag') => {
    if (value === undefined) return;
    const names = as === 'tag' && Array.isArray(value);
    if (!names && !isPlainObject(value)) return problems.push(`${where}: ${as}s must be an object of name → path`);
    const entries = names ? (value as unknown[]).map((name) => [name, name]) : Object.entries(value as object);
    for (const [name, from] of entries) {
      if (!isText(name) || isUnsafeKey(name)) problems.push(`${where}: ${JSON.stringify(name)} is not a usable ${as} name`);
      else if (as === 'trait' && isPlainObject(from)) typedTrait(name, from);
      else path(from, `${as} "${name}"`, { to: name, as });
    }
  };
  table(config.traits, 'trait');
  table(config.tags, 'tag');
  return rows;
}

function readRule(item: unknown, where: string, problems: Problems): BridgeRule | null {
  if (!isPlainObject(item)) {
    problems.push(`${where} must be an object`);
    return null;
  }
  const config = item as unknown as RuleConfig;
  checkKeys(item, RULE_KEYS, `${where}: unknown key`, problems);
  const event = config.event;
  const isRegExp = Object.prototype.toString.call(event) === '[object RegExp]';
  if (!isText(event) && !isRegExp) problems.push(`${where}: event must be an event name or a regular expression`);
  checkChoices(item, RULE_CHOICES, `${where}: `, problems);
  const rule: Rule = {
    event: isRegExp ? undefined : (event as string),
    action: config.action === 'reset' ? 'reset' : 'identify',
    identifyEvent: config.identifyEvent,
    mapping: mappingOf(config, where, problems),
  };
  // A copy without g/y: those flags make test() remember where it stopped.
  const pattern = isRegExp ? new RegExp((event as RegExp).source, (event as RegExp).flags.replace(/[gy]/g, '')) : null;
  return {
    rule,
    matches: (name) => (pattern ? pattern.test(name) : ruleMatches(rule, name)),
    source: config.source === 'model' ? 'model' : 'message',
  };
}

function readRules(config: Record<string, unknown>, problems: Problems): BridgeRule[] {
  const value = config.rules ?? [];
  const rules: BridgeRule[] = [];
  if (!Array.isArray(value)) problems.push('rules must be a list');
  else value.forEach((item, i) => {
    const rule = readRule(item, `rule ${i + 1}`, problems);
    if (rule) rules.push(rule);
  });
  if (config.defaultRules === false) return rules;
  return rules.concat(DEFAULT_RULES.map((rule) => ({ rule, matches: (name: string) => ruleMatches(rule, name), source: 'message' as const })));
}

function readClicks(value: unknown, isSelector: (selector: string) => boolean, problems: Problems): ClickRule[] | false {
  if (value === false) return false;
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('clicks must be a list of {selector, event} or false');
    return [];
  }
  const rules: ClickRule[] = [];
  value.forEach((item, i) => {
    const where = `click ${i + 1}`;
    if (!isPlainObject(item) || !isText(item.selector) || !isText(item.event)) {
      return problems.push(`${where} needs a selector and an event`);
    }
    if (!isSelector(item.selector)) return problems.push(`${where}: ${JSON.stringify(item.selector)} is not a valid CSS selector`);
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === 'selector' || key === 'event' || isUnsafeKey(key)) continue;
      if (typeof value === 'string') data[key] = value;
      else problems.push(`${where}: "${key}" must be a string`);
    }
    rules.push({ selector: item.selector, event: item.event, data });
  });
  return rules;
}

function readConsent(value: unknown, problems: Problems): ConsentConfig | null {
  if (value === undefined || value === false) return null;
  if (value === true) return {};
  if (!isPlainObject(value)) {
    problems.push('consent must be true, false or {type, whenDenied}');
    return null;
  }
  if (value.type !== undefined && !isText(value.type)) problems.push('consent.type must be a consent type such as "analytics_storage"');
  checkChoices(value, { whenDenied: WHEN_DENIED }, 'consent.', problems);
  return { type: value.type, whenDenied: value.whenDenied };
}

/**
 * The settings a config describes, or null with every problem found. `isSelector` tells valid
 * CSS selectors (the page's document decides).
 */
export function readConfig(config: unknown, isSelector: (selector: string) => boolean): { settings: Settings | null; problems: string[] } {
  const problems: Problems = [];
  if (!isPlainObject(config)) return { settings: null, problems: ['the config must be an object such as {destinations: [{vendor: "segment"}]}'] };
  checkKeys(config, KNOWN_KEYS, 'unknown option', problems);
  const name = config.dataLayerName ?? 'dataLayer';
  if (typeof name !== 'string' || !GLOBAL_NAME.test(name)) problems.push('dataLayerName must be a global variable name such as "dataLayer"');
  if (config.attributePrefix !== undefined && !isText(config.attributePrefix)) problems.push('attributePrefix must be text such as "data-identify-"');
  checkChoices(config, CHOICES, '', problems);
  const settings: Settings = {
    dataLayerName: name as string,
    destinations: readDestinations(config.destinations, problems),
    rules: readRules(config, problems),
    clicks: readClicks(config.clicks, isSelector, problems),
    attributePrefix: config.attributePrefix as string | undefined,
    listenToPast: config.listenToPast !== false,
    debug: config.debug === true,
    dedupe: config.dedupe === true,
    consent: readConsent(config.consent, problems),
    userIdHash: config.userIdHash as string | undefined,
    useEmailAsUserId: config.useEmailAsUserId === true,
  };
  return problems.length > 0 ? { settings: null, problems } : { settings, problems };
}
