// assertThat(actual, opt_message): the Truth-style subject of GTM's test API. Each matcher
// throws an AssertionFailure "expected … but was …" (prefixed with opt_message), which stops
// the scenario. Matchers: those seen in real ___TESTS___ (isEqualTo, isStrictlyEqualTo,
// isTrue, isFalse, isDefined, isNull, isObject, isArray, isFunction, isEmpty, contains,
// containsExactly) and the rest of GTM's documented list as given by the community API
// summaries and our gtm-sandbox/test typings (report: not read on Google's page itself).
// hasLength, isEmpty and isNotEmpty take arrays and strings only and always fail on anything
// else [COMM: published test-API typings that quote Google's wording].
import type { Subject } from 'gtm-sandbox/test';
import { getType } from '../../../sandbox/lang';
import { AssertionFailure } from '../errors';
import { render } from '../render';
import { deepEqual } from './deep-equal';

const has = (list: readonly unknown[], item: unknown): boolean => list.some((element) => deepEqual(element, item));

/** Same elements, same multiplicity, any order [INF: Truth's containsExactly without inOrder()]. */
function sameElements(actual: readonly unknown[], expected: readonly unknown[]): boolean {
  if (actual.length !== expected.length) return false;
  const remaining = [...actual];
  return expected.every((item) => {
    const at = remaining.findIndex((element) => deepEqual(element, item));
    if (at < 0) return false;
    remaining.splice(at, 1);
    return true;
  });
}

function contains(actual: unknown, expected: readonly unknown[]): boolean | undefined {
  if (Array.isArray(actual)) return expected.every((item) => has(actual, item));
  if (typeof actual === 'string') return expected.every((item) => typeof item === 'string' && actual.indexOf(item) >= 0);
  return undefined;
}

function lengthOf(actual: unknown): number | undefined {
  return Array.isArray(actual) || typeof actual === 'string' ? actual.length : undefined;
}

const comparable = (actual: unknown, expected: unknown): boolean =>
  (typeof actual === 'number' || typeof actual === 'string') && typeof actual === typeof expected;

const isInfinite = (value: unknown): boolean => value === Infinity || value === -Infinity;

export function assertThat(actual: unknown, optMessage?: unknown): Subject {
  const check = (ok: boolean | undefined, expectation: string): void => {
    if (ok === true) return;
    const prefix = optMessage === undefined ? '' : `${String(optMessage)}: `;
    throw new AssertionFailure(`${prefix}expected ${expectation} but was ${render(actual)}`);
  };
  const ofType = (type: string, noun: string) => () => check(getType(actual) === type, noun);
  const compare = (holds: (a: number | string, e: number | string) => boolean, words: string) => (expected: number) =>
    check(comparable(actual, expected) && holds(actual as number, expected as number), `a value ${words} ${render(expected)}`);
  return {
    isEqualTo: (expected) => check(deepEqual(actual, expected), render(expected)),
    isNotEqualTo: (expected) => check(!deepEqual(actual, expected), `a value other than ${render(expected)}`),
    isStrictlyEqualTo: (expected) => check(actual === expected, `the very same value as ${render(expected)}`),
    isNotStrictlyEqualTo: (expected) => check(actual !== expected, `a value other than the very same ${render(expected)}`),
    isAnyOf: (...expected) => check(has(expected, actual), `any of ${render(expected)}`),
    isNoneOf: (...expected) => check(!has(expected, actual), `none of ${render(expected)}`),
    isDefined: () => check(actual !== undefined, 'a defined value'),
    isUndefined: () => check(actual === undefined, 'undefined'),
    isNull: () => check(actual === null, 'null'),
    isNotNull: () => check(actual !== null, 'a value other than null'),
    isTrue: () => check(actual === true, 'true'),
    isFalse: () => check(actual === false, 'false'),
    isTruthy: () => check(Boolean(actual), 'a truthy value'),
    isFalsy: () => check(!actual, 'a falsy value'),
    isNaN: () => check(Number.isNaN(actual), 'NaN'),
    isNotNaN: () => check(!Number.isNaN(actual), 'a value other than NaN'),
    isInfinity: () => check(isInfinite(actual), 'Infinity or -Infinity'),
    isNotInfinity: () => check(!isInfinite(actual), 'a finite value'),
    isGreaterThan: compare((a, e) => a > e, 'greater than'),
    isGreaterThanOrEqualTo: compare((a, e) => a >= e, 'greater than or equal to'),
    isLessThan: compare((a, e) => a < e, 'less than'),
    isLessThanOrEqualTo: compare((a, e) => a <= e, 'less than or equal to'),
    contains: (...expected) => check(contains(actual, expected), `an array or string containing ${render(expected)}`),
    doesNotContain: (...expected) => {
      const found = expected.some((item) => contains(actual, [item]));
      check(contains(actual, []) !== undefined && !found, `an array or string containing none of ${render(expected)}`);
    },
    containsExactly: (...expected) => check(Array.isArray(actual) && sameElements(actual, expected), `an array of exactly ${render(expected)}`),
    doesNotContainExactly: (...expected) => check(Array.isArray(actual) && !sameElements(actual, expected), `an array other than exactly ${render(expected)}`),
    hasLength: (expected) => check(lengthOf(actual) === expected, `an array or string of length ${render(expected)}`),
    isEmpty: () => check(lengthOf(actual) === 0, 'an empty array or string'),
    isNotEmpty: () => check((lengthOf(actual) ?? 0) > 0, 'a non-empty array or string'),
    isArray: ofType('array', 'an array'),
    isBoolean: ofType('boolean', 'a boolean'),
    isFunction: ofType('function', 'a function'),
    isNumber: ofType('number', 'a number'),
    isObject: ofType('object', 'an object'),
    isString: ofType('string', 'a string'),
  };
}
