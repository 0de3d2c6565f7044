import { describe, expect, it } from 'vitest';
import { AssertionFailure } from '../../src/toolchain/emulator';
import { assertThat } from '../../src/toolchain/emulator/test-api/assert-that';

type Case = [matcher: string, actual: unknown, args: unknown[]];

const passing: Case[] = [
  ['isEqualTo', { a: [1, { b: 'x' }] }, [{ a: [1, { b: 'x' }] }]],
  ['isEqualTo', NaN, [NaN]],
  ['isNotEqualTo', { a: 1 }, [{ a: 2 }]],
  ['isStrictlyEqualTo', 'same', ['same']],
  ['isNotStrictlyEqualTo', { a: 1 }, [{ a: 1 }]],
  ['isAnyOf', { id: 2 }, [{ id: 1 }, { id: 2 }]],
  ['isNoneOf', 3, [1, 2]],
  ['isDefined', null, []],
  ['isUndefined', undefined, []],
  ['isNull', null, []],
  ['isNotNull', undefined, []],
  ['isTrue', true, []],
  ['isFalse', false, []],
  ['isTruthy', 'x', []],
  ['isFalsy', 0, []],
  ['isNaN', NaN, []],
  ['isNotNaN', 1, []],
  ['isInfinity', -Infinity, []],
  ['isNotInfinity', 1e308, []],
  ['isGreaterThan', 2, [1]],
  ['isGreaterThanOrEqualTo', 2, [2]],
  ['isLessThan', 'a', ['b']],
  ['isLessThanOrEqualTo', 1, [1]],
  ['contains', [{ k: 1 }, 'x', 3], [{ k: 1 }, 3]],
  ['contains', 'identify user', ['user']],
  ['doesNotContain', [1, 2], [3]],
  ['doesNotContain', 'abc', ['z']],
  ['containsExactly', [2, 1, 2], [1, 2, 2]],
  ['doesNotContainExactly', [1, 2], [1]],
  ['hasLength', [1, 2], [2]],
  ['hasLength', 'abc', [3]],
  ['isEmpty', [], []],
  ['isEmpty', '', []],
  ['isNotEmpty', [0], []],
  ['isArray', [], []],
  ['isBoolean', false, []],
  ['isFunction', () => 1, []],
  ['isNumber', 1.5, []],
  ['isObject', {}, []],
  ['isString', '', []],
];

const failing: [...Case, string][] = [
  ['isEqualTo', { a: 1 }, [{ a: 1, b: undefined }], 'expected {"a": 1, "b": undefined} but was {"a": 1}'],
  ['isEqualTo', [1, 2], [[2, 1]], 'expected [2, 1] but was [1, 2]'],
  ['isEqualTo', '1', [1], 'expected 1 but was "1"'],
  ['isNotEqualTo', [1], [[1]], 'expected a value other than [1] but was [1]'],
  ['isStrictlyEqualTo', { a: 1 }, [{ a: 1 }], 'expected the very same value as {"a": 1} but was {"a": 1}'],
  ['isNotStrictlyEqualTo', 1, [1], 'expected a value other than the very same 1 but was 1'],
  ['isAnyOf', 3, [1, 2], 'expected any of [1, 2] but was 3'],
  ['isNoneOf', 2, [1, 2], 'expected none of [1, 2] but was 2'],
  ['isDefined', undefined, [], 'expected a defined value but was undefined'],
  ['isUndefined', null, [], 'expected undefined but was null'],
  ['isNull', undefined, [], 'expected null but was undefined'],
  ['isNotNull', null, [], 'expected a value other than null but was null'],
  ['isTrue', 'true', [], 'expected true but was "true"'],
  ['isFalse', 0, [], 'expected false but was 0'],
  ['isTruthy', '', [], 'expected a truthy value but was ""'],
  ['isFalsy', [], [], 'expected a falsy value but was []'],
  ['isNaN', 'x', [], 'expected NaN but was "x"'],
  ['isNotNaN', NaN, [], 'expected a value other than NaN but was NaN'],
  ['isInfinity', 1, [], 'expected Infinity or -Infinity but was 1'],
  ['isNotInfinity', Infinity, [], 'expected a finite value but was Infinity'],
  ['isGreaterThan', 1, [1], 'expected a value greater than 1 but was 1'],
  ['isGreaterThanOrEqualTo', '2', [1], 'expected a value greater than or equal to 1 but was "2"'],
  ['isLessThan', 2, [1], 'expected a value less than 1 but was 2'],
  ['isLessThanOrEqualTo', 2, [1], 'expected a value less than or equal to 1 but was 2'],
  ['contains', [1, 2], [3], 'expected an array or string containing [3] but was [1, 2]'],
  ['contains', { a: 1 }, ['a'], 'expected an array or string containing ["a"] but was {"a": 1}'],
  ['doesNotContain', 'abc', ['b'], 'expected an array or string containing none of ["b"] but was "abc"'],
  ['containsExactly', [1, 2], [1, 2, 2], 'expected an array of exactly [1, 2, 2] but was [1, 2]'],
  ['doesNotContainExactly', [2, 1], [1, 2], 'expected an array other than exactly [1, 2] but was [2, 1]'],
  ['hasLength', [1], [2], 'expected an array or string of length 2 but was [1]'],
  ['hasLength', { a: 1 }, [1], 'expected an array or string of length 1 but was {"a": 1}'],
  ['isEmpty', [0], [], 'expected an empty array or string but was [0]'],
  ['isEmpty', {}, [], 'expected an empty array or string but was {}'],
  ['isNotEmpty', '', [], 'expected a non-empty array or string but was ""'],
  ['isNotEmpty', { a: 1 }, [], 'expected a non-empty array or string but was {"a": 1}'],
  ['isArray', { length: 0 }, [], 'expected an array but was {"length": 0}'],
  ['isBoolean', 'false', [], 'expected a boolean but was "false"'],
  ['isFunction', {}, [], 'expected a function but was {}'],
  ['isNumber', '1', [], 'expected a number but was "1"'],
  ['isObject', null, [], 'expected an object but was null'],
  ['isString', 1, [], 'expected a string but was 1'],
];

const call = (matcher: string, actual: unknown, args: unknown[], message?: string) =>
  (assertThat(actual, message) as unknown as Record<string, (...a: unknown[]) => void>)[matcher](...args);

describe('assertThat', () => {
  it.each(passing)('%s passes for a matching value (%j)', (matcher, actual, args) => {
    expect(() => call(matcher, actual, args)).not.toThrow();
  });

  it.each(failing)('%s fails for %j with an "expected … but was …" message', (matcher, actual, args, message) => {
    expect(() => call(matcher, actual, args)).toThrow(new AssertionFailure(message));
  });

  it('puts opt_message in front of the failure', () => {
    expect(() => call('isEqualTo', 1, [2], 'Incorrect user Id')).toThrow('Incorrect user Id: expected 2 but was 1');
  });

  it('compares functions by identity in isEqualTo', () => {
    const fn = () => 1;
    expect(() => call('isEqualTo', { fn }, [{ fn }])).not.toThrow();
    expect(() => call('isEqualTo', { fn }, [{ fn: () => 1 }])).toThrow(AssertionFailure);
  });

  it('covers every matcher of the gtm-sandbox/test Subject typing', () => {
    const covered = new Set(passing.map(([matcher]) => matcher));
    expect(Object.keys(assertThat(1)).filter((matcher) => !covered.has(matcher))).toEqual([]);
  });
});
