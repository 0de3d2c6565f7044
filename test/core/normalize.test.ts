import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/normalize';
import type { IdentifyInput } from '../../src/core/model';

const norm = (input: unknown) => normalize(input, 'gtm_template');
const texts = (input: unknown) => norm(input).messages.map((m) => m.level + ': ' + m.text);

describe('normalisation: keys that shadow object methods', () => {
  it('sends a trait, tag or traits-object key named hasOwnProperty like any other key', () => {
    const { call } = norm({
      userId: 'u-1',
      traits: { hasOwnProperty: 'a', plan: 'pro' },
      traitRows: [{ key: 'hasOwnProperty', value: 'b' }],
      tags: 'hasOwnProperty=c, vip',
    });
    expect(call.userId).toBe('u-1');
    expect(call.traits.plan).toBe('pro');
    expect(JSON.stringify(call)).toContain('hasOwnProperty');
  });
});

describe('normalisation: ids and email', () => {
  it('trims the user id and turns a number into a string', () => {
    expect(norm({ userId: '  u-1 ' }).call.userId).toBe('u-1');
    expect(norm({ userId: 42 }).call.userId).toBe('42');
  });

  it('treats an empty or blank user id as an anonymous visitor', () => {
    const { call, messages } = norm({ userId: '  ', traits: { plan: 'pro' } });
    expect(call.userId).toBeNull();
    expect(messages).toEqual([]);
  });

  it('rejects a user id longer than 255 characters with an error', () => {
    expect(norm({ userId: 'x'.repeat(255) }).messages).toEqual([]);
    const { messages } = norm({ userId: 'x'.repeat(256) });
    expect(messages[0].level).toBe('error');
    expect(messages[0].text).toContain('256 characters');
  });

  it('rejects an email used as user id when it is longer than 255 characters', () => {
    const email = 'a'.repeat(250) + '@example.com';
    const { call, messages } = norm({ email, useEmailAsUserId: true });
    expect(call.userId).toBeNull();
    expect(messages.map((m) => m.level + ': ' + m.text)).toEqual(['error: user id is 262 characters; at most 255 allowed']);
  });

  it('rejects a user id that is neither text nor a number', () => {
    expect(texts({ userId: { id: 1 } })).toContain('error: user id must be text or a number, not object');
    expect(texts({ userId: true })[0]).toContain('error');
  });

  it('drops an invalid email with a message', () => {
    const { call, messages } = norm({ userId: 'u', email: 'not-an-email' });
    expect(call.email).toBeNull();
    expect(messages[0].text).toContain('"not-an-email" is not a valid address');
  });

  it('pulls the email out of the traits when no email is given', () => {
    const { call } = norm({ traits: { email: ' ann@example.com ', plan: 'pro' } });
    expect(call.email).toBe('ann@example.com');
    expect(call.traits).toEqual({ plan: 'pro' });
  });

  it('prefers the Email field over an email trait', () => {
    expect(norm({ email: 'field@example.com', traits: { email: 'trait@example.com' } }).call.email).toBe('field@example.com');
  });

  it('uses the lower-cased email as user id when asked and no user id is given', () => {
    const { call } = norm({ email: 'Ann@Example.com', useEmailAsUserId: true });
    expect(call.userId).toBe('ann@example.com');
    expect(call.email).toBe('Ann@Example.com');
  });

  it('keeps an explicit user id over "use email as user id" and says so', () => {
    const { call, messages } = norm({ userId: 'u-1', email: 'ann@example.com', useEmailAsUserId: 'true' });
    expect(call.userId).toBe('u-1');
    expect(messages[0].text).toContain('a user id is given and used');
  });

  it('stays anonymous when "use email as user id" has no valid email', () => {
    const { call, messages } = norm({ useEmailAsUserId: true, email: 'nope', traits: { plan: 'x' } });
    expect(call.userId).toBeNull();
    expect(messages.map((m) => m.text).join()).toContain('stays anonymous');
  });

  it('reports a call with nothing in it as an error', () => {
    const { messages } = norm({});
    expect(messages).toEqual([{ level: 'error', vendor: null, text: 'nothing to identify: no user id, email, traits, tags or company' }]);
  });
});

