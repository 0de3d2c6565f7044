// The rules of the sandbox gate: one entry per construct GTM's sandbox cannot run, keyed by the
// ESTree node types it inspects. A rule returns a message (with a hint where one helps), or a
// message and the node to report at; the walker (gate.ts) reports the first rule that fires.
import { WEB_APIS, TEST_APIS } from '../../sandbox/apis';
import { missingGlobalHint } from './globals';
import { MISSING_METHODS, methodHint } from './natives';
import { requiredName, type AnyNode } from '../js/parse';
import type { Binding } from '../js/scope';

export interface RuleContext {
  /** Ancestors of the node, outermost first. */
  ancestors: readonly AnyNode[];
  references: ReadonlyMap<AnyNode, Binding | undefined>;
  /** Free names the code may use. */
  globals: ReadonlySet<string>;
}

export type Finding = string | { message: string; at: AnyNode } | undefined;

export interface Rule {
  id: string;
  types: readonly string[];
  check(node: AnyNode, ctx: RuleContext): Finding;
}

const parentOf = (ctx: RuleContext): AnyNode | undefined => ctx.ancestors[ctx.ancestors.length - 1];

const FUNCTIONS = ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'];
const FUNCTION_TYPES = new Set(FUNCTIONS);

/** Inside a destructuring pattern (of the same function), which is reported once, outermost. */
function insidePattern(ctx: RuleContext): boolean {
  for (let i = ctx.ancestors.length - 1; i >= 0; i--) {
    const type = ctx.ancestors[i].type;
    if (type === 'ObjectPattern' || type === 'ArrayPattern') return true;
    if (FUNCTION_TYPES.has(type)) return false;
  }
  return false;
}

const isFree = (node: AnyNode, ctx: RuleContext): boolean =>
  node.type === 'Identifier' && ctx.references.has(node) && ctx.references.get(node) === undefined;

/** `require('name')` with the global require: the API name, else undefined. */
const requiredApi = (node: AnyNode | undefined | null, ctx: RuleContext): string | undefined =>
  node && node.type === 'CallExpression' && isFree(node.callee, ctx) ? requiredName(node) : undefined;

/** The object API (JSON, Math, Object, localStorage, templateStorage) a node is bound to. */
function moduleObjectOf(node: AnyNode, ctx: RuleContext): string | undefined {
  let source: AnyNode | undefined = node;
  if (node.type === 'Identifier') source = ctx.references.get(node)?.init;
  const api = requiredApi(source, ctx);
  return api !== undefined && WEB_APIS[api]?.kind === 'object' ? api : undefined;
}

/** The name of a `.name` or `['name']` member, if static. */
function memberName(node: AnyNode): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

const withHint = (message: string, hint: string | undefined): string => (hint ? `${message}; ${hint}` : message);

const rule = (id: string, types: string[], check: Rule['check']): Rule => ({ id, types, check });
const always = (id: string, types: string[], message: string): Rule => rule(id, types, () => message);

