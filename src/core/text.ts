// String helpers the sandbox lacks natively (no regex literals, no replace with regexes, no
// charCodeAt): patterns are plain strings passed to String.prototype.match, and character
// classes are lookup strings.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER_OR_DIGIT = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Letters, digits and _. */
export const WORD = UPPER + LOWER_OR_DIGIT + '_';

/** A simple x@y.z check: one '@', no whitespace, a dot in the domain part. */
const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

export const isEmail = (value: string): boolean => value.match(EMAIL_PATTERN) !== null;

/** True when `value` is exactly `length` hex digits (either case). */
export const isHex = (value: string, length: number): boolean => value.length === length && value.match('^[0-9a-fA-F]+$') !== null;

/** True when every character of `value` is in `allowed`. */
export const onlyChars = (value: string, allowed: string): boolean => value.split('').every((c) => allowed.indexOf(c) >= 0);

export const isDigits = (value: string): boolean => value !== '' && onlyChars(value, '0123456789');

/**
 * camelCase → snake_case: an underscore before a capital that follows a lower-case letter or
 * digit (or that starts a word after capitals: 'HTMLParser' → 'html_parser'), all lower-cased.
 * Existing underscores and other characters are kept.
 */
export function snakeCase(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charAt(i);
    if (UPPER.indexOf(c) >= 0 && i > 0) {
      const before = key.charAt(i - 1);
      const after = key.charAt(i + 1);
      const wordStart = UPPER.indexOf(before) >= 0 && after !== '' && LOWER_OR_DIGIT.indexOf(after) >= 0;
      if (LOWER_OR_DIGIT.indexOf(before) >= 0 || wordStart) out += '_';
    }
    out += c.toLowerCase();
  }
  return out;
}

/** Every character outside [A-Za-z0-9_] becomes '_'. */
export const wordChars = (key: string): string => key.split('').map((c) => (WORD.indexOf(c) >= 0 ? c : '_')).join('');

/** True when `value` ends with `suffix` (String.prototype.endsWith is not in the sandbox). */
export const endsWith = (value: string, suffix: string): boolean => value.substring(value.length - suffix.length) === suffix;

/** A sandbox type name with its article, for messages: 'a string', 'an array', 'null'. */
export function withArticle(type: string): string {
  if (type === 'null' || type === 'undefined') return type;
  return (type === 'array' || type === 'object' ? 'an ' : 'a ') + type;
}