describe('normalisation: traits', () => {
  it('accepts reserved traits in snake_case and keeps them in camelCase', () => {
    const { call } = norm({
      userId: 'u',
      traits: { first_name: 'Ann', last_name: 'Lee', created_at: '2024-01-02', address: { postal_code: '1000', city: 'X' } },
    });
    expect(call.traits).toEqual({
      firstName: 'Ann', lastName: 'Lee', createdAt: '2024-01-02T00:00:00.000Z', address: { postalCode: '1000', city: 'X' },
    });
  });

  it('keeps the camelCase spelling when both spellings are given, and says so', () => {
    const { call, messages } = norm({ userId: 'u', traits: { first_name: 'snake', firstName: 'camel' } });
    expect(call.traits.firstName).toBe('camel');
    expect(messages[0].text).toContain('has both first_name and firstName');
  });

  it('accepts snake_case reserved names in table rows too', () => {
    expect(norm({ userId: 'u', traitRows: [{ key: 'first_name', value: 'Ann' }] }).call.traits).toEqual({ firstName: 'Ann' });
  });

  it('leaves custom trait names as they are', () => {
    expect(norm({ userId: 'u', traits: { favourite_brand: 'Audi', planName: 'x' } }).call.traits).toEqual({ favourite_brand: 'Audi', planName: 'x' });
  });

  it('lets table rows win over the traits object', () => {
    const { call } = norm({ userId: 'u', traits: { plan: 'free', seats: 3 }, traitRows: [{ key: 'plan', value: 'pro' }] });
    expect(call.traits).toEqual({ plan: 'pro', seats: 3 });
  });

  it('keeps the object value when the row value is empty', () => {
    expect(norm({ userId: 'u', traits: { plan: 'free' }, traitRows: [{ key: 'plan', value: '' }] }).call.traits).toEqual({ plan: 'free' });
  });

  it('lets a later row win over an earlier row', () => {
    const rows = [{ key: 'plan', value: 'a' }, { key: 'plan', value: 'b' }];
    expect(norm({ userId: 'u', traitRows: rows }).call.traits).toEqual({ plan: 'b' });
  });

  it('ignores a traits value that is not a plain object, with a message and no exception', () => {
    for (const traits of ['plan=pro', 42, ['a'], true]) {
      const { call, messages } = norm({ userId: 'u', traits });
      expect(call.traits).toEqual({});
      expect(messages[0].text).toContain('traits must be an object');
    }
  });

  it('trims trait strings and drops empty ones, functions and NaN', () => {
    const { call, messages } = norm({ userId: 'u', traits: { a: ' x ', b: '', c: () => 1, d: Number.NaN, e: null, f: [' y ', ''] } });
    expect(call.traits).toEqual({ a: 'x', e: null, f: ['y'] });
    expect(messages.map((m) => m.text)).toEqual(['traits.c is a function; dropped', 'traits.d is not a finite number; dropped']);
  });

  it('survives a cyclic traits object', () => {
    const traits: Record<string, unknown> = { plan: 'pro' };
    traits.self = traits;
    const { call, messages } = norm({ userId: 'u', traits });
    expect(call.traits.plan).toBe('pro');
    expect(messages.some((m) => m.text.includes('nested more than 10 levels'))).toBe(true);
  });

  it('turns age into a number when it is numeric text', () => {
    expect(norm({ userId: 'u', traits: { age: '42' } }).call.traits.age).toBe(42);
  });

  it('marks createdAt and birthday as dates and converts them to ISO-8601', () => {
    const { call } = norm({ userId: 'u', traits: { createdAt: 1700000000, birthday: '1990-05-17' } });
    expect(call.traits).toEqual({ createdAt: '2023-11-14T22:13:20.000Z', birthday: '1990-05-17T00:00:00.000Z' });
    expect(call.dateKeys.sort()).toEqual(['birthday', 'createdAt']);
  });

  it('sends a createdAt that is not a date as given, with a warning', () => {
    const { call, messages } = norm({ userId: 'u', traits: { createdAt: 'last week' } });
    expect(call.traits.createdAt).toBe('last week');
    expect(call.dateKeys).toEqual([]);
    expect(messages[0].text).toContain('is not a date');
  });
});

