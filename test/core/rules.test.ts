import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, findRule, inputFromMessage } from '../../src/core/rules';
import { normalize } from '../../src/core/normalize';
import type { Rule } from '../../src/core/rules';
import { notes } from './helpers';

describe('rules', () => {
  it('matches the default events to identify, sign-in, sign-up and reset', () => {
    expect(findRule({ event: 'user_sign_in' }, DEFAULT_RULES)).toMatchObject({ action: 'identify', identifyEvent: 'sign_in' });
    expect(findRule({ event: 'user_sign_up' }, DEFAULT_RULES)).toMatchObject({ action: 'identify', identifyEvent: 'sign_up' });
    expect(findRule({ event: 'user_identify' }, DEFAULT_RULES)).toMatchObject({ action: 'identify', identifyEvent: 'identify' });
    expect(findRule({ event: 'user_logout' }, DEFAULT_RULES)).toMatchObject({ action: 'reset' });
  });

  it('matches nothing for other events or messages without an event', () => {
    expect(findRule({ event: 'page_view' }, DEFAULT_RULES)).toBeNull();
    expect(findRule({ user_id: 'x' }, DEFAULT_RULES)).toBeNull();
    expect(findRule(['user_sign_in'], DEFAULT_RULES)).toBeNull();
    expect(findRule(null, DEFAULT_RULES)).toBeNull();
  });

  it('matches patterns with String.prototype.match and takes the first matching rule', () => {
    const rules: Rule[] = [
      { pattern: '^(login|signin)_(ok|success)$', action: 'identify', identifyEvent: 'sign_in' },
      { event: 'login_ok', action: 'reset' },
    ];
    expect(findRule({ event: 'signin_success' }, rules)).toBe(rules[0]);
    expect(findRule({ event: 'login_ok' }, rules)).toBe(rules[0]);
    expect(findRule({ event: 'xlogin_ok' }, rules)).toBeNull();
  });

  it('reads user_id or userId, email, traits and tags from the message', () => {
    const { note } = notes();
    const rule = findRule({ event: 'user_sign_in' }, DEFAULT_RULES) as Rule;
    const message = { event: 'user_sign_in', user_id: 'u-9', email: 'a@b.co', traits: { plan: 'pro' }, tags: 'vip' };
    const { call } = normalize(inputFromMessage(message, rule, note), 'datalayer_bridge');
    expect(call).toMatchObject({ userId: 'u-9', email: 'a@b.co', traits: { plan: 'pro' }, tags: [{ name: 'vip' }], event: 'sign_in' });
    expect(inputFromMessage({ userId: 'camel', user_id: 'snake' }, rule, note).userId).toBe('camel');
    expect(inputFromMessage({ userId: '', user_id: 'snake' }, rule, note).userId).toBe('snake');
  });

  it('gives a reset input for the logout rule', () => {
    const { note } = notes();
    const rule = findRule({ event: 'user_logout' }, DEFAULT_RULES) as Rule;
    expect(inputFromMessage({ event: 'user_logout' }, rule, note).action).toBe('reset');
  });

  it("applies a rule's key mapping on top of the standard fields", () => {
    const { note } = notes();
    const rule: Rule = { event: 'get_dealer_details', action: 'identify', mapping: [{ from: 'oemname', to: 'brand', as: 'tag' }] };
    const message = { event: 'get_dealer_details', oemname: 'Audi', email: 'amit@example.com' };
    expect(findRule(message, [rule])).toBe(rule);
    const { call } = normalize(inputFromMessage(message, rule, note), 'datalayer_bridge');
    expect(call.tags).toEqual([{ name: 'brand', value: 'Audi' }]);
    expect(call.email).toBe('amit@example.com');
  });
});
