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
import { flag, has, inSet, milliseconds, nameSet } from '../checks';
import { toUnixSeconds } from '../dates';
import { getType } from '../../sandbox/lang';
import { flatKey, flatten } from '../flat';
import { keyValueTags, labels } from '../tags';
import { describe, fullName } from '../traits';
import { endsWith, snakeCase, wordChars } from '../text';
import { optionsObject, readKey, KEY_CHARS } from './options';
import { DEFAULT_WAIT_MS, MAX_WAIT_MS, callPage, isFunctionAt, queuedUntilLoaded, sentUnless, waitUntil } from './runtime';
import { outcome } from './types';
import type { Done, VendorContext, VendorModule } from './types';
import type { IdentifyCall, Json, JsonObject, WindowUse } from '../model';
import type { Scalar } from '../flat';
import type { Note } from '../messages';

const SCRIPT_URL = 'https://widget.getgist.com/';

export const WINDOW: WindowUse = {
  callInWindow: ['gist.identify', 'gist.chat'],
  copyFromWindow: ['gist', 'gist.identify', 'gist.chat'],
  setInWindow: [],
  createQueue: ['gist'],
  createArgumentsQueue: [],
  aliasInWindow: [],
  injectScript: [SCRIPT_URL],
};
/** Gist: user ids "must be fewer than 255 characters"; string values "up to 255 characters". */
const MAX_ID_LENGTH = 254;
const MAX_STRING_LENGTH = 255;

interface GistOptionsRead {
  load: boolean;
  appId: string | null;
  appIdError: string | null;
  overwriteTags: boolean;
  waitMs: number;
}

function readOptions(options: unknown): GistOptionsRead {
  const raw = optionsObject(options);
  const appId = readKey(raw.appId, 'Gist app id', KEY_CHARS);
  return {
    load: flag(raw.loadScript, false),
    appId: appId.value,
    appIdError: appId.error,
    overwriteTags: flag(raw.overwriteTags, false),
    waitMs: milliseconds(raw.waitMs, DEFAULT_WAIT_MS, MAX_WAIT_MS),
  };
}

/** A Gist property key, or null when it must be dropped ('$'). */
function gistKey(key: string, note: Note): string | null {
  if (key === '') {
    note('warning', 'a property with an empty name dropped: Gist needs a name');
    return null;
  }
  if (key.indexOf('$') >= 0) {
    note('warning', 'property "' + key + '" dropped: Gist does not allow "$" in property names');
    return null;
  }
  const snake = snakeCase(key);
  const clean = wordChars(snake);
  if (clean !== snake) note('info', 'property "' + key + '" sent as "' + clean + '" (Gist allows only letters, digits and _)');
  return clean;
}

/** Unix seconds for a date value in a key ending in _at (Gist's date keys); null otherwise. */
function atSeconds(key: string, value: Scalar, note: Note): number | null {
  if (value === null || !endsWith(key, '_at')) return null;
  const seconds = toUnixSeconds(value);
  if (seconds === null) {
    note('warning', 'property "' + key + '" ends in _at, which Gist reads as a date, but ' + describe(value) + ' is not a date; sent as given');
    return null;
  }
  if (seconds !== value) note('info', 'property "' + key + '" sent as unix seconds (' + seconds + '), as Gist expects in _at keys');
  return seconds;
}

function gistValue(key: string, value: Scalar, note: Note): Scalar {
  const seconds = atSeconds(key, value, note);
  if (seconds !== null) return seconds;
  if (getType(value) === 'string' && (value as string).length > MAX_STRING_LENGTH) {
    note('warning', 'property "' + key + '" truncated to ' + MAX_STRING_LENGTH + ' characters');
    return (value as string).substring(0, MAX_STRING_LENGTH);
  }
  return value;
}

/** Keys the tag sets itself; a trait never replaces them. */
const OWN_KEYS = ['email', 'tags', 'overwrite_tags'];

/** The key of a trait or key/value tag, or null when it must be dropped ('$', empty, OWN_KEYS). */
function valueKey(name: string, note: Note): string | null {
  const key = gistKey(name, note);
  if (key === null || OWN_KEYS.indexOf(key) < 0) return key;
  note('warning', '"' + name + '" not sent: Gist\'s "' + key + '" property comes from the identify\'s own email and tags');
  return null;
}

/** Labels joined with ',' up to Gist's string limit; labels that do not fit are left out whole. */
function tagList(names: string[], note: Note): string {
  let list = '';
  const left: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const next = list === '' ? names[i] : list + ',' + names[i];
    if (next.length <= MAX_STRING_LENGTH) list = next;
    else left.push(names[i]);
  }
  if (left.length > 0) {
    note('warning', 'tags are limited to ' + MAX_STRING_LENGTH + ' characters in all; not sent: ' + left.join(', '));
  }
  return list;
}

