// Mutiny: window.mutiny.client.identify(userIdOrNull, traits)
// (docs/reference/vendors.md#mutiny, #mapping).
//
// Decisions:
// - Only when `mutiny.client.identify` is a function on the page (Mutiny's SDK, or its snippet
//   stub): a template cannot build the stub's {args, resolve, reject} entries faithfully, and the
//   client script URL is per customer, so we never load Mutiny. Otherwise 'skipped' with a
//   message.
// - First argument: the user id, or null for an anonymous visitor (Mutiny's documented form).
// - M = traits + email + company, where company keeps camelCase `employeeCount` (Mutiny's
//   Account object) and `domain` is reduced to a bare host (scheme, 'www.', path, query and port
//   removed, lower-cased) with an info note when it changed.
// - Tags: key/value tags become traits of that name (unless a trait has it); labels become one
//   comma-separated `tags` trait (easy to match with "contains" in Mutiny's segment builder).
// - A warning when there is no email: Mutiny cannot match a CRM record without one.
// - The identify call returns a Promise that the stub rejects after 500 ms when the SDK does
//   not answer. The sandbox cannot attach a handler to a page Promise; the bridge's platform
//   (callInWindow) swallows rejections of returned thenables.
// - Reset: Mutiny has none (only opt-out/opt-in consent methods), so a documented no-op:
//   'skipped' with a message.
import { copyObject, isString } from '../checks';
import { callTraits } from '../tags';
import { callPage, isFunctionAt, noReset, sentUnless } from './runtime';
import { outcome } from './types';
import type { Done, VendorContext, VendorModule } from './types';
import type { Company, IdentifyCall, JsonObject, WindowUse } from '../model';
import type { Note } from '../messages';

export const WINDOW = {
  callInWindow: ['mutiny.client.identify'],
} satisfies WindowUse;

/** 'https://www.Airbnb.com/about' → 'airbnb.com'. */
export function bareHost(domain: string): string {
  let host = domain.trim().toLowerCase();
  const scheme = host.indexOf('://');
  // Up to the first of / ? # : after the scheme.
  host = host.substring(scheme < 0 ? 0 : scheme + 3).split('/')[0].split('?')[0].split('#')[0].split(':')[0];
  return host.substring(0, 4) === 'www.' ? host.substring(4) : host;
}

function mutinyCompany(company: Company, note: Note): JsonObject {
  const out = copyObject(company as JsonObject);
  if (isString(out.domain)) {
    const host = bareHost(out.domain);
    if (host !== out.domain) note('info', 'company.domain "' + out.domain + '" sent as the bare host "' + host + '"');
    out.domain = host;
  }
  return out;
}

/** M of the mapping (see the header). */
const mutinyTraits = (call: IdentifyCall, note: Note): JsonObject => callTraits(call, call.company === null ? null : mutinyCompany(call.company, note), (names) => names.join(','), note);

export function identify(call: IdentifyCall, _options: unknown, context: VendorContext, done: Done): void {
  const platform = context.platform;
  if (!isFunctionAt(platform, 'mutiny.client.identify')) {
    return done(outcome('skipped', 'not on the page (no mutiny.client.identify)'));
  }
  if (call.email === null) context.note('warning', 'no email: cannot match a CRM record');
  done(sentUnless(callPage(platform, 'mutiny.client.identify', [call.userId, mutinyTraits(call, context.note)]), 'mutiny.client.identify called'));
}

export const reset = noReset('Mutiny');

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = { name: 'Mutiny', identify: identify, reset: reset };
