import { describe, expect, it } from 'vitest';
import { applyKeyMapping, mapKeys, readPath } from '../../src/core/mapping';
import { normalize } from '../../src/core/normalize';
import { notes } from './helpers';

const EVENT = {
  event: 'get_dealer_details',
  oemname: 'Audi',
  user: { id: 12345, email: 'amit@example.com', profile: { plan: 'pro' } },
  items: [{ price: '19.90' }],
  optin: 'yes',
};

describe('readPath', () => {
  it('reads top-level keys, dotted paths and list items', () => {
    expect(readPath(EVENT, 'oemname')).toBe('Audi');
    expect(readPath(EVENT, 'user.profile.plan')).toBe('pro');
    expect(readPath(EVENT, 'items.0.price')).toBe('19.90');
  });

  it('gives undefined for paths that lead nowhere', () => {
    expect(readPath(EVENT, 'user.missing.deeper')).toBeUndefined();
    expect(readPath(EVENT, 'oemname.length')).toBeUndefined();
    expect(readPath(EVENT, 'items.x')).toBeUndefined();
    expect(readPath(null, 'a')).toBeUndefined();
    expect(readPath(EVENT, '')).toBeUndefined();
    expect(readPath({}, 'constructor')).toBeUndefined();
  });
});

describe('key mapping', () => {
  const ROWS = [
    { from: 'oemname', to: 'brand' },
    { from: 'user.id', to: 'user id' },
    { from: 'user.email', to: 'email' },
    { from: 'items.0.price', to: 'last_price', type: 'number' },
    { from: 'optin', to: 'newsletter', type: 'boolean' },
    { from: 'oemname', to: 'brand', as: 'tag' },
    { from: 'not.there', to: 'ghost' },
  ];

  it('turns a dataLayer message into an identify input', () => {
    const { note, list } = notes();
    const mapped = mapKeys(EVENT, ROWS, note);
    expect(mapped).toEqual({
      userId: 12345,
      email: 'amit@example.com',
      traitRows: [
        { key: 'brand', value: 'Audi', type: undefined },
        { key: 'last_price', value: '19.90', type: 'number' },
        { key: 'newsletter', value: 'yes', type: 'boolean' },
      ],
      tagRows: [{ name: 'brand', value: 'Audi' }],
    });
    expect(list).toEqual([]);
  });

  it('produces a call that normalises with typed values', () => {
    const { note } = notes();
    const { call } = normalize(applyKeyMapping(EVENT, ROWS, {}, note), 'datalayer_bridge');
    expect(call.userId).toBe('12345');
    expect(call.email).toBe('amit@example.com');
    expect(call.traits).toEqual({ brand: 'Audi', last_price: 19.9, newsletter: true });
    expect(call.tags).toEqual([{ name: 'brand', value: 'Audi' }]);
    expect(call.source).toBe('datalayer_bridge');
  });

  it("lets the input's own fields and rows win over mapped values", () => {
    const { note } = notes();
    const input = applyKeyMapping(EVENT, ROWS, { userId: 'explicit', traitRows: [{ key: 'brand', value: 'BMW' }], tags: 'brand=BMW' }, note);
    const { call } = normalize(input, 'gtm_template');
    expect(call.userId).toBe('explicit');
    expect(call.traits.brand).toBe('BMW');
    expect(call.tags).toEqual([{ name: 'brand', value: 'BMW' }]);
  });

  it('fills the user id from the mapping when the field is blank', () => {
    const { note } = notes();
    expect(applyKeyMapping(EVENT, ROWS, { userId: '  ' }, note).userId).toBe(12345);
  });

  it('treats an empty or null traits table as no table, without a warning', () => {
    const { note, list } = notes();
    applyKeyMapping(EVENT, ROWS, { traitRows: null }, note);
    applyKeyMapping(EVENT, ROWS, { traitRows: '' }, note);
    expect(list.map((m) => m.text)).toEqual([]);
  });

  it('understands user id targets in several spellings', () => {
    const { note } = notes();
    for (const to of ['userId', 'user_id', 'User ID']) expect(mapKeys(EVENT, [{ from: 'user.id', to }], note).userId).toBe(12345);
    expect(mapKeys(EVENT, [{ from: 'user.id', to: 'uid', as: 'userId' }], note).userId).toBe(12345);
  });

  it('reports rows without a source and a table that is not a list', () => {
    const { note, list } = notes();
    mapKeys(EVENT, [{ to: 'brand' }], note);
    mapKeys(EVENT, 'oemname=brand', note);
    expect(list.map((m) => m.text)).toEqual([
      'key mapping row 1 has no source key; ignored',
      'key mapping must be a list of rows; ignored',
    ]);
  });
});