describe('normalisation: typed table rows', () => {
  const row = (value: unknown, type: string) => norm({ userId: 'u', traitRows: [{ key: 'k', value, type }] });

  it('converts numbers and reports what is not one', () => {
    expect(row(' 3.5 ', 'number').call.traits.k).toBe(3.5);
    expect(row(7, 'number').call.traits.k).toBe(7);
    const bad = row('12abc', 'number');
    expect(bad.call.traits).toEqual({});
    expect(bad.messages[0].text).toBe('traits row 1 (k): "12abc" is not a number; dropped');
    expect(row('Infinity', 'number').call.traits).toEqual({});
  });

  it('converts booleans from true/false/yes/no/1/0', () => {
    for (const [value, expected] of [['true', true], ['FALSE', false], ['yes', true], ['No', false], ['1', true], ['0', false], [1, true], [false, false]] as const) {
      expect(row(value, 'boolean').call.traits.k, String(value)).toBe(expected);
    }
    expect(row('maybe', 'boolean').messages[0].text).toContain('is not true/false/yes/no/1/0');
  });

  it('converts dates to ISO-8601 UTC and records the key as a date', () => {
    const { call } = row('2024-03-10T01:30:00+02:00', 'date');
    expect(call.traits.k).toBe('2024-03-09T23:30:00.000Z');
    expect(call.dateKeys).toEqual(['k']);
    expect(row('1700000000000', 'date').call.traits.k).toBe('2023-11-14T22:13:20.000Z');
    expect(row('31/12/2024', 'date').messages[0].text).toContain('is not a date');
  });

  it('lets a date-typed table row win over the traits object for the same key, still sent as a date', () => {
    const { call } = norm({ userId: 'u', traits: { renewal: 'soon', plan: 'pro' }, traitRows: [{ key: 'renewal', value: '2025-01-31', type: 'date' }] });
    expect(call.traits.renewal).toBe('2025-01-31T00:00:00.000Z');
    expect(call.traits.plan).toBe('pro');
    expect(call.dateKeys).toEqual(['renewal']);
  });

  it('keeps text as text and turns numbers and booleans into text', () => {
    expect(row(12, 'text').call.traits.k).toBe('12');
    expect(row(true, undefined as unknown as string).call.traits.k).toBe('true');
    expect(row({ city: 'X' }, 'text').call.traits.k).toEqual({ city: 'X' });
  });

  it('treats an unknown type as text, with a warning', () => {
    const { call, messages } = row('x', 'colour');
    expect(call.traits.k).toBe('x');
    expect(messages[0].text).toBe('traits row 1 (k): type "colour" is not text, number, boolean or date; text is used');
  });

  it('reports rows without a name and ignores a table that is not a list', () => {
    expect(texts({ userId: 'u', traitRows: [{ key: '', value: 'x' }] })).toEqual(['warning: traits row 1 has a value but no name; ignored']);
    expect(texts({ userId: 'u', traitRows: 'plan=pro' })).toEqual(['warning: traits table must be a list of rows; ignored']);
  });
});

