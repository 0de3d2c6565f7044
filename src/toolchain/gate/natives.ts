// Native methods JavaScript has but GTM's sandbox lacks: every method on the prototypes of the
// built-in types (as Node has them) minus the sandbox's standard library. Computed rather than
// listed, so a method added to JavaScript is refused until stdlib.ts says the sandbox keeps it.
import { SANDBOX_METHODS } from '../../sandbox/stdlib';

const PROTOTYPES: object[] = [
  String.prototype, Array.prototype, Object.prototype, Number.prototype,
  Function.prototype, RegExp.prototype, Date.prototype,
];

function methodNames(proto: object): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    return name !== 'constructor' && typeof descriptor?.value === 'function';
  });
}

/** Native method names that do not exist in the sandbox. */
export const MISSING_METHODS: ReadonlySet<string> = new Set(
  PROTOTYPES.flatMap(methodNames).filter((name) => !SANDBOX_METHODS.has(name)),
);

const METHOD_HINTS: Record<string, string> = {
  includes: 'use indexOf(x) >= 0',
  startsWith: 'compare substring(0, prefix.length) or use indexOf(prefix) === 0',
  endsWith: 'compare substring(s.length - suffix.length)',
  padStart: 'concatenate in a loop',
  padEnd: 'concatenate in a loop',
  repeat: 'concatenate in a loop',
  charCodeAt: 'look the character up in a string of known characters with indexOf',
  codePointAt: 'look the character up in a string of known characters with indexOf',
  trimStart: 'use trim()',
  trimEnd: 'use trim()',
  find: 'loop, or filter(...)[0]',
  findIndex: 'loop with a counter',
  findLast: 'loop from the end',
  flat: 'concat in a loop',
  flatMap: 'map, then concat in a loop',
  fill: 'push in a loop',
  at: 'index with [i]',
  toFixed: "round with require('Math').round",
  call: 'call the function directly',
  apply: 'call the function directly',
  bind: 'use a closure (an arrow function)',
  test: 'pass a string pattern to String match/search',
  exec: 'pass a string pattern to String match',
  keys: "use require('Object').keys",
  values: "use require('Object').values",
  entries: "use require('Object').entries",
};

export const methodHint = (name: string): string | undefined => METHOD_HINTS[name];
