// The common rules applied before any vendor (vendors.md §8.2): raw IdentifyInput → IdentifyCall
// plus messages. Never throws; a message of level 'error' means the call cannot be sent at all.
//
// Precedence (README: "Where values come from") — when the same name is given more than once:
//   1. the dedicated fields win: User ID, Email, Company and Tags fields over the same names
//      inside traits;
//   2. traits table rows win over the traits object variable (a later row wins over an earlier
//      one); an empty row value counts as missing, so the object's value stays;
//   3. within one source, the camelCase spelling of a reserved trait wins over its snake_case
//      spelling (firstName over first_name).
// `email`, `company` and `tags` are pulled out of the traits into their own places; each vendor
// module puts them back where that vendor expects them.
import { getType } from './lang';
import { flag, isArray, isFiniteNumber, isObject, text, without } from './checks';
import { toIsoDate } from './dates';
import { isEmail } from './text';
import { parseTags } from './tags';
import {
  COMPANY_ALIASES, DATE_TRAITS, NUMBER_TRAITS, canonicalKeys, canonicalName, canonicalTraits,
  TRAIT_ALIASES, describe, toJson, typedValue,
} from './traits';
import type { Company, IdentifyCall, IdentifyEvent, IdentifyInput, Json, JsonObject, Message, Source, Tag, TraitType } from './model';
import { collectInto } from './messages';
import type { Note } from './messages';

/** Longest user id accepted by every vendor rule (§8.2); Gist is stricter (gist.ts). */
export const MAX_USER_ID_LENGTH = 255;

export const IDENTIFY_EVENTS: IdentifyEvent[] = ['identify', 'sign_in', 'sign_up'];
export const TRAIT_TYPES: TraitType[] = ['text', 'number', 'boolean', 'date'];

interface TraitSet {
  traits: JsonObject;
  dateKeys: string[];
}

export interface Normalized {
  call: IdentifyCall;
  messages: Message[];
}

function readEvent(value: unknown, note: Note): IdentifyEvent {
  const word = text(value);
  if (word === null) return 'identify';
  const lower = word.toLowerCase();
  for (let i = 0; i < IDENTIFY_EVENTS.length; i++) {
    if (IDENTIFY_EVENTS[i] === lower) return IDENTIFY_EVENTS[i];
  }
  note('warning', 'event "' + word + '" is not identify, sign_in or sign_up; identify is used');
  return 'identify';
}

function readTraitsObject(value: unknown, note: Note): TraitSet {
  const type = getType(value);
  if (type === 'undefined' || type === 'null' || value === '') return { traits: {}, dateKeys: [] };
  if (type !== 'object') {
    note('warning', 'traits must be an object, not a ' + type + '; ignored');
    return { traits: {}, dateKeys: [] };
  }
  const json = toJson(value, 'traits', 0, note) as JsonObject;
  return { traits: canonicalTraits(json, 'traits', note), dateKeys: [] };
}

function readRowType(value: unknown, where: string, note: Note): TraitType {
  const word = text(value);
  if (word === null) return 'text';
  const lower = word.toLowerCase();
  for (let i = 0; i < TRAIT_TYPES.length; i++) {
    if (TRAIT_TYPES[i] === lower) return TRAIT_TYPES[i];
  }
  note('warning', where + ': type "' + word + '" is unknown; text is used');
  return 'text';
}

function readTraitRows(value: unknown, note: Note): TraitSet {
  const set: TraitSet = { traits: {}, dateKeys: [] };
  if (value === undefined || value === null || value === '') return set;
  if (!isArray(value)) {
    note('warning', 'the traits table must be a list of rows; ignored');
    return set;
  }
  for (let i = 0; i < value.length; i++) {
    const row = value[i];
    const where = 'traits row ' + (i + 1);
    if (!isObject(row)) {
      note('warning', where + ' is not a row; ignored');
      continue;
    }
    const rawKey = text(row.key);
    if (rawKey === null) {
      if (text(row.value) !== null) note('warning', where + ' has a value but no name; ignored');
      continue;
    }
    const key = canonicalName(rawKey, TRAIT_ALIASES);
    const typed = typedValue(row.value, readRowType(row.type, where + ' (' + rawKey + ')', note), where + ' (' + rawKey + ')', note);
    if (typed === null) continue;
    set.traits[key] = typed.value;
    set.dateKeys = set.dateKeys.filter((k) => k !== key);
    if (typed.date) set.dateKeys.push(key);
  }
  return set;
}

/** Rows win over the object (see the header). */
function mergeTraits(fromObject: TraitSet, fromRows: TraitSet): TraitSet {
  const traits: JsonObject = without(fromObject.traits, []);
  const rowKeys = Object.keys(fromRows.traits);
  for (let i = 0; i < rowKeys.length; i++) traits[rowKeys[i]] = fromRows.traits[rowKeys[i]];
  const dateKeys = fromObject.dateKeys.filter((k) => rowKeys.indexOf(k) < 0).concat(fromRows.dateKeys);
  return { traits: traits, dateKeys: dateKeys };
}

