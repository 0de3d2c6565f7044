// Reading destination options: raw values from template fields or bridge config, validated
// before anything reaches a URL or the page.

import { isObject, text } from '../checks';
import { onlyChars, WORD } from '../text';

/** Characters allowed in write keys, app ids and license keys (URL-safe without encoding). */
export const KEY_CHARS = WORD + '-';
export const DIGITS = '0123456789';

export interface KeyOption {
  value: string | null;
  /** why there is no usable value; null when there is one */
  error: string | null;
}

export type OptionsObject = { [key: string]: unknown };

/** A destination's options object, or an empty one. */
export const optionsObject = (options: unknown): OptionsObject => isObject(options) ? options : {};

/** A key made only of `allowed` characters (text or a number), with a reason when unusable. */
export function readKey(value: unknown, label: string, allowed: string): KeyOption {
  const key = text(value);
  if (key === null) return { value: null, error: label + ' is missing' };
  if (!onlyChars(key, allowed)) return { value: null, error: label + ' "' + key + '" has characters not allowed' };
  return { value: key, error: null };
}
