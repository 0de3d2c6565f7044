// Gist (getgist.com): gist.identify(userId, props) (docs/reference/vendors.md#gist, #mapping).
//
// Decisions:
// - Required: an email (Gist's document: user_id and email are required, the user id being
//   "empty string ("") if it is not known"). A lead with an email but no user id is identified
//   as gist.identify('', {email, …}); an anonymous visitor (neither) → 'skipped': Gist identifies
//   known people only; a user id without an email → 'failed', nothing sent. The user id must be
//   shorter than 255 characters (Gist: "fewer than 255").
// - Property keys: camelCase becomes snake_case (firstName → first_name); keys containing '$'
//   are dropped with a warning (such keys are other tools' reserved properties, e.g. $created);
//   any other character outside [A-Za-z0-9_] (including '.') becomes '_' with an info note; an
//   empty key is dropped with a warning. When two keys end up the same, the later one wins with
//   a warning. A trait or key/value tag whose key becomes `email`, `tags` or `overwrite_tags` is
//   dropped with a warning: those come from the validated email, the labels and the option.
// - Values: strings, numbers, booleans and null (Gist's "no value"). Strings longer than 255
//   characters are truncated to 255 with a warning (keeps the useful start, e.g. a description).
//   Objects are flattened one level (company.name → company_name); lists of scalars become one
//   comma-separated string; anything deeper is dropped with a warning.
// - Dates (typed date rows, createdAt, birthday) are sent as unix seconds in keys ending in
//   `_at` (createdAt → created_at, birthday → birthday_at). Gist reads every `_at` key as a
//   date, so any other value in such a key (a trait, company field or tag) that is a date —
//   ISO-8601 text, epoch milliseconds — is sent as unix seconds too; one that is not a date is
//   sent as given with a warning.
// - `name` is built from firstName + lastName when no name is given (Gist has no first/last
//   name contact fields of its own).
// - Company → company_* properties; key/value tags → properties of their own (unless a property
//   of that name exists); labels → `tags` as one comma-separated string of at most 255
//   characters (labels that do not fit are left out, whole, with a warning), with `overwrite_tags:
//   false` unless the destination says to replace (option `overwriteTags`): Gist's own default
//   (true) would wipe every tag the contact had, also those of Gist's automations and other
//   tools. Nothing is sent when no labels are given, so existing tags are left alone.
// - Delivery: `gist.identify` when it is a function (SDK or the page's snippet stub); otherwise
//   ['identify', id, props] is pushed into the `gist` array stub. When we create that stub and
//   load the script (option `loadScript` + a valid app id), we first queue ['setAppId', appId]
//   and ['trackPageView'] as Gist's snippet does. Script: https://widget.getgist.com/ (with its
//   path '/', so the URL is exactly the inject_script pattern).
// - Reset: gist.chat('shutdown'), which exists only once the SDK has loaded: called at once when
//   present; when a Gist stub is on the page, waited for up to `waitMs` (default 5000 ms);
//   otherwise (or after the wait) 'skipped' with a message.
import { flag, has, isString, milliseconds } from '../checks';
import { toUnixSeconds } from '../dates';
import { callEntries, flatKey, putOnce } from '../flat';
import { keyValueTags, labels, tagFits } from '../tags';
import { describe, fullName } from '../traits';
import { endsWith, snakeCase, wordChars } from '../text';
import { optionsObject, readKey, KEY_CHARS } from './options';
import type { KeyOption } from './options';
import { DEFAULT_WAIT_MS, MAX_WAIT_MS, callPage, isFunctionAt, notTheSdk, queued, sentUnless, typeAt, waitUntil } from './runtime';
import { outcome } from './types';
import type { Done, VendorContext, VendorModule } from './types';
import type { IdentifyCall, Json, JsonObject, WindowUse } from '../model';
import type { Scalar } from '../flat';
import type { Note } from '../messages';

const SCRIPT_URL = 'https://widget.getgist.com/';

export const WINDOW = {
  callInWindow: ['gist.identify', 'gist.chat'],
  copyFromWindow: ['gist'],
  createQueue: ['gist'],
  injectScript: [SCRIPT_URL],
} satisfies WindowUse;
/** Gist: user ids "must be fewer than 255 characters"; string values "up to 255 characters". */
const MAX_ID_LENGTH = 254;
const MAX_STRING_LENGTH = 255;

interface GistOptionsRead {
  load: boolean;
  appId: KeyOption;
  overwriteTags: boolean;
  waitMs: number;
}

function readOptions(options: unknown): GistOptionsRead {
  const raw = optionsObject(options);
  return {
    load: flag(raw.loadScript, false),
    appId: readKey(raw.appId, 'Gist app id', KEY_CHARS),
    overwriteTags: flag(raw.overwriteTags, false),
    waitMs: milliseconds(raw.waitMs, DEFAULT_WAIT_MS, MAX_WAIT_MS),
  };
}

/** Keys the tag sets itself; a trait or tag never replaces them. */
const OWN_KEYS = ['email', 'tags', 'overwrite_tags'];

