// Optional consent gating: a required consent type (default analytics_storage) checked through
// platform.consent. When it is denied the run is either dropped (with a message) or held until
// the type changes to granted, and then run exactly once — a flag in the listener's closure
// keeps later "granted" notifications from running it again. Where the runtime has no consent
// information (no platform.consent) the run goes ahead, with an info message.
// The gate applies to identify and reset alike: a denied tag touches no vendor.
import { choice, isObject, text } from './checks';
import type { Note } from './messages';
import type { Platform } from './platform';

export const DEFAULT_CONSENT_TYPE = 'analytics_storage';
/** Google's consent types; others are allowed (custom types) but reported. */
export const KNOWN_CONSENT_TYPES = [
  'ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization',
  'functionality_storage', 'personalization_storage', 'security_storage',
];

export type WhenDenied = 'drop' | 'wait';
export const WHEN_DENIED: WhenDenied[] = ['drop', 'wait'];

export interface ConsentConfig {
  /** the consent type to require; default analytics_storage */
  type?: unknown;
  /** 'drop' (default) | 'wait' */
  whenDenied?: unknown;
}

export interface ConsentRule {
  type: string;
  whenDenied: WhenDenied;
}

export type ConsentState = 'granted' | 'dropped' | 'waiting';

/** The consent rule of a config; null when consent is not required. */
export function readConsent(config: unknown, note: Note): ConsentRule | null {
  if (!isObject(config)) return null;
  const type = text(config.type);
  const rule: ConsentRule = {
    type: type === null ? DEFAULT_CONSENT_TYPE : type,
    whenDenied: choice(config.whenDenied, WHEN_DENIED, 'drop'),
  };
  if (KNOWN_CONSENT_TYPES.indexOf(rule.type) < 0) note('warning', 'consent type "' + rule.type + '" is not a Google consent type');
  return rule;
}

/**
 * 'granted': go ahead now. 'dropped': do nothing. 'waiting': `proceed` runs once, on the first
 * change of the type to granted.
 */
export function gate(rule: ConsentRule | null, platform: Platform, note: Note, proceed: () => void): ConsentState {
  if (rule === null) return 'granted';
  const consent = platform.consent;
  if (consent === undefined) {
    note('info', 'no consent state; ' + rule.type + ' treated as granted');
    return 'granted';
  }
  if (consent.isGranted(rule.type)) return 'granted';
  if (rule.whenDenied === 'drop') {
    note('info', 'consent ' + rule.type + ' denied; nothing sent');
    return 'dropped';
  }
  note('info', 'consent ' + rule.type + ' denied; waiting for grant');
  let ran = false;
  consent.onChange(rule.type, (granted) => {
    if (!granted || ran) return ran;
    ran = true;
    note('info', 'consent ' + rule.type + ' granted; sending now');
    proceed();
    return true;
  });
  return 'waiting';
}
