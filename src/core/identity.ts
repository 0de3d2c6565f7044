// Who the visitor is (docs/reference/vendors.md#common-rules): the email, and the user id — or the
// email standing in for it when "use email as user id" is on. A missing user id means an anonymous
// visitor, never "keep the previous user".
import { flag, isMissing, isString, text } from './checks';
import { isEmail } from './text';
import { describe } from './traits';
import type { IdentifyInput, Json } from './model';
import type { Note } from './messages';

/** Longest user id accepted by every vendor rule (common rules); Gist is stricter (gist.ts). */
export const MAX_USER_ID_LENGTH = 255;

/** The Email field, else the email trait; null (with a warning) when it is not a valid address. */
export function readEmail(explicit: unknown, fromTraits: Json | undefined, note: Note): string | null {
  const candidate = text(explicit) !== null ? explicit : fromTraits;
  if (candidate === undefined || candidate === null || candidate === '') return null;
  const email = isString(candidate) ? text(candidate) : null;
  if (email === null) {
    note('warning', 'email must be text, not ' + describe(candidate) + '; dropped');
    return null;
  }
  if (!isEmail(email)) {
    note('warning', 'email "' + email + '" is not a valid address; dropped');
    return null;
  }
  return email;
}

/** The user id as text; null for an anonymous visitor, or (with an error) for an unusable id. */
export function readUserId(raw: IdentifyInput, email: string | null, note: Note): string | null {
  const value = raw.userId;
  const useEmail = flag(raw.useEmailAsUserId, false);
  if (isMissing(value)) {
    if (!useEmail) return null;
    if (email === null) note('warning', '"use email as user id": no valid email; stays anonymous');
    return email === null ? null : withinLength(email.toLowerCase(), note);
  }
  const id = text(value);
  if (id === null) {
    note('error', 'user id must be text or a number, not ' + describe(value));
    return null;
  }
  if (useEmail) note('warning', '"use email as user id": a user id is given and used');
  return withinLength(id, note);
}

/** The id when it is at most MAX_USER_ID_LENGTH long (an email used as id too); else an error. */
function withinLength(id: string, note: Note): string | null {
  if (id.length <= MAX_USER_ID_LENGTH) return id;
  note('error', 'user id is ' + id.length + ' characters; at most ' + MAX_USER_ID_LENGTH + ' allowed');
  return null;
}