describe('normalisation: company and tags', () => {
  it('pulls company out of the traits with camelCase employeeCount', () => {
    const { call } = norm({ userId: 'u', traits: { company: { name: 'Acme', employee_count: '120', id: 7 } } });
    expect(call.company).toEqual({ name: 'Acme', employeeCount: 120, id: '7' });
    expect(call.traits).toEqual({});
  });

  it('lets the Company field win over traits.company key by key', () => {
    const { call } = norm({ userId: 'u', traits: { company: { name: 'Old', plan: 'pro' } }, company: { name: 'New' } });
    expect(call.company).toEqual({ name: 'New', plan: 'pro' });
  });

  it('takes a text company as the company name', () => {
    expect(norm({ userId: 'u', company: 'Acme' }).call.company).toEqual({ name: 'Acme' });
  });

  it('parses a comma list into labels and key=value tags', () => {
    const { call } = norm({ userId: 'u', tags: 'vip, brand=Audi , ,newsletter' });
    expect(call.tags).toEqual([{ name: 'vip' }, { name: 'brand', value: 'Audi' }, { name: 'newsletter' }]);
  });

  it('reads tags from lists nested 10,000 deep without overflowing the stack, in order', () => {
    let nested: unknown = ['deep'];
    for (let i = 0; i < 10_000; i++) nested = [nested];
    expect(norm({ userId: 'u', tags: ['first', nested, 'last'] }).call.tags).toEqual([{ name: 'first' }, { name: 'deep' }, { name: 'last' }]);
  });

  it('stops at a tags list that contains itself, and says so', () => {
    const cyclic: unknown[] = ['vip'];
    cyclic.push(cyclic);
    const { call, messages } = norm({ userId: 'u', tags: cyclic });
    expect(call.tags).toEqual([{ name: 'vip' }]);
    expect(messages.map((m) => m.text)).toContain('tags: over 100000 list entries (or a list holds itself); the rest ignored');
  });

  it('reads tags from rows, lists and objects, later names replacing earlier ones', () => {
    const input: IdentifyInput = {
      userId: 'u',
      traits: { tags: ['vip', { name: 'brand', value: 'BMW' }] },
      tags: [{ key: 'brand', value: 'Audi' }, { name: 'segment', value: '' }, { vip: true, tier: 2 }],
    };
    expect(norm(input).call.tags).toEqual([{ name: 'vip' }, { name: 'brand', value: 'Audi' }, { name: 'segment' }, { name: 'tier', value: '2' }]);
  });

  it('drops a tag named __proto__ and says it is a reserved object key', () => {
    const { call, messages } = norm({ userId: 'u', tags: [{ name: '__proto__', value: 'x' }] });
    expect(call.tags).toEqual([]);
    expect(messages[0].text).toBe('tag "__proto__" dropped: a reserved key');
  });

  it('drops a tag whose name has a comma, with a message', () => {
    const { call, messages } = norm({ userId: 'u', tags: [{ name: 'a,b', value: 'x' }] });
    expect(call.tags).toEqual([]);
    expect(messages[0].text).toContain('no commas');
  });
});

describe('normalisation: events and bad input', () => {
  it('reads the event and defaults to identify', () => {
    expect(norm({ userId: 'u', event: 'SIGN_IN' }).call.event).toBe('sign_in');
    expect(norm({ userId: 'u' }).call.event).toBe('identify');
    expect(texts({ userId: 'u', event: 'login' })[0]).toContain('identify is used');
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [null, undefined, 'x', 1, [], () => 0, { traits: null, traitRows: [null, 1, 'x', { key: {}, value: [] }] },
      { userId: Number.NaN }, { tags: 5 }, { tags: {} }, { company: [] }, { email: 5 }, { traits: { __proto__: { x: 1 } } },
      { traitRows: [{ key: 'd', value: {}, type: 'date' }, { key: 'n', value: [], type: 'number' }] }];
    for (const input of weird) {
      expect(() => norm(input)).not.toThrow();
      expect(norm(input).call.userId, String(input)).toBeNull();
    }
  });

  it('reports an input that is not an object as an error naming its type', () => {
    for (const [input, type] of [[null, 'null'], [undefined, 'undefined'], ['x', 'a string'], [1, 'a number'], [[], 'an array'], [() => 0, 'a function']] as const) {
      expect(texts(input)).toEqual([`error: identify input must be an object, not ${type}`]);
    }
  });
});