/** createdAt/birthday become dates and age a number when their values allow it. */
function typeReservedTraits(set: TraitSet, note: Note): void {
  for (let i = 0; i < DATE_TRAITS.length; i++) {
    const key = DATE_TRAITS[i];
    const value = set.traits[key];
    if (value === undefined || set.dateKeys.indexOf(key) >= 0) continue;
    const iso = toIsoDate(value);
    if (iso === null) {
      note('warning', key + ': ' + describe(value) + ' is not a date; sent as given');
      continue;
    }
    set.traits[key] = iso;
    set.dateKeys.push(key);
  }
  for (let i = 0; i < NUMBER_TRAITS.length; i++) {
    const key = NUMBER_TRAITS[i];
    const value = set.traits[key];
    if (getType(value) !== 'string') continue;
    const typed = typedValue(value, 'number', key, note);
    if (typed !== null) set.traits[key] = typed.value;
  }
}

function readEmail(explicit: unknown, fromTraits: Json | undefined, note: Note): string | null {
  const candidate = text(explicit) !== null ? explicit : fromTraits;
  const type = getType(candidate);
  if (type === 'undefined' || type === 'null' || candidate === '') return null;
  const email = text(candidate);
  if (email === null || type !== 'string') {
    note('warning', 'email must be text, not ' + describe(candidate) + '; dropped');
    return null;
  }
  if (!isEmail(email)) {
    note('warning', 'email "' + email + '" is not a valid address; dropped');
    return null;
  }
  return email;
}

function companyFields(raw: JsonObject, note: Note): Company {
  const company: Company = {};
  const keys = Object.keys(raw);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = raw[key];
    if (key === 'id') {
      const id = text(value);
      if (id === null) note('warning', 'company.id must be text or a number; dropped');
      else company.id = id;
    } else if (key === 'employeeCount') {
      const typed = isFiniteNumber(value) ? { value: value, date: false } : typedValue(value, 'number', 'company.employeeCount', note);
      if (typed !== null) company.employeeCount = typed.value as number;
    } else {
      company[key] = value;
    }
  }
  return company;
}

function readCompanySource(value: unknown, where: string, note: Note): JsonObject {
  const type = getType(value);
  if (type === 'undefined' || type === 'null' || value === '') return {};
  if (type === 'string' || type === 'number') {
    const name = text(value);
    if (name !== null) note('info', where + ' is text; used as the company name');
    return name === null ? {} : { name: name };
  }
  if (type !== 'object') {
    note('warning', where + ' must be an object, not a ' + type + '; ignored');
    return {};
  }
  const json = toJson(value, where, 0, note) as JsonObject;
  return canonicalKeys(json, COMPANY_ALIASES, where, note);
}

/** traits.company, then the Company field over it, key by key. */
function readCompany(fromTraits: Json | undefined, explicit: unknown, note: Note): Company | null {
  const merged = readCompanySource(fromTraits, 'traits.company', note);
  const overlay = readCompanySource(explicit, 'company', note);
  const keys = Object.keys(overlay);
  for (let i = 0; i < keys.length; i++) merged[keys[i]] = overlay[keys[i]];
  const company = companyFields(merged, note);
  return Object.keys(company).length === 0 ? null : company;
}

function readUserId(raw: IdentifyInput, email: string | null, note: Note): string | null {
  const value = raw.userId;
  const type = getType(value);
  const missing = type === 'undefined' || type === 'null' || (type === 'string' && text(value) === null);
  const useEmail = flag(raw.useEmailAsUserId, false);
  if (missing) {
    if (!useEmail) return null;
    if (email === null) note('warning', '"use email as user id" is on but there is no valid email; the visitor stays anonymous');
    return email === null ? null : withinLength(email.toLowerCase(), note);
  }
  const id = text(value);
  if (id === null) {
    note('error', 'user id must be text or a number, not ' + describe(value));
    return null;
  }
  if (useEmail) note('warning', '"use email as user id" is on but a user id is given; the user id is used');
  return withinLength(id, note);
}

/** The id when it is at most MAX_USER_ID_LENGTH long (an email used as id too); else an error. */
function withinLength(id: string, note: Note): string | null {
  if (id.length <= MAX_USER_ID_LENGTH) return id;
  note('error', 'user id is ' + id.length + ' characters long; at most ' + MAX_USER_ID_LENGTH + ' are allowed');
  return null;
}

function isEmptyCall(call: IdentifyCall): boolean {
  return call.userId === null && call.email === null && Object.keys(call.traits).length === 0 &&
    call.tags.length === 0 && call.company === null;
}

/** Applies §8.2 to raw input; see the header for precedence. */
export function normalize(input: unknown, source: Source): Normalized {
  const messages: Message[] = [];
  const note = collectInto(messages, null);
  const raw: IdentifyInput = isObject(input) ? input : {};
  if (!isObject(input)) note('error', 'the identify input must be an object, not a ' + getType(input));

  const set = mergeTraits(readTraitsObject(raw.traits, note), readTraitRows(raw.traitRows, note));
  typeReservedTraits(set, note);
  const email = readEmail(raw.email, set.traits.email, note);
  const company = readCompany(set.traits.company, raw.company, note);
  const tags: Tag[] = [];
  parseTags(set.traits.tags, tags, note);
  parseTags(raw.tags, tags, note);
  const traits = without(set.traits, ['email', 'company', 'tags']);
  const call: IdentifyCall = {
    userId: readUserId(raw, email, note),
    email: email,
    traits: traits,
    dateKeys: set.dateKeys.filter((key) => traits.hasOwnProperty(key)),
    tags: tags,
    company: company,
    event: readEvent(raw.event, note),
    source: source,
  };
  if (isEmptyCall(call) && messages.every((m) => m.level !== 'error')) {
    note('error', 'nothing to identify: no user id, email, traits, tags or company');
  }
  return { call: call, messages: messages };
}
