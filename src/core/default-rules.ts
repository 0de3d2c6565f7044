// The bridge's default rules (rules.ts): which events identify or reset when the config names no
// rule for them. Apart from rules.ts, whose value checks the snippet does not need.
import type { Rule } from './rules';

export const DEFAULT_RULES: readonly Rule[] = [
  { event: 'user_sign_in', action: 'identify', identifyEvent: 'sign_in' },
  { event: 'user_sign_up', action: 'identify', identifyEvent: 'sign_up' },
  { event: 'user_identify', action: 'identify', identifyEvent: 'identify' },
  { event: 'user_logout', action: 'reset' },
];
