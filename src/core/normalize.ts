// The common rules applied before any vendor (docs/reference/vendors.md#common-rules): raw
// IdentifyInput → IdentifyCall plus messages. Never throws; a message of level 'error' means the
// call cannot be sent at all.
//
// Precedence (docs/template.md, "The fields") — when the same name is given more than once:
//   1. the dedicated fields win: User ID, Email, Company and Tags fields over the same names
//      inside traits;
//   2. traits table rows win over the traits object variable (a later row wins over an earlier
//      one); an empty row value counts as missing, so the object's value stays;
//   3. within one source, the camelCase spelling of a reserved trait wins over its snake_case
//      spelling (firstName over first_name).
// `email`, `company` and `tags` are pulled out of the traits into their own places; each vendor
// module puts them back where that vendor expects them. The parts: trait-sources.ts (traits),
// identity.ts (user id and email), company.ts, tags.ts.
import { getType } from '../sandbox/lang';
import { isObject, pick, without } from './checks';
import { readCompany } from './company';
import { readEmail, readUserId } from './identity';
import { collectInto, hasErrors } from './messages';
import { parseTags, uniqueTags } from './tags';
import { readTraits } from './trait-sources';
import type { IdentifyCall, IdentifyEvent, IdentifyInput, Message, Source } from './model';
import { withArticle } from './text';

export const IDENTIFY_EVENTS: IdentifyEvent[] = ['identify', 'sign_in', 'sign_up'];

export interface Normalized {
  call: IdentifyCall;
  messages: Message[];
}

/** Applies the common rules to raw input; see the header for precedence. */
export function normalize(input: unknown, source: Source): Normalized {
  const messages: Message[] = [];
  const note = collectInto(messages, null);
  const raw: IdentifyInput = isObject(input) ? input : {};
  if (!isObject(input)) note('error', 'identify input must be an object, not ' + withArticle(getType(input)));

  const set = readTraits(raw.traits, raw.traitRows, note);
  const email = readEmail(raw.email, set.traits.email, note);
  const company = readCompany(set.traits.company, raw.company, note);
  const tags = uniqueTags(parseTags(raw.tags, parseTags(set.traits.tags, [], note), note), note);
  const pulledOut = ['email', 'company', 'tags'];
  const traits = without(set.traits, pulledOut);
  const call: IdentifyCall = {
    userId: readUserId(raw, email, note),
    email: email,
    traits: traits,
    dateKeys: set.dateKeys.filter((key) => pulledOut.indexOf(key) < 0),
    tags: tags,
    company: company,
    event: pick(raw.event, IDENTIFY_EVENTS, 'event', note),
    source: source,
  };
  const empty = call.userId === null && email === null && Object.keys(traits).length === 0 && tags.length === 0 && company === null;
  if (empty && !hasErrors(messages)) {
    note('error', 'nothing to identify: no user id, email, traits, tags or company');
  }
  return { call: call, messages: messages };
}
