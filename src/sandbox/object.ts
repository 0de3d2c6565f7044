// The sandbox's notion of an object (what getType calls 'object': not null, not an array), for
// both sides: core's value checks and the toolchain's readers of data and fields.
import { getType } from './lang';

export function isObject(value: unknown): value is { [key: string]: unknown } {
  return getType(value) === 'object';
}

/** Keys we never copy: assigning them to a plain object would change its prototype. */
export function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
