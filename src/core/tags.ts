// Tags: labels (`vip`) and key/value tags (`brand = Audi`). Accepted as a comma list
// ('vip, brand=Audi'), a list of such strings or of rows ({name|key, value}), or an object
// ({brand: 'Audi', vip: true}; in a list too, when it has no name/key). A tag name never contains a comma (Gist joins labels with
// commas); a later tag with the same name replaces an earlier one.
import { getType } from '../sandbox/lang';
import { copyObject, has, isArray, isObject, isUnsafeKey, text } from './checks';
import type { IdentifyCall, Json, JsonObject, Tag } from './model';
import { LIMITS } from './limits';
import type { Note } from './messages';
import { withArticle } from './text';

/** Adds the tag `name` (with `value`) to `into` when it is usable; says why when it is not. */
function addTag(into: Tag[], name: unknown, value: unknown, note: Note): void {
  const tagName = text(name);
  // true marks a label in object form ({vip: true}); false means "no such tag".
  if (tagName === null || value === false) return;
  const valueType = getType(value);
  const tagValue = text(value);
  const problem = tagName.length > LIMITS.textLength || (tagValue !== null && tagValue.length > LIMITS.textLength)
    ? 'is longer than ' + LIMITS.textLength + ' characters; left out'
    : tagName.indexOf(',') >= 0 ? 'dropped: no commas in names'
      : isUnsafeKey(tagName) ? 'dropped: a reserved key' : null;
  if (problem !== null) {
    return note('warning', 'tag "' + tagName.substring(0, 100) + '" ' + problem);
  }
  // booleans, undefined and null: a label; any other value than text or a number is reported.
  if (tagValue === null && valueType !== 'string' && valueType !== 'boolean' && valueType !== 'undefined' && valueType !== 'null') {
    note('warning', 'tag "' + tagName + '" has a ' + valueType + ' value; sent as a label');
  }
  into.push(tagValue === null ? { name: tagName } : { name: tagName, value: tagValue });
}

/** Each item of a comma list: 'brand=Audi' → key/value, 'vip' → label (split at the first '='). */
function addFromText(into: Tag[], value: string, note: Note): void {
  value.split(',').forEach((item) => {
    const at = item.indexOf('=');
    if (item.trim() === '') return;
    if (at < 0) addTag(into, item, undefined, note);
    else if (item.substring(0, at).trim() === '') note('warning', 'tag "' + item.trim() + '" has no name; dropped');
    else addTag(into, item.substring(0, at), item.substring(at + 1), note);
  });
}

/** List entries one tags value may hold, nested lists included. */
const MAX_LIST_ENTRIES = 100000;

/** The tags in `value` (see the header), appended to `into`; uniqueTags then merges names. */
export function parseTags(value: unknown, into: Tag[], note: Note): Tag[] {
  // Lists in lists are walked with a stack of pending items, not by recursion, so a list nested
  // 10,000 deep cannot overflow the stack (items keep their order); a budget of entries ends a
  // list that contains itself, which a page value can be.
  const pending: unknown[] = [value];
  let budget = MAX_LIST_ENTRIES;
  while (pending.length > 0) {
    const item = pending.pop();
    if (isArray(item)) {
      budget -= item.length;
      if (budget < 0) {
        note('warning', 'tags: over ' + MAX_LIST_ENTRIES + ' list entries (or a list holds itself); the rest ignored');
        return into;
      }
      for (let i = item.length - 1; i >= 0; i--) pending.push(item[i]);
    } else if (isObject(item) && (has(item, 'name') || has(item, 'key'))) {
      addTag(into, item.name !== undefined ? item.name : item.key, item.value, note);
    } else {
      addFromValue(into, item, note);
    }
  }
  return into;
}

/** Tags from text, a number or an object of name → value; nothing from null or undefined. */
function addFromValue(into: Tag[], value: unknown, note: Note): void {
  const type = getType(value);
  if (type === 'string') addFromText(into, value as string, note);
  else if (type === 'number') addTag(into, value, undefined, note);
  else if (isObject(value)) {
    Object.keys(value).forEach((key) => addTag(into, key, value[key], note));
  } else if (type !== 'undefined' && type !== 'null') {
    note('warning', 'tags must be text, a list or an object, not ' + withArticle(type) + '; ignored');
  }
}

/**
 * Each name once, a later tag replacing an earlier one in its place; at most LIMITS.tags names,
 * the rest left out with a warning.
 */
export function uniqueTags(tags: Tag[], note: Note): Tag[] {
  const out: Tag[] = [];
  const at: { [key: string]: number } = {};
  let reported = false;
  tags.forEach((tag) => {
    const slot = at['$' + tag.name];
    if (slot !== undefined) {
      out[slot] = tag;
    } else if (out.length < LIMITS.tags) {
      at['$' + tag.name] = out.length;
      out.push(tag);
    } else if (!reported) {
      reported = true;
      note('warning', 'more than ' + LIMITS.tags + ' tags; the rest left out');
    }
  });
  return out;
}

/** Label names only. */
export const labels = (tags: Tag[]): string[] => tags.filter((tag) => tag.value === undefined).map((tag) => tag.name);

/** Key/value tags only. */
export const keyValueTags = (tags: Tag[]): Tag[] => tags.filter((tag) => tag.value !== undefined);

/**
 * The call's traits for an analytics.js-style identify: with its email, `company` (when not
 * null) and tags. A key/value tag becomes a trait unless a trait of that name is set (then it is
 * reported and dropped); labels go under `tags`, shaped by `labelsAs`.
 */
export function callTraits(call: IdentifyCall, company: Json | null, labelsAs: (names: string[]) => Json, note: Note): JsonObject {
  const traits = copyObject(call.traits);
  if (call.email !== null) traits.email = call.email;
  if (company !== null) traits.company = company;
  keyValueTags(call.tags).forEach((tag) => {
    if (tagFits(traits, tag.name, tag.name, note)) traits[tag.name] = tag.value as string;
  });
  const names = labels(call.tags);
  if (names.length > 0) traits.tags = labelsAs(names);
  return traits;
}

/** Whether a key/value tag may take `key` in a vendor's traits or properties: not when it is set already (said). */
export function tagFits(into: JsonObject, key: string, name: string, note: Note): boolean {
  if (!has(into, key)) return true;
  note('warning', 'tag ' + name + ' not sent: "' + key + '" is already set');
  return false;
}
