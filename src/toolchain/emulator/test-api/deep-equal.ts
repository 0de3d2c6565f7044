// Equality of isEqualTo, isAnyOf, contains … and assertApi's wasCalledWith: deep, by value.
// Arrays by length and elements; objects by the same set of own keys (a key holding undefined
// differs from a missing key [INF: map semantics, as in Truth's isEqualTo]) and equal values;
// functions by identity; NaN equals NaN. Cycles compare by position.
import { getType } from '../../../sandbox/lang';

export function deepEqual(a: unknown, b: unknown, seen: [object, object][] = []): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  const type = getType(a);
  if (type !== getType(b) || (type !== 'array' && type !== 'object')) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  if (seen.some(([x, y]) => x === left && y === right)) return true;
  const pairs: [object, object][] = [...seen, [left, right]];
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key], pairs));
}
