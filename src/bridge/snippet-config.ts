// The part of the config the snippet reads on every page: where the data layer is, which event
// names may trigger (the rules' `event`s, then core's default rules), click tagging, and where
// the engine comes from. Read leniently, without messages — a value the snippet cannot use
// counts as absent; the engine checks the whole config when it loads and says what is wrong
// (config.ts), and in debug mode it loads at start. Nothing here throws.
import { isUnsafeKey } from '../core/checks';
import { DEFAULT_RULES } from '../core/rules';
import { vendorId } from '../core/vendors/ids';
import type { VendorId } from '../core/model';
import type { ClickRule } from './clicks';
import { GLOBAL_NAME, isRegExp, isText } from './config-read';
import { isPlainObject } from '../datalayer/kinds';

/** How the snippet sees a rule: the event it matches (null: none), and whether it reads the data model. */
export interface RuleEvent {
  event: string | RegExp | null;
  model: boolean;
  /** the top-level keys it reads a user id or an email from ('user' of 'user.id'), when it sets or forgets who the visitor is */
  identity?: string[];
}

export interface SnippetSettings {
  dataLayerName: string;
  /** the config's rules, then core's default rules unless defaultRules is false: the engine's order too */
  rules: RuleEvent[];
  clicks: ClickRule[] | false;
  clickEvents?: string[];
  clickContainer?: string;
  attributePrefix?: string;
  listenToPast: boolean;
  debug: boolean;
  preload: boolean;
  engineFolder?: string;
  /** the one vendor the destinations name, whose engine is the smallest; null: the all-vendor engine */
  vendor: VendorId | null;
}

function ruleEvent(rule: unknown): RuleEvent {
  const event = isPlainObject(rule) ? rule.event : null;
  return {
    // A copy without g/y: those flags make test() remember where it stopped.
    event: isRegExp(event) ? new RegExp(event.source, event.flags.replace(/[gy]/g, '')) : isText(event) ? event : null,
    model: isPlainObject(rule) && rule.source === 'model',
    identity: isPlainObject(rule) && (rule.action === 'reset' || isText(rule.userId) || isText(rule.email))
      ? [rule.userId, rule.email].filter(isText).map((path) => path.split('.')[0].toLowerCase())
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

function oneVendor(destinations: unknown): VendorId | null {
  const named = Array.isArray(destinations) ? destinations.map((item) => vendorId(isPlainObject(item) ? item.vendor : null)) : [];
  return named.length > 0 && named.every((vendor) => vendor === named[0]) ? named[0] : null;
}

/** The snippet's settings from a config (a plain object). */
export function readSnippetConfig(config: Record<string, unknown>): SnippetSettings {
  const rules = (Array.isArray(config.rules) ? config.rules : []).map(ruleEvent);
  const name = config.dataLayerName;
  return {
    dataLayerName: typeof name === 'string' && GLOBAL_NAME.test(name) ? name : 'dataLayer',
    rules: config.defaultRules === false ? rules : rules.concat(DEFAULT_RULES.map((rule) => ({ event: rule.event!, model: false }))),
    clicks: config.clicks === false ? false : Array.isArray(config.clicks) ? config.clicks.flatMap(clickRule) : [],
    clickEvents: Array.isArray(config.clickEvents) ? config.clickEvents.filter(isText) : undefined,
    clickContainer: isText(config.clickContainer) ? config.clickContainer : undefined,
    attributePrefix: isText(config.attributePrefix) ? config.attributePrefix : undefined,
    listenToPast: config.listenToPast !== false,
    debug: config.debug === true,
    preload: config.preload === true,
    engineFolder: isText(config.engineFolder) ? config.engineFolder : undefined,
    vendor: oneVendor(config.destinations),
  };
}

/** The index of the first rule matching an event name, or -1. Exact names are looked up, not scanned. */
export function ruleFinder(rules: RuleEvent[]): (name: string) => number {
  const exact = new Map<string, number>();
  const patterns: Array<[RegExp, number]> = [];
  rules.forEach(({ event }, i) => {
    if (isRegExp(event)) patterns.push([event, i]);
    else if (event !== null && !exact.has(event)) exact.set(event, i);
  });
  return (name) => {
    const named = exact.has(name) ? exact.get(name)! : rules.length;
    for (const [pattern, i] of patterns) if (i < named && pattern.test(name)) return i;
    return named < rules.length ? named : -1;
  };
}
