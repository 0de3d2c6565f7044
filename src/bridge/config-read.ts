// How config options are read, for both halves of the config (snippet.ts: what the
// snippet needs on every page; config.ts: what the engine needs). A reader returns the value
// to use and notes each problem as `${name} must …`; nothing here throws.
import { hasOwn } from '../datalayer/kinds';

export interface Context {
  problems: string[];
  /** Tells CSS selectors that the page's document accepts. */
  isSelector: (selector: string) => boolean;
  /** Where a rule's problems are: 'rule 2'. */
  where: string;
}

/** Reads one option (undefined when absent). */
export type Reader<T> = (value: unknown, name: string, context: Context) => T;

// never a name that reaches a prototype (window.__proto__ is Window.prototype)
export const GLOBAL_NAME = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z_$][\w$]*$/;

export const NOT_AN_OBJECT = 'the config must be an object such as {destinations: [{vendor: "segment"}]}';

export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** A list option's items, [] when it is not a list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const list = (value: unknown): Array<Record<string, any>> => (Array.isArray(value) ? value : []);

/** '"none", "sha256" or "md5"'. */
function orList(choices: readonly unknown[]): string {
  const words = choices.map((choice) => JSON.stringify(choice));
  return words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1];
}

export function flag(fallback: boolean): Reader<boolean> {
  return (value, name, { problems }) => {
    if (value === undefined) return fallback;
    if (value !== true && value !== false) problems.push(`${name} must be true or false`);
    return value === true;
  };
}

export function checkChoice(value: unknown, choices: readonly unknown[], name: string, problems: string[]): void {
  if (value !== undefined && choices.indexOf(value) < 0) problems.push(`${name} must be ${orList(choices)}`);
}

export function oneOf<T>(choices: readonly T[]): Reader<T | undefined> {
  return (value, name, { problems }) => {
    checkChoice(value, choices, name, problems);
    return value as T | undefined;
  };
}

/** A problem for each key of `object` that `readers` does not know. */
export function checkKeys(object: object, readers: object, what: string, problems: string[]): void {
  for (const key of Object.keys(object)) if (!hasOwn(readers, key)) problems.push(`${what} "${key}"`);
}

export function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]';
}