/** The Gist key of a trait, company field or key/value tag; null when it is dropped ('$', empty, OWN_KEYS). */
function gistKey(name: string, note: Note): string | null {
  if (name === '' || name.indexOf('$') >= 0) {
    note('warning', 'property "' + name + '" dropped: no "$" or empty names');
    return null;
  }
  const snake = snakeCase(name);
  const key = wordChars(snake);
  if (key !== snake) note('info', 'property "' + name + '" sent as "' + key + '" (only letters, digits, _)');
  if (OWN_KEYS.indexOf(key) < 0) return key;
  note('warning', '"' + name + '" not sent: "' + key + '" comes from the email and tags');
  return null;
}

/** A value for Gist: unix seconds in a key ending in _at (Gist's dates), text cut at 255 characters. */
function gistValue(key: string, value: Scalar, note: Note): Scalar {
  if (value !== null && endsWith(key, '_at')) {
    const seconds = toUnixSeconds(value);
    if (seconds === null) note('warning', 'property "' + key + '" ends in _at (a date), but ' + describe(value) + ' is not a date; sent as given');
    else if (seconds !== value) note('info', 'property "' + key + '" sent as unix seconds (' + seconds + ')');
    if (seconds !== null) return seconds;
  }
  if (isString(value) && value.length > MAX_STRING_LENGTH) {
    note('warning', 'property "' + key + '" truncated to ' + MAX_STRING_LENGTH + ' characters');
    return (value as string).substring(0, MAX_STRING_LENGTH);
  }
  return value;
}

/** P of the mapping (see the header). */
function gistProps(call: IdentifyCall, overwriteTags: boolean, note: Note): JsonObject {
  const props: JsonObject = {};
  if (call.email !== null) props.email = call.email;
  callEntries(call, note).forEach((entry) => {
    const key = gistKey(flatKey(entry), note);
    if (key === null) return;
    if (entry.parent !== null || call.dateKeys.indexOf(entry.name) < 0) return putOnce(props, key, gistValue(key, entry.value, note), note);
    // A date trait: unix seconds in a key ending in _at.
    const seconds = toUnixSeconds(entry.value);
    if (seconds !== null) putOnce(props, endsWith(key, '_at') ? key : key + '_at', seconds, note);
  });
  const name = fullName(call.traits);
  if (!has(props, 'name') && name !== null) props.name = gistValue('name', name, note);
  keyValueTags(call.tags).forEach((tag) => {
    const key = gistKey(tag.name, note);
    if (key !== null && tagFits(props, key, tag.name, note)) props[key] = gistValue(key, tag.value as string, note);
  });
  // Labels joined with ',' up to Gist's string limit; labels that do not fit are left out whole.
  let list = '';
  const left: string[] = [];
  labels(call.tags).forEach((label) => {
    const next = list === '' ? label : list + ',' + label;
    if (next.length <= MAX_STRING_LENGTH) list = next;
    else left.push(label);
  });
  if (left.length > 0) note('warning', 'tags over ' + MAX_STRING_LENGTH + ' characters in all; not sent: ' + left.join(', '));
  if (list !== '') {
    props.tags = list;
    if (!overwriteTags) props.overwrite_tags = false;
  }
  return props;
}

export function identify(call: IdentifyCall, options: unknown, context: VendorContext, done: Done): void {
  if (call.email === null) {
    return done(outcome(call.userId === null ? 'skipped' : 'failed', (call.userId === null ? 'anonymous visitor: ' : '') + 'needs an email; not sent'));
  }
  if (call.userId !== null && call.userId.length > MAX_ID_LENGTH) {
    return done(outcome('failed', 'user id over ' + MAX_ID_LENGTH + ' characters (' + call.userId.length + '); not sent'));
  }
  const platform = context.platform;
  const settings = readOptions(options);
  const args: Json[] = [call.userId === null ? '' : call.userId, gistProps(call, settings.overwriteTags, context.note)];
  if (isFunctionAt(platform, 'gist.identify')) {
    return done(sentUnless(callPage(platform, 'gist.identify', args), 'gist.identify called'));
  }
  const current = typeAt(platform, 'gist');
  if (current !== 'undefined' && current !== 'array') return done(notTheSdk('gist', current, 'Gist'));
  if (settings.load && settings.appId.value === null) return done(outcome('failed', 'cannot load Gist: ' + settings.appId.error));
  const push = platform.createQueue('gist');
  if (settings.load && current === 'undefined') {
    push(['setAppId', settings.appId.value as string]);
    push(['trackPageView']);
  }
  push(['identify' as Json].concat(args));
  queued(platform, settings.load ? SCRIPT_URL : null, 'Gist', 'window.gist', done);
}

/** chat('shutdown') at once, or once Gist has loaded (bounded); nothing when Gist is absent. */
export function reset(options: unknown, context: VendorContext, done: Done): void {
  const platform = context.platform;
  const chatReady = () => isFunctionAt(platform, 'gist.chat');
  if (!chatReady() && typeAt(platform, 'gist') === 'undefined') {
    return done(outcome('skipped', 'not on the page; nothing to shut down'));
  }
  const waitMs = readOptions(options).waitMs;
  waitUntil(platform, chatReady, waitMs, (ready) => {
    if (!ready) return done(outcome('skipped', 'not loaded within ' + waitMs + " ms; chat('shutdown') not called"));
    done(sentUnless(callPage(platform, 'gist.chat', ['shutdown']), "gist.chat('shutdown') called"));
  });
}

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = { name: 'Gist', identify: identify, reset: reset };
