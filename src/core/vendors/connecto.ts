// Connecto: _connecto.identify(userId, tags) (docs/reference/vendors.md#connecto, #mapping).
//
// Decisions:
// - Identity: the user id, else the email (Connecto's documented alternative), else the
//   anonymous id from _connecto.getIdentity(). No identity at all → 'failed'.
// - C is a flat object of strings: every scalar of the traits, the email and the company
//   (company_name, company_employee_count, …) as text; booleans as 'true'/'false'; null dropped;
//   objects flattened one level in snake_case (address.zipCode → address_zip_code, flat.ts),
//   deeper values dropped with a warning; lists of scalars joined with ','. Dates are ISO-8601.
// - Tags: the value is the tag (Connecto's doc: identify(id, {'brand': 'Audi'}) tags the user
//   "Audi"). A key/value tag is a key of its own (`brand: 'Audi'`); a label is a key whose value
//   is its own name (`vip: 'vip'`), so the user is tagged "vip", never "true".
//   When a trait already has the name, the tag wins (tags are what Connecto segments on), with a
//   warning.
// - Connecto has no pre-load stub: the call runs only once `_connecto.identify` is a function.
//   When it is not there yet, we wait up to `waitMs` (default 5000 ms, re-checking with
//   callLater); with `loadScript` and a license key we first set `_TConnecto.licenseKey` (only
//   when the page has no `_TConnecto` of its own) and load
//   https://server.connecto.io/javascripts/connect.prod.min.js, then wait the same way. After the
//   bound: 'failed' (the call is dropped and says so).
// - Reset: Connecto documents none: a no-op, 'skipped' with a message.
import { flag, isObject, milliseconds, text } from '../checks';
import { makeString } from '../../sandbox/lang';
import { callEntries, flatKey, putOnce } from '../flat';
import { keyValueTags, labels } from '../tags';
import { optionsObject, readKey, KEY_CHARS } from './options';
import { DEFAULT_WAIT_MS, MAX_WAIT_MS, callPage, isFunctionAt, loadScript, noReset, sentUnless, waitUntil } from './runtime';
import { outcome } from './types';
import type { Done, VendorContext, VendorModule } from './types';
import type { IdentifyCall, JsonObject, WindowUse } from '../model';
import type { Note } from '../messages';

const SCRIPT_URL = 'https://server.connecto.io/javascripts/connect.prod.min.js';

export const WINDOW = {
  callInWindow: ['_connecto.identify', '_connecto.getIdentity'],
  copyFromWindow: ['_TConnecto'],
  setInWindow: ['_TConnecto'],
  injectScript: [SCRIPT_URL],
} satisfies WindowUse;

/** Flat text properties (see the header); key/value tags and labels come last and win. */
function connectoTraits(call: IdentifyCall, note: Note): JsonObject {
  const out: JsonObject = {};
  callEntries(call, note).forEach((entry) => {
    if (entry.value !== null) putOnce(out, flatKey(entry), makeString(entry.value), note);
  });
  if (call.email !== null) out.email = call.email;
  keyValueTags(call.tags).forEach((tag) => putOnce(out, tag.name, tag.value as string, note));
  labels(call.tags).forEach((name) => putOnce(out, name, name, note));
  return out;
}

export function identify(call: IdentifyCall, options: unknown, context: VendorContext, done: Done): void {
  const platform = context.platform;
  const raw = optionsObject(options);
  const traits = connectoTraits(call, context.note);
  const ready = () => isFunctionAt(platform, '_connecto.identify');
  const waitMs = milliseconds(raw.waitMs, DEFAULT_WAIT_MS, MAX_WAIT_MS);
  const wait = (what: string) => waitUntil(platform, ready, waitMs, (ok) => {
    if (!ok) return done(outcome('failed', what + ' within ' + waitMs + ' ms (no pre-load queue); identify dropped'));
    // The user id, else the email, else Connecto's own anonymous id.
    const id = call.userId !== null ? call.userId : call.email !== null ? call.email : text(platform.callInWindow('_connecto.getIdentity', []));
    if (id === null) return done(outcome('failed', 'no user id, email or _connecto.getIdentity() id'));
    done(sentUnless(callPage(platform, '_connecto.identify', [id, traits]), '_connecto.identify called'));
  });
  if (ready() || !flag(raw.loadScript, false)) return wait('not on the page');
  const key = readKey(raw.licenseKey, 'Connecto license key', KEY_CHARS);
  if (key.value === null) return done(outcome('failed', 'cannot load Connecto: ' + key.error));
  if (isObject(platform.copyFromWindow('_TConnecto'))) {
    context.note('info', 'page already sets _TConnecto; its license key is used');
  } else {
    platform.setInWindow('_TConnecto', { licenseKey: key.value }, false);
  }
  loadScript(platform, SCRIPT_URL, (loaded) => {
    if (!loaded) return done(outcome('failed', 'script failed to load (' + SCRIPT_URL + ')'));
    wait("script loaded but no _connecto.identify");
  });
}

export const reset = noReset('Connecto');

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = { name: 'Connecto', identify: identify, reset: reset };