function put(props: JsonObject, key: string | null, value: Json, note: Note): void {
  if (key === null) return;
  if (has(props, key)) note('warning', 'property "' + key + '" is given twice; the later value is used');
  props[key] = value;
}

/** A date trait as (key ending in _at, unix seconds). */
function putDate(props: JsonObject, name: string, value: Json, note: Note): void {
  const key = gistKey(name, note);
  const seconds = toUnixSeconds(value);
  if (key === null || seconds === null) return;
  put(props, endsWith(key, '_at') ? key : key + '_at', seconds, note);
}

/** P of the mapping (see the header). */
function gistProps(call: IdentifyCall, overwriteTags: boolean, note: Note): JsonObject {
  const props: JsonObject = {};
  if (call.email !== null) props.email = call.email;
  const entries = flatten(call.traits, note);
  const dates = nameSet(call.dateKeys);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.parent === null && inSet(dates, entry.name)) {
      putDate(props, entry.name, entry.value, note);
      continue;
    }
    const key = valueKey(flatKey(entry), note);
    if (key !== null) put(props, key, gistValue(key, entry.value, note), note);
  }
  const name = fullName(call.traits);
  if (!has(props, 'name') && name !== null) props.name = gistValue('name', name, note);
  if (call.company !== null) {
    const company = flatten({ company: call.company as JsonObject }, note);
    for (let i = 0; i < company.length; i++) {
      const key = gistKey(flatKey(company[i]), note);
      if (key !== null) put(props, key, gistValue(key, company[i].value, note), note);
    }
  }
  const pairs = keyValueTags(call.tags);
  for (let i = 0; i < pairs.length; i++) {
    const key = valueKey(pairs[i].name, note);
    if (key === null) continue;
    if (has(props, key)) note('warning', 'tag ' + pairs[i].name + ' not sent: a property of that name is already set');
    else props[key] = gistValue(key, pairs[i].value as string, note);
  }
  const names = labels(call.tags);
  const list = tagList(names, note);
  if (list !== '') {
    props.tags = list;
    if (!overwriteTags) props.overwrite_tags = false;
  }
  return props;
}

/** Why Gist cannot take this call, or null. */
function missing(call: IdentifyCall): string | null {
  if (call.email === null) return 'Gist needs an email; not sent';
  if (call.userId !== null && call.userId.length > MAX_ID_LENGTH) {
    return 'Gist user ids must be fewer than 255 characters (this one has ' + call.userId.length + '); not sent';
  }
  return null;
}

export function identify(call: IdentifyCall, options: unknown, context: VendorContext, done: Done): void {
  if (call.userId === null && call.email === null) {
    return done(outcome('skipped', 'anonymous visitor: Gist needs an email; not sent'));
  }
  const problem = missing(call);
  if (problem !== null) return done(outcome('failed', problem));
  const platform = context.platform;
  const settings = readOptions(options);
  const args: Json[] = [call.userId === null ? '' : call.userId, gistProps(call, settings.overwriteTags, context.note)];
  if (isFunctionAt(platform, 'gist.identify')) {
    return done(sentUnless(callPage(platform, 'gist.identify', args), 'gist.identify called'));
  }
  const current = getType(platform.copyFromWindow('gist'));
  if (current !== 'undefined' && current !== 'array') {
    return done(outcome('failed', 'window.gist holds a value of type ' + current + ' that is not Gist; nothing sent'));
  }
  if (settings.load && settings.appId === null) return done(outcome('failed', 'cannot load Gist: ' + settings.appIdError));
  const push = platform.createQueue('gist');
  if (settings.load && current === 'undefined') {
    push(['setAppId', settings.appId as string]);
    push(['trackPageView']);
  }
  push(['identify' as Json].concat(args));
  if (settings.load) return queuedUntilLoaded(platform, SCRIPT_URL, 'Gist', done);
  done(outcome('queued', 'Gist is not on the page yet; queued in window.gist'));
}

/** chat('shutdown') at once, or once Gist has loaded (bounded); nothing when Gist is absent. */
export function reset(options: unknown, context: VendorContext, done: Done): void {
  const platform = context.platform;
  const chatReady = () => isFunctionAt(platform, 'gist.chat');
  if (!chatReady() && getType(platform.copyFromWindow('gist')) === 'undefined') {
    return done(outcome('skipped', 'Gist is not on the page; nothing to shut down'));
  }
  const waitMs = readOptions(options).waitMs;
  waitUntil(platform, chatReady, waitMs, (ready) => {
    if (!ready) return done(outcome('skipped', 'Gist did not finish loading within ' + waitMs + " ms; chat('shutdown') not called"));
    done(sentUnless(callPage(platform, 'gist.chat', ['shutdown']), "gist.chat('shutdown') called"));
  });
}

/** This vendor's entry in the registry (registry.ts). */
export const VENDOR: VendorModule = { name: 'Gist', identify: identify, reset: reset };
