// Optional hashing of the user id: 'none', 'sha256' (through platform.sha256, hex) or 'md5'
// (md5.ts). Values that already are such a hash pass through untouched — 64 hex digits for
// sha256, 32 for md5, in either case — so a pre-hashed id is never hashed twice. An id that is
// an email address is trimmed and lower-cased before hashing, so that 'Ann@Example.com ' and
// 'ann@example.com' give the same hash (the convention of hashed-identity APIs).
import { pick } from './checks';
import { md5 } from './md5';
import { once } from './once';
import { isEmail, isHex } from './text';
import type { HashMethod } from './model';
import type { Note } from './messages';
import type { Platform } from './platform';

export const HASH_METHODS: HashMethod[] = ['none', 'sha256', 'md5'];
const HEX_LENGTH = { sha256: 64, md5: 32 };

export const readHashMethod = (value: unknown, note: Note): HashMethod => pick(value, HASH_METHODS, 'hash method', note);

/** True when `value` already is a hex digest of `method`. */
export const isHashed = (value: string, method: 'sha256' | 'md5'): boolean => isHex(value.trim(), HEX_LENGTH[method]);

/**
 * Hashes `value` with `method`; `done(hash, null)` or `done(null, reason)`, exactly once.
 * Pass-through values are reported with an info note.
 */
export function hashValue(
  value: string, method: HashMethod, platform: Platform, note: Note,
  done: (hashed: string | null, error: string | null) => void,
): void {
  if (method === 'none') return done(value, null);
  const trimmed = value.trim();
  if (isHashed(trimmed, method)) {
    note('info', 'user id already is a ' + method + ' hash; sent as is');
    return done(trimmed, null);
  }
  // The text that is hashed: emails trimmed and lower-cased, anything else trimmed.
  const input = isEmail(trimmed) ? trimmed.toLowerCase() : trimmed;
  if (method === 'md5') {
    const digest = md5(input);
    return done(digest, digest === null ? 'user id cannot be encoded for md5' : null);
  }
  const finish = once((digest: string | null) => {
    if (digest === null) done(null, 'SHA-256 hashing failed');
    else done(digest.toLowerCase(), null);
  });
  platform.sha256(input, finish, () => finish(null));
}
