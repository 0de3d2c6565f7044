// Antsomi CDP365: web_event.track('user', action, {items, dims: {customers}, extra})
// (docs/reference/vendors.md#antsomi, #mapping).
//
// Decisions:
// - Customer id (CID): from the email (default), the phone or the user id (option
//   `customerIdFrom`), hashed with md5 (default) or sent as is (`customerIdHash: 'none'`). An
//   email is lower-cased first (option `customerIdEmail: 'lowercase'`, default) or taken as given
//   (`'asGiven'`, as Antsomi's guides compute md5(email), for sites whose other Antsomi sources do
//   so); surrounding spaces are never part of it. A CID can never change, so a site picks one
//   and keeps it. A phone or user id is only trimmed; a value that already is 32 hex
//   digits is not hashed again. No source value → 'failed' (Antsomi needs a CID), or 'skipped'
//   for an anonymous visitor (no user id, no email).
//   We cannot see whether the visitor already has a different CID; run a reset first when the
//   user changes (Antsomi: "a customer ID cannot be changed once assigned").
// - Action: 'sign_in', 'sign_up' or 'identify' from the call's event.
// - Vocabulary (option `vocabulary`):
//   'template' (default, Antsomi's GTM template): {items: [], dims: {customers: {type:
//     'customers', customer_id, …}}, extra: {identify_id, identify_event: <action>}};
//   'devguide' (developer guide): {dims: {customers: {customer_id, …}}, extra: {identify_id,
//     identify_time, identify_event: 'user_' + action, identify_type: 'exact'}} — 'user_sign_up'
//     extends the guide's user_sign_in/user_identify pattern. identify_time comes from the SDK's
//     _cdpEventFunction._cdpGetLeadTime() when loaded; before that we send the current time as
//     'YYYY-MM-DD HH:mm:ss' in UTC (the helper's shape; the sandbox knows no time zone), noted.
// - Customer attributes: name (or firstName + lastName), email, phone, gender; birthday →
//   date_of_birth as 'YYYY-MM-DD'; every other trait as a custom attribute whose code is the
//   snake_case key; objects flattened one level (company.name → company_name); lists of scalars
//   joined with ','; other dates as 'YYYY-MM-DD HH:mm:ss' UTC; null dropped. Codes that do not
//   match ^[a-z0-9_]+$ after that are dropped with a warning, as are traits named type,
//   customer_id or email (ours: `email` is only the validated email). Key/value tags are
//   attributes of their own (unless one exists); labels become a comma-separated `tags`
//   attribute.
// - Delivery: `web_event.track` when it is a function: 'sent' to the SDK; while
//   `web_event.queue` is still an array it was a loader stub, so the call is 'queued' (with
//   `loadScript`: until the script loads, 'failed' when it did not). Otherwise we build Antsomi's stub: createArgumentsQueue('web_event', 'web_event.queue') +
//   aliasInWindow('web_event.track', 'web_event'); with valid numeric portal/property ids we also
//   set `_portalId`, `_propId` and `web_event.propId` (as Antsomi's loader does, never overriding
//   the page's); an id that is given but not numeric is reported. Loading (option `loadScript`)
//   needs both ids numeric and injects https://st-a.cdp.asia/insight.js. A `web_event` that is
//   not a function with `track` is left alone ('failed').
// - Reset: web_event.track('user', 'sign_out'), then web_event.resetAnonymousUId() when the SDK
//   provides it (it does not exist before the SDK loads: noted). No web_event → 'skipped'.
import { assign, choice, flag, has, text } from '../checks';
import { formatSpaced, parseDate } from '../dates';
import { callEntries, flatKey, putOnce } from '../flat';
import type { Scalar } from '../flat';
import { isHashed } from '../hash';
import { md5 } from '../md5';
import { keyValueTags, labels, tagFits } from '../tags';
import { isDigits, snakeCase } from '../text';
import { fullName } from '../traits';
import { optionsObject } from './options';
import { callPage, isFunctionAt, notTheSdk, queued, sentUnless, typeAt } from './runtime';
import { outcome } from './types';
import type { Done, VendorContext, VendorModule } from './types';
import type { IdentifyCall, IdentifyEvent, Json, JsonObject, WindowUse } from '../model';
import type { Note } from '../messages';

