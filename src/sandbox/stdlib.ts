// The JavaScript that GTM's sandbox keeps
// (docs/reference/gtm-template-format.md#sandboxed-javascript): the only native methods a template
// may call, and the members of the `require`-able module objects. Everything else that JavaScript
// has (includes, startsWith, charCodeAt, find, Array.isArray, Object.assign …) is absent.

const ARRAY_METHODS = [
  'concat', 'every', 'filter', 'forEach', 'indexOf', 'join', 'lastIndexOf', 'map', 'pop', 'push',
  'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toString', 'unshift',
] as const;

const STRING_METHODS = [
  'charAt', 'concat', 'indexOf', 'lastIndexOf', 'match', 'replace', 'search', 'slice', 'split',
  'substring', 'toLowerCase', 'toLocaleLowerCase', 'toString', 'toUpperCase', 'toLocaleUpperCase', 'trim',
] as const;

/** Object/Boolean/Number keep toString; hasOwnProperty works in practice (real templates use it). */
const OBJECT_METHODS = ['toString', 'hasOwnProperty'] as const;

/** Members of the objects returned by require('JSON'), require('Math'), require('Object'). */
export const MODULE_MEMBERS = {
  JSON: ['parse', 'stringify'],
  Math: ['abs', 'ceil', 'floor', 'round', 'max', 'min', 'pow', 'sqrt'],
  Object: ['keys', 'values', 'entries', 'freeze', 'delete'],
} as const;

/** Every native method name a sandboxed value may be called with. */
export const SANDBOX_METHODS: ReadonlySet<string> = new Set<string>([
  ...ARRAY_METHODS, ...STRING_METHODS, ...OBJECT_METHODS,
]);
