// Native implementations of the pure sandbox APIs that core uses, with GTM's semantics.
// Core imports them from here and runs unchanged in Node, in the browser (the bridge) and in
// the GTM sandbox: the template build marks this module as sandbox-provided, so each import
// becomes `require('<name>')` there. The emulator uses the same functions for these APIs.

export type SandboxType = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'object' | 'function';

/** typeof, but telling arrays and null apart. */
export function getType(value: unknown): SandboxType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined' || t === 'function') return t;
  return 'object';
}

export function makeString(value: unknown): string {
  return String(value);
}

export function makeNumber(value: unknown): number {
  return Number(value);
}

/** A number with its fraction dropped (NaN stays NaN). */
export function makeInteger(value: unknown): number {
  return Math.trunc(Number(value));
}

/** URI-encodes a string; undefined when it cannot be encoded (a lone surrogate). */
export function encodeUriComponent(value: string): string | undefined {
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function decodeUriComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
