import { describe, expect, it } from 'vitest';
import { API_FACTORIES, createTestPage } from '../../src/toolchain/emulator';
import { WEB_APIS } from '../../src/sandbox/apis';
import { evaluate } from '../fixtures/emulator/run';

describe('require', () => {
  it('provides exactly the APIs of the catalogue', () => {
    expect(Object.keys(API_FACTORIES).sort()).toEqual(Object.keys(WEB_APIS).sort());
  });

  it('returns undefined for an API GTM does not have', async () => {
    expect(await evaluate(`return [require('sendHttpRequest'), require('sha256Sync'), require('Promise')];`)).toEqual([undefined, undefined, undefined]);
  });

  it('leaves the platform globals out of reach of template code', async () => {
    const code = `return [typeof window, typeof document, typeof JSON, typeof Math, typeof Date, typeof setTimeout, typeof globalThis, typeof process];`;
    expect(await evaluate(code)).toEqual(Array(8).fill('undefined'));
  });

  it('lets template code declare the usual const JSON = require("JSON") lines', async () => {
    expect(await evaluate(`const JSON = require('JSON'); const Math = require('Math'); return JSON.stringify(Math.max(1, 2));`)).toBe('2');
  });

  it('runs for…in and hasOwnProperty, which real templates use', async () => {
    expect(await evaluate(`const o = {a: 1, b: 2}; const keys = []; for (const k in o) { if (o.hasOwnProperty(k)) keys.push(k); } return keys;`)).toEqual(['a', 'b']);
  });
});

describe('getType and the make* conversions', () => {
  it('getType tells arrays and null apart from objects', async () => {
    const code = `const getType = require('getType'); return [getType([]), getType(null), getType({}), getType(undefined), getType('s'), getType(1), getType(true), getType(getType)];`;
    expect(await evaluate(code)).toEqual(['array', 'null', 'object', 'undefined', 'string', 'number', 'boolean', 'function']);
  });

  it('makeString, makeNumber and makeInteger convert like the core lang module', async () => {
    const code = `return [require('makeString')(12), require('makeNumber')('3.5'), require('makeInteger')('3.9'), require('makeInteger')('-2.5'), require('makeNumber')('x')];`;
    expect(await evaluate(code)).toEqual(['12', 3.5, 3, -2, NaN]);
  });
});

describe('URI coding', () => {
  it('encodes and decodes URIs and their components', async () => {
    const code = `return [require('encodeUri')('https://x.com/a b?q=ä'), require('encodeUriComponent')('a&b=c'), require('decodeUri')('a%20b'), require('decodeUriComponent')('a%26b')];`;
    expect(await evaluate(code)).toEqual(['https://x.com/a%20b?q=%C3%A4', 'a%26b%3Dc', 'a b', 'a&b']);
  });

  it('returns undefined for input that cannot be coded', async () => {
    const code = `return [require('decodeUriComponent')('%E0%A4%A'), require('decodeUri')('%'), require('encodeUriComponent')('\\uD800'), require('encodeUri')('\\uDFFF')];`;
    expect(await evaluate(code)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('base64', () => {
  it('toBase64 and fromBase64 round-trip UTF-8 text', async () => {
    const code = `const t = require('toBase64')('Grüße ✓'); return [t, require('fromBase64')(t), require('toBase64')('hi')];`;
    expect(await evaluate(code)).toEqual(['R3LDvMOfZSDinJM=', 'Grüße ✓', 'aGk=']);
  });

  it('fromBase64 returns undefined for invalid input', async () => {
    expect(await evaluate(`return [require('fromBase64')('***'), require('fromBase64')('/w==')];`)).toEqual([undefined, undefined]);
  });
});

describe('JSON', () => {
  it('parse returns undefined for malformed input and coerces non-strings', async () => {
    const code = `const JSON = require('JSON'); return [JSON.parse('{"a":[1]}'), JSON.parse('{bad'), JSON.parse(undefined), JSON.parse(12)];`;
    expect(await evaluate(code)).toEqual([{ a: [1] }, undefined, undefined, 12]);
  });

  it('stringify returns undefined for a cyclic value', async () => {
    const code = `const JSON = require('JSON'); const o = {a: 1}; const ok = JSON.stringify(o); o.self = o; return [ok, JSON.stringify(o)];`;
    expect(await evaluate(code)).toEqual(['{"a":1}', undefined]);
  });
});

describe('Math and Object', () => {
  it('Math offers the documented subset and nothing else', async () => {
    const code = `const Math = require('Math'); return [Math.abs(-2), Math.ceil(1.2), Math.floor(1.8), Math.round(1.5), Math.max(1, 3), Math.min(1, 3), Math.pow(2, 3), Math.sqrt(9), typeof Math.random];`;
    expect(await evaluate(code)).toEqual([2, 2, 1, 2, 3, 1, 8, 3, 'undefined']);
  });

  it('Object.keys, values and entries list own enumerable properties', async () => {
    const code = `const O = require('Object'); const o = {a: 1, b: 'x'}; return [O.keys(o), O.values(o), O.entries(o), O.keys(null)];`;
    expect(await evaluate(code)).toEqual([['a', 'b'], [1, 'x'], [['a', 1], ['b', 'x']], []]);
  });

  it('Object.delete removes a top-level key but leaves arrays and frozen objects alone', async () => {
    const code = `
      const O = require('Object');
      const o = {a: 1, b: {c: 2}};
      const frozen = O.freeze({x: 1});
      const list = [1, 2];
      return [O.delete(o, 'a'), o, O.delete(o, 'missing'), O.delete(frozen, 'x'), frozen, O.delete(list, '0'), list, O.delete('s', 'length')];`;
    expect(await evaluate(code)).toEqual([true, { b: { c: 2 } }, true, false, { x: 1 }, false, [1, 2], false]);
  });

  it('Object.freeze returns primitives unchanged', async () => {
    expect(await evaluate(`return require('Object').freeze(3);`)).toBe(3);
  });
});

describe('makeTableMap', () => {
  it('turns a two-column table into an object', async () => {
    const code = `return require('makeTableMap')([{key: 'plan', value: 'pro'}, {key: 'seats', value: 3}], 'key', 'value');`;
    expect(await evaluate(code)).toEqual({ plan: 'pro', seats: 3 });
  });

  it('returns undefined for an empty or missing table', async () => {
    const code = `const m = require('makeTableMap'); return [m([], 'key', 'value'), m(undefined, 'key', 'value'), m([{other: 1}], 'key', 'value')];`;
    expect(await evaluate(code)).toEqual([undefined, undefined, undefined]);
  });
});

describe('random numbers and time', () => {
  it('generateRandom returns integers within both bounds', async () => {
    const low = createTestPage({ random: () => 0 });
    const high = createTestPage({ random: () => 0.999999 });
    expect(await evaluate(`return require('generateRandom')(5, 7);`, [], low)).toBe(5);
    expect(await evaluate(`return require('generateRandom')(5, 7);`, [], high)).toBe(7);
  });

  it('getTimestampMillis and getTimestamp read the page clock', async () => {
    const page = createTestPage({ now: 1234 });
    expect(await evaluate(`return [require('getTimestampMillis')(), require('getTimestamp')()];`, [], page)).toEqual([1234, 1234]);
  });
});