export const RULES: readonly Rule[] = [
  rule('no-new', ['NewExpression', 'MetaProperty'], (node) =>
    node.type === 'NewExpression' || node.meta.name === 'new'
      ? '`new` is not available in the sandbox; build objects and arrays with literals'
      : undefined),
  always('no-this', ['ThisExpression'], '`this` is not available in the sandbox'),
  always('no-class', ['ClassDeclaration', 'ClassExpression'], 'classes are not available in the sandbox; use functions and object literals'),
  always('no-template-literal', ['TemplateLiteral'], 'template literals are not available in the sandbox; concatenate with +'),
  rule('no-destructuring', ['ObjectPattern', 'ArrayPattern'], (_node, ctx) =>
    insidePattern(ctx) ? undefined : 'destructuring is not available in the sandbox; read the properties one by one'),
  always('no-spread', ['SpreadElement'], 'spread (`...`) is not available in the sandbox; use concat, or copy properties in a for…in loop'),
  rule('no-spread', ['RestElement'], (_node, ctx) =>
    insidePattern(ctx) ? undefined : 'rest parameters are not available in the sandbox; use `arguments`'),
  rule('no-default-param', ['AssignmentPattern'], (_node, ctx) =>
    insidePattern(ctx) || !FUNCTION_TYPES.has(parentOf(ctx)?.type ?? '')
      ? undefined
      : 'default parameters are not available in the sandbox; test for undefined in the body'),
  always('no-for-of', ['ForOfStatement'], '`for…of` is not available in the sandbox; use an index loop or forEach'),
  always('no-try', ['TryStatement'], 'try/catch/finally is not available in the sandbox; sandbox APIs return undefined instead of throwing'),
  always('no-throw', ['ThrowStatement'], '`throw` is not available in the sandbox; report with logToConsole and call data.gtmOnFailure()'),
  rule('no-regex', ['Literal'], (node) =>
    node.regex ? 'regular expression literals are not available in the sandbox; pass a string pattern to match/replace/search' : undefined),
  rule('no-bigint', ['Literal'], (node) =>
    node.bigint !== undefined ? 'BigInt literals (`10n`) are not available in the sandbox; use numbers' : undefined),
  rule('no-delete', ['UnaryExpression'], (node) =>
    node.operator === 'delete' ? "`delete` is not available in the sandbox; use require('Object').delete(object, key)" : undefined),
  rule('no-void', ['UnaryExpression'], (node) =>
    node.operator === 'void' ? '`void` is not available in the sandbox; use undefined' : undefined),
  rule('no-in', ['BinaryExpression'], (node) =>
    node.operator === 'in' ? '`in` is not available in the sandbox outside for…in; use object.hasOwnProperty(key)' : undefined),
  rule('no-instanceof', ['BinaryExpression'], (node) =>
    node.operator === 'instanceof' ? "`instanceof` is not available in the sandbox; use getType(value) from 'gtm-sandbox'" : undefined),
  rule('no-exponent', ['BinaryExpression', 'AssignmentExpression'], (node) =>
    node.operator === '**' || node.operator === '**='
      ? "`**` is not available in the sandbox; use require('Math').pow" : undefined),
  rule('no-label', ['LabeledStatement', 'BreakStatement', 'ContinueStatement'], (node) =>
    node.type === 'LabeledStatement' || node.label
      ? 'labels are not available in the sandbox; use a flag or return from a function' : undefined),
  rule('no-accessor', ['Property', 'MethodDefinition'], (node) =>
    node.kind === 'get' || node.kind === 'set' ? 'getters and setters are not available in the sandbox; use plain properties or functions' : undefined),
  // ES5.1 object literals only: GTM documents arrow functions and const/let as its only ES6
  // additions, and esbuild cannot lower these (it refuses the "object-extensions" lowering).
  rule('no-object-extension', ['Property'], (node, ctx) => {
    if (parentOf(ctx)?.type !== 'ObjectExpression' || node.kind !== 'init') return undefined;
    if (node.computed) return { message: 'computed property keys (`{[key]: value}`) are not available in the sandbox; create the object, then assign object[key] = value', at: node.key };
    if (node.method) return 'method shorthand (`{f() {}}`) is not available in the sandbox; write `f: function () {}`';
    if (node.shorthand) return 'shorthand properties (`{a}`) are not available in the sandbox; write `a: a`';
    return undefined;
  }),
  rule('no-comma', ['SequenceExpression'], (node, ctx) => {
    const parent = parentOf(ctx);
    const inForHeader = parent?.type === 'ForStatement' && (parent.init === node || parent.update === node);
    return inForHeader ? undefined : 'comma expressions are not available in the sandbox (only in for(;;) headers); use separate statements';
  }),
  always('no-do-while', ['DoWhileStatement'], '`do…while` is not available in the sandbox; use while'),
  rule('no-generator', FUNCTIONS, (node) =>
    node.generator ? 'generators are not available in the sandbox' : undefined),
  rule('no-async', FUNCTIONS, (node) =>
    node.async ? 'async functions are not available in the sandbox; use callbacks' : undefined),
  always('no-debugger', ['DebuggerStatement'], '`debugger` is not available in the sandbox'),
  always('no-with', ['WithStatement'], '`with` is not available in the sandbox'),
  rule('no-module-syntax', ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'ImportExpression', 'MetaProperty'], (node) =>
    node.type !== 'MetaProperty' || node.meta.name === 'import'
      ? "import/export are not available in sandboxed code; APIs come from require('name')" : undefined),
  always('no-optional-chain', ['ChainExpression'], 'optional chaining (`?.`) is not available in the sandbox; test each step'),
  rule('no-nullish', ['LogicalExpression'], (node) =>
    node.operator === '??' ? '`??` is not available in the sandbox; compare with null and undefined' : undefined),
  rule('no-logical-assignment', ['AssignmentExpression'], (node) =>
    ['||=', '&&=', '??='].includes(node.operator) ? 'logical assignment is not available in the sandbox; write the test out' : undefined),
  rule('bad-require', ['CallExpression'], checkRequireCall),
  rule('bad-require', ['Identifier'], (node, ctx) => {
    if (node.name !== 'require' || !isFree(node, ctx)) return undefined;
    const parent = parentOf(ctx);
    return parent?.type === 'CallExpression' && parent.callee === node
      ? undefined
      : "`require` must be called directly: require('apiName')";
  }),
  rule('undeclared', ['Identifier'], (node, ctx) => {
    if (!isFree(node, ctx) || ctx.globals.has(node.name) || missingGlobalHint(node.name) !== undefined) return undefined;
    return node.name === 'arguments' ? '`arguments` exists only inside a function' : `\`${node.name}\` is not declared`;
  }),
  rule('no-global', ['Identifier'], (node, ctx) => {
    if (!isFree(node, ctx) || ctx.globals.has(node.name)) return undefined;
    const hint = missingGlobalHint(node.name);
    return hint === undefined ? undefined : `\`${node.name}\` is not available in the sandbox; ${hint}`;
  }),
  rule('unknown-member', ['MemberExpression'], (node, ctx) => {
    const api = moduleObjectOf(node.object, ctx);
    if (api === undefined) return undefined;
    const name = memberName(node);
    if (name !== undefined && WEB_APIS[api].members?.includes(name)) return undefined;
    const members = (WEB_APIS[api].members ?? []).join(', ');
    const what = name === undefined ? 'computed members' : `\`${name}\``;
    return { message: `${what} is not in the sandbox's ${api} (it has ${members})${memberHint(api, name)}`, at: node.property };
  }),
  rule('unknown-method', ['CallExpression'], (node, ctx) => {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression') return undefined;
    const name = memberName(callee);
    if (name === undefined || !MISSING_METHODS.has(name)) return undefined;
    if (moduleObjectOf(callee.object, ctx) !== undefined) return undefined; // unknown-member's job
    if (isFree(callee.object, ctx) && !ctx.globals.has(callee.object.name)) return undefined; // reported as a global
    return {
      message: withHint(`\`${name}\` is not in the sandbox's standard library`, methodHint(name)),
      at: callee.property,
    };
  }),
];

function checkRequireCall(node: AnyNode, ctx: RuleContext): Finding {
  const callee = node.callee;
  if (callee.type !== 'Identifier' || callee.name !== 'require' || !isFree(callee, ctx)) return undefined;
  const api = requiredApi(node, ctx);
  if (api === undefined) {
    return 'require takes one string literal, the API name, so permissions can be derived from the code';
  }
  if (WEB_APIS[api]) return undefined;
  if ((TEST_APIS as readonly string[]).includes(api)) {
    return `\`${api}\` is a test API: it is a global in ___TESTS___, not a require-able API`;
  }
  return `\`${api}\` is not a web sandbox API`;
}

const MEMBER_HINTS: Record<string, string> = {
  'Math.random': "use generateRandom from 'gtm-sandbox'",
  'Math.trunc': "use makeInteger from 'gtm-sandbox'",
  'Object.assign': 'copy properties in a for…in loop',
};

function memberHint(api: string, name: string | undefined): string {
  const hint = name === undefined ? undefined : MEMBER_HINTS[`${api}.${name}`];
  return hint ? `; ${hint}` : '';
}