const SCRIPT_URL = 'https://st-a.cdp.asia/insight.js';

/** The SDK's paths on window that the tag calls, reads or builds. */
const TRACK = 'web_event.track';
const QUEUE = 'web_event.queue';
const RESET_ID = 'web_event.resetAnonymousUId';
const LEAD_TIME = '_cdpEventFunction._cdpGetLeadTime';

export const WINDOW = {
  callInWindow: [TRACK, RESET_ID, LEAD_TIME],
  copyFromWindow: ['web_event', QUEUE],
  setInWindow: ['_portalId', '_propId', 'web_event.propId'],
  createArgumentsQueue: ['web_event', QUEUE],
  aliasInWindow: [TRACK, 'web_event'],
  injectScript: [SCRIPT_URL],
} satisfies WindowUse;
const CODE_PATTERN = '^[a-z0-9_]+$';
/** Attributes the tag fills itself; `email` only ever from the validated email. */
const OURS = ['type', 'customer_id', 'email'];

type CustomerIdFrom = 'email' | 'phone' | 'userId';

interface AntsomiSettings {
  from: CustomerIdFrom;
  hash: 'md5' | 'none';
  lowerEmail: boolean;
  vocabulary: 'template' | 'devguide';
  load: boolean;
  /** [portal id, property id] as given (text or null); usable only when both are numeric. */
  ids: (string | null)[];
  numericIds: boolean;
}

function readSettings(options: unknown): AntsomiSettings {
  const raw = optionsObject(options);
  const ids = [text(raw.portalId), text(raw.propertyId)];
  return {
    from: choice(raw.customerIdFrom, ['email', 'phone', 'userId'] as CustomerIdFrom[], 'email'),
    hash: choice(raw.customerIdHash, ['md5', 'none'], 'md5'),
    lowerEmail: choice(raw.customerIdEmail, ['lowercase', 'asGiven'], 'lowercase') === 'lowercase',
    vocabulary: choice(raw.vocabulary, ['template', 'devguide'], 'template'),
    load: flag(raw.loadScript, false),
    ids: ids,
    numericIds: ids.every((id) => id !== null && isDigits(id)),
  };
}

/** The CID for this call, or null when its source value is missing (see the header). */
function customerId(call: IdentifyCall, settings: AntsomiSettings): string | null {
  const email = call.email !== null && settings.lowerEmail ? call.email.toLowerCase() : call.email;
  const source = settings.from === 'email' ? email : settings.from === 'phone' ? text(call.traits.phone) : call.userId;
  return source === null || settings.hash === 'none' || isHashed(source, 'md5') ? source : md5(source);
}

/** A flat entry's value (text, a number, a boolean or null: lists are joined by flatten); null is not sent. */
function attributeValue(key: string, value: Scalar, isDate: boolean): Json | undefined {
  if (isDate) {
    const ms = parseDate(value);
    // 'YYYY-MM-DD HH:mm:ss', date_of_birth its date part only
    if (ms !== null) return formatSpaced(ms).substring(0, key === 'date_of_birth' ? 10 : 19);
  }
  return value === null ? undefined : value;
}

function putAttribute(customers: JsonObject, key: string, value: Json | undefined, note: Note): void {
  if (value === undefined) return;
  if (OURS.indexOf(key) >= 0) return note('warning', 'attribute "' + key + '" is set by the tag; trait not sent');
  if (key.match(CODE_PATTERN) === null) return note('warning', 'attribute "' + key + '" dropped: only a-z, 0-9, _ allowed');
  putOnce(customers, key, value, note);
}

/** dims.customers without customer_id (see the header). */
function customerAttributes(call: IdentifyCall, note: Note): JsonObject {
  const customers: JsonObject = {};
  callEntries(call, note).forEach((entry) => {
    const top = entry.parent === null;
    const key = top && entry.name === 'birthday' ? 'date_of_birth' : top ? snakeCase(entry.name) : flatKey(entry);
    putAttribute(customers, key, attributeValue(key, entry.value, top && call.dateKeys.indexOf(entry.name) >= 0), note);
  });
  const name = fullName(call.traits);
  if (!has(customers, 'name') && name !== null) customers.name = name;
  if (call.email !== null) customers.email = call.email;
  keyValueTags(call.tags).forEach((tag) => {
    if (tagFits(customers, tag.name, tag.name, note)) putAttribute(customers, tag.name, tag.value as string, note);
  });
  const names = labels(call.tags);
  if (names.length > 0) putAttribute(customers, 'tags', names.join(','), note);
  return customers;
}

