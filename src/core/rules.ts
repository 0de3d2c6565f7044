// Rules for the dataLayer bridge: which pushed message triggers an identify or a reset, and how
// its fields become an IdentifyInput. Pure functions.
//
// A rule matches a message whose `event` equals `rule.event`, or — when `rule.pattern` is set —
// whose `event` matches that pattern with String.prototype.match (a regular-expression source
// such as '^user_(sign_in|login)$'). An invalid pattern throws inside match; core cannot catch
// it, so the bridge validates patterns when it is configured. The first matching rule wins.
//
// Every rule reads the message's standard fields — `userId` (or `user_id`), `email`, `traits`,
// `tags`, `company` — then applies its key mapping (mapping.ts) on top.
import { getType } from '../sandbox/lang';
import { isObject, isString, text } from './checks';
import { applyKeyMapping } from './mapping';
import type { KeyMappingRow } from './mapping';
import type { IdentifyEvent, IdentifyInput } from './model';
import type { Note } from './messages';

export interface Rule {
  /** the event name, compared exactly */
  event?: string;
  /** a pattern for String.prototype.match, used instead of `event` when set */
  pattern?: string;
  action: 'identify' | 'reset';
  /** why we identify (default 'identify') */
  identifyEvent?: IdentifyEvent;
  mapping?: KeyMappingRow[];
}

// in a module of their own, so that the bridge's snippet, which needs only their events, carries nothing else of core
export { DEFAULT_RULES } from './default-rules';

/** True when `rule` matches an event name. */
export function ruleMatches(rule: Rule, eventName: string): boolean {
  if (isString(rule.pattern) && rule.pattern !== '') return eventName.match(rule.pattern) !== null;
  return rule.event === eventName;
}

/** The first rule matching the message's `event`, or null. */
export function findRule(message: unknown, rules: readonly Rule[]): Rule | null {
  const eventName = isObject(message) && isString(message.event) ? message.event : null;
  if (eventName === null) return null;
  for (let i = 0; i < rules.length; i++) {
    if (ruleMatches(rules[i], eventName)) return rules[i];
  }
  return null;
}

function firstPresent(a: unknown, b: unknown): unknown {
  const type = getType(a);
  if (type === 'number' || (type === 'string' && text(a) !== null)) return a;
  return b;
}

/** The IdentifyInput a message gives under `rule` (see the header). */
export function inputFromMessage(message: unknown, rule: Rule, note: Note): IdentifyInput {
  const fields: { [key: string]: unknown } = isObject(message) ? message : {};
  const base: IdentifyInput = {
    action: rule.action,
    event: rule.identifyEvent === undefined ? 'identify' : rule.identifyEvent,
    userId: firstPresent(fields.userId, fields.user_id),
    email: fields.email,
    traits: fields.traits,
    tags: fields.tags,
    company: fields.company,
  };
  return applyKeyMapping(message, rule.mapping, base, note);
}
