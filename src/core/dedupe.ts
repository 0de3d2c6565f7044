// "Skip if unchanged": per vendor, the signature of the last identify that was sent or queued,
// kept in platform.storage (localStorage) under one key of ours as a JSON object
// {vendor: signature}. A signature is the md5 of a canonical JSON (sorted keys) of the
// user id (after hashing), email, traits, tags, company and event — never the raw values, so no
// PII is stored. A reset removes the entries of the vendors it resets (always, dedupe on or
// off, so that a later identify after a logout is never skipped). A stored value that is not
// exactly the shape we write is ignored (and overwritten on the next send).
import { getType } from '../sandbox/lang';
import { without } from './checks';
import { md5 } from './md5';
import type { IdentifyCall, Json, JsonObject, VendorId } from './model';
import type { Platform } from './platform';

export const STORAGE_KEY = 'gtm_identify_last';
/** What we write: {"segment":"<32 hex>",…}; anything else in storage is treated as absent. */
const STORED_PATTERN = '^[{]("[a-z]+":"[0-9a-f]{32}"(,"[a-z]+":"[0-9a-f]{32}")*)?[}]$';

/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonicalJson(value: Json): string {
  const type = getType(value);
  if (type === 'array') return '[' + (value as Json[]).map((item) => canonicalJson(item)).join(',') + ']';
  if (type === 'object') {
    const object = value as JsonObject;
    // A key whose value is undefined (a label's tag value) is left out, as JSON.stringify does.
    const keys = Object.keys(object).filter((key) => object[key] !== undefined).sort();
    return '{' + keys.map((key) => JSON.stringify(key) + ':' + canonicalJson(object[key])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/**
 * The signature of `call`, stored per vendor (so computed once per run, not per vendor); null
 * when it cannot be computed (then nothing is skipped).
 */
export function signature(call: IdentifyCall): string | null {
  return md5(canonicalJson({
    userId: call.userId,
    email: call.email,
    traits: call.traits,
    tags: call.tags as unknown as Json,
    company: call.company as JsonObject | null,
    event: call.event,
  }));
}

function readSignatures(platform: Platform): { [vendor: string]: string } {
  const stored = platform.storage.getItem(STORAGE_KEY);
  if (getType(stored) !== 'string' || (stored as string).match(STORED_PATTERN) === null) return {};
  return JSON.parse(stored as string);
}

function write(platform: Platform, signatures: { [vendor: string]: string }): void {
  if (Object.keys(signatures).length === 0) platform.storage.removeItem(STORAGE_KEY);
  else platform.storage.setItem(STORAGE_KEY, JSON.stringify(signatures));
}

/** A vendor id is never an inherited name, so a missing entry reads as undefined. */
export const isUnchanged = (platform: Platform, vendor: VendorId, sig: string): boolean => readSignatures(platform)[vendor] === sig;

export function remember(platform: Platform, vendor: VendorId, sig: string): void {
  const signatures = readSignatures(platform);
  signatures[vendor] = sig;
  write(platform, signatures);
}

/** Drops the entries of `vendors` (a reset); leaves storage alone when there is nothing to drop. */
export function forget(platform: Platform, vendors: VendorId[]): void {
  const signatures = readSignatures(platform);
  const kept = without(signatures, vendors) as { [vendor: string]: string };
  if (Object.keys(signatures).length !== Object.keys(kept).length) write(platform, kept);
}