function leadTime(context: VendorContext): string {
  const platform = context.platform;
  if (isFunctionAt(platform, LEAD_TIME)) {
    const time = text(platform.callInWindow(LEAD_TIME, []));
    if (time !== null) return time;
  }
  context.note('info', "no _cdpGetLeadTime yet; identify_time is now (UTC)");
  return formatSpaced(platform.now());
}

/** The third argument of web_event.track for this call. */
function trackPayload(call: IdentifyCall, cid: string, vocabulary: 'template' | 'devguide', context: VendorContext): JsonObject {
  const customers = customerAttributes(call, context.note);
  const action: IdentifyEvent = call.event;
  return vocabulary === 'devguide' ? {
    dims: { customers: assign({ customer_id: cid }, customers) },
    extra: { identify_id: cid, identify_time: leadTime(context), identify_event: 'user_' + action, identify_type: 'exact' },
  } : { items: [], dims: { customers: assign({ type: 'customers', customer_id: cid }, customers) }, extra: { identify_id: cid, identify_event: action } };
}

const SOURCE_NAMES = { email: 'an email', phone: 'a phone trait', userId: 'a user id' };

export function identify(call: IdentifyCall, options: unknown, context: VendorContext, done: Done): void {
  const platform = context.platform;
  const settings = readSettings(options);
  const cid = customerId(call, settings);
  if (cid === null) {
    const anonymous = call.userId === null && call.email === null;
    return done(outcome(anonymous ? 'skipped' : 'failed', (anonymous ? 'anonymous visitor: ' : 'no customer id: ') + 'needs ' +
      SOURCE_NAMES[settings.from] + ' for the customer id; not sent'));
  }
  const args: Json[] = ['user', call.event, trackPayload(call, cid, settings.vocabulary, context)];
  const queue = () => queued(platform, settings.load ? SCRIPT_URL : null, 'Antsomi', QUEUE, done);
  if (isFunctionAt(platform, TRACK)) {
    const error = callPage(platform, TRACK, args);
    // While web_event.queue is an array, the loader's stub (ours or the page's) only queued it [INF: the SDK leaves no queue array]
    return error !== null || typeAt(platform, QUEUE) !== 'array' ? done(sentUnless(error, TRACK + ' called')) : queue();
  }
  const current = typeAt(platform, 'web_event');
  if (current !== 'undefined') return done(notTheSdk('web_event', current, 'Antsomi'));
  if (settings.load && !settings.numericIds) {
    return done(outcome('failed', 'cannot load: portal id and property id must be numeric'));
  }
  const ids = settings.ids;
  ids.forEach((id, i) => {
    if (!settings.load && id !== null && !isDigits(id)) {
      context.note('warning', (i === 0 ? 'portal' : 'property') + ' id "' + id + '" is not numeric; _portalId and _propId not set');
    }
  });
  const track = platform.createArgumentsQueue('web_event', QUEUE);
  platform.aliasInWindow(TRACK, 'web_event');
  if (settings.numericIds) {
    // As Antsomi's loader does, never overriding the page's.
    platform.setInWindow('_portalId', ids[0], false);
    platform.setInWindow('_propId', ids[1], false);
    platform.setInWindow('web_event.propId', ids[1], false);
  }
  track(args[0], args[1], args[2]);
  queue();
}

export function reset(_options: unknown, context: VendorContext, done: Done): void {
  const platform = context.platform;
  if (!isFunctionAt(platform, TRACK)) {
    return done(outcome('skipped', 'not on the page; nothing to reset'));
  }
  const error = callPage(platform, TRACK, ['user', 'sign_out']);
  if (error !== null || !isFunctionAt(platform, RESET_ID)) {
    return done(sentUnless(error, "sign_out sent; no web_event.resetAnonymousUId, anonymous id kept"));
  }
  done(sentUnless(callPage(platform, RESET_ID, []), 'sign_out sent; anonymous id reset'));
}

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = { name: 'Antsomi', identify: identify, reset: reset };
