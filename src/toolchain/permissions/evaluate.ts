// The static evaluator for keyed arguments (the brief's "Permissions derived from code"): what
// values can this expression have, as a finite set of alternatives? Resolvable are literals;
// const/let/var bindings with an initialiser that are never reassigned (nor, for objects and
// arrays, mutated); member access into resolvable object/array literals (an unknown key yields
// every value); `+` and esbuild's lowered template literals ("a".concat(x)); `c ? a : b`,
// `a || b`, `a ?? b` (all branches); permit(v, ALLOWED) / permitUrl(v, PATTERNS). Function
// parameters and anything computed at run time are not. In URL mode an unresolvable operand of
// a concatenation becomes a wildcard hole instead, so the caller can emit a URL match pattern.
// A call of a queryPermission guard (a top-level function that returns its parameter only when
// GTM grants it) is no value but 'queried': GTM answers at run time, and the keys to declare come
// from the template's declaration (derive.ts), so the code need not carry them.
import type {
  AnyNode, ArrayExpression, CallExpression, Expression, Identifier, MemberExpression, ObjectExpression, Property,
  SpreadElement,
} from 'acorn';
import { resolve, type Binding, type Scope, type ScopeAnalysis } from '../js/scope';

export const HOLE: unique symbol = Symbol('hole');
export type Part = string | typeof HOLE;

export type Value =
  | { kind: 'string'; parts: Part[]; /** came from permitUrl's patterns */ pattern?: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'undefined' }
  /** permit(v, '*'): any string. */
  | { kind: 'any' }
  /** A guard's result: passed only when GTM grants `permission` at run time (queryPermission). */
  | { kind: 'queried'; permission: string }
  | { kind: 'object'; node: ObjectExpression; scope: Scope | undefined }
  | { kind: 'array'; node: ArrayExpression; scope: Scope | undefined }
  /** An array computed statically, e.g. `A.concat(B)`. */
  | { kind: 'list'; items: Value[] };

export type Mode = 'key' | 'url';
type Values = Value[] | undefined;

/** More alternatives than this is treated as unresolvable (a cross product ran away). */
const MAX_ALTERNATIVES = 128;
const PERMIT = /^permit\d*$/;
const PERMIT_URL = /^permitUrl\d*$/;

export const text = (s: string): Value => ({ kind: 'string', parts: [s] });

/** A URL match pattern as a value: each `*` a hole. */
export const urlPatternValue = (s: string): Value & { kind: 'string' } => ({
  kind: 'string', parts: s.split('*').flatMap((piece, i) => (i ? [HOLE, piece] : [piece])), pattern: true,
});

/** The literal text of a string value without holes. */
export function literalText(v: Value): string | undefined {
  if (v.kind !== 'string' || v.parts.some((p) => p === HOLE)) return undefined;
  return (v.parts as string[]).join('');
}

/** A string value as a match pattern: holes become `*` (runs collapsed). */
export function patternText(v: Value & { kind: 'string' }): string {
  return v.parts.map((p) => (p === HOLE ? '*' : p)).join('').replace(/\*+/g, '*');
}

export type PermitKind = 'permit' | 'permitUrl';

/** Whether a call is permit()/permitUrl() — by name (esbuild may append digits), declared at top level. */
function permitKind(analysis: ScopeAnalysis, call: CallExpression): PermitKind | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const name = call.callee.name;
  const kind = PERMIT_URL.test(name) ? 'permitUrl' : PERMIT.test(name) ? 'permit' : undefined;
  if (!kind) return undefined;
  const binding = analysis.resolveAt(call.callee, name);
  return binding && binding.kind === 'function' && binding.scope === analysis.programScope ? kind : undefined;
}

function primitiveText(v: Value): string | undefined {
  switch (v.kind) {
    case 'number': return String(v.value);
    case 'boolean': return String(v.value);
    case 'null': return 'null';
    case 'undefined': return 'undefined';
    default: return undefined;
  }
}

function isFalsy(v: Value): boolean {
  switch (v.kind) {
    case 'string': return v.parts.length === 0 || v.parts.every((p) => p === '');
    case 'number': return v.value === 0 || Number.isNaN(v.value);
    case 'boolean': return !v.value;
    case 'null': case 'undefined': return true;
    default: return false;
  }
}

function capped(values: Value[]): Values {
  return values.length > MAX_ALTERNATIVES ? undefined : values;
}

/** Whether a callee is the sandbox's queryPermission API (the deriver knows the require() bindings). */
export type IsQueryPermission = (callee: AnyNode) => boolean;

/** A function's parameters and its one returned expression (an arrow's body, or a block of only `return x`). */
function guardShape(fn: AnyNode): { params: AnyNode[]; result: Expression } | undefined {
  if (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return undefined;
  if (fn.body.type !== 'BlockStatement') return { params: fn.params, result: fn.body };
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only && only.type === 'ReturnStatement' && only.argument ? { params: fn.params, result: only.argument } : undefined;
}

export class Evaluator {
  private readonly active = new Set<Binding>();

  constructor(private readonly analysis: ScopeAnalysis, private readonly isQueryPermission: IsQueryPermission = () => false) {}

  /** The alternatives of `node` (evaluated in the scope it sits in), or undefined. */
  evaluate(node: Expression | SpreadElement, mode: Mode, scope = this.scopeAt(node)): Values {
    switch (node.type) {
      case 'Literal':
        if (typeof node.value === 'string') return [text(node.value)];
        if (typeof node.value === 'number') return [{ kind: 'number', value: node.value }];
        if (typeof node.value === 'boolean') return [{ kind: 'boolean', value: node.value }];
        if (node.value === null && !('regex' in node && node.regex)) return [{ kind: 'null' }];
        return undefined;
      case 'Identifier': return this.identifier(node, mode, scope);
      case 'TemplateLiteral': {
        const pieces: (Expression | string)[] = [];
        node.quasis.forEach((q, i) => {
          pieces.push(q.value.cooked ?? q.value.raw);
          if (i < node.expressions.length) pieces.push(node.expressions[i]);
        });
        return this.concatenate(pieces, mode, scope);
      }
      case 'BinaryExpression':
        if (node.operator !== '+' || node.left.type === 'PrivateIdentifier') return undefined;
        return this.plus(node.left, node.right, mode, scope);
      case 'ConditionalExpression':
        return this.union([this.evaluate(node.consequent, mode, scope), this.evaluate(node.alternate, mode, scope)]);
      case 'LogicalExpression': {
        const left = this.evaluate(node.left, mode, scope);
        const right = this.evaluate(node.right, mode, scope);
        // a && b is a when a is falsy, otherwise b.
        if (node.operator === '&&') return left && this.union([left.filter(isFalsy), right]);
        return this.union([left, right]);
      }
      case 'ObjectExpression': return [{ kind: 'object', node, scope }];
      case 'ArrayExpression': return [{ kind: 'array', node, scope }];
      case 'MemberExpression': return this.member(node, mode, scope);
      case 'CallExpression': return this.call(node, mode, scope);
      case 'ParenthesizedExpression': return this.evaluate(node.expression, mode, scope);
      default: return undefined;
    }
  }

  /** Strings the allowed-values argument of permit()/permitUrl() stands for ('*': any). */
  allowedStrings(node: Expression | SpreadElement, scope: Scope | undefined): string[] | undefined {
    const values = this.evaluate(node, 'key', scope);
    if (!values) return undefined;
    const out: string[] = [];
    for (const v of values) {
      const items = v.kind === 'array' || v.kind === 'list' ? this.arrayItems(v) : v.kind === 'object' ? this.objectValues(v) : [v];
      if (!items) return undefined;
      for (const item of items) {
        const s = literalText(item);
        if (s === undefined) return undefined;
        out.push(s);
      }
    }
    return out;
  }

  /** The property names of an object literal (undefined when a key is computed at run time or spread). */
  objectKeys(v: Value & { kind: 'object' }): string[] | undefined {
    const keys: string[] = [];
    for (const p of v.node.properties) {
      const key = p.type === 'Property' ? this.propertyKey(p, v.scope) : undefined;
      if (key === undefined) return undefined;
      if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  /** The alternatives of property `key` of an object literal. */
  propertyValue(v: Value & { kind: 'object' }, key: string, mode: Mode = 'key'): Values {
    let found: Property | undefined;
    for (const p of v.node.properties) {
      if (p.type !== 'Property') return undefined;
      const k = this.propertyKey(p, v.scope);
      if (k === undefined) return undefined;
      if (k === key) found = p;
    }
    if (!found) return [{ kind: 'undefined' }];
    if (found.kind !== 'init' || found.method) return undefined;
    return this.evaluate(found.value as Expression, mode, v.scope);
  }

  scopeAt(node: { type: string }): Scope | undefined {
    return this.analysis.scopeOf(node as never);
  }

  private identifier(node: Identifier, mode: Mode, scope: Scope | undefined): Values {
    const binding = resolve(node.name, scope);
    if (!binding) return node.name === 'undefined' ? [{ kind: 'undefined' }] : undefined;
    if (!binding.init || binding.reassigned || binding.mutated || binding.kind === 'param') return undefined;
    if (this.active.has(binding)) return undefined;
    this.active.add(binding);
    try {
      return this.evaluate(binding.init, mode, this.scopeAt(binding.init) ?? binding.scope);
    } finally {
      this.active.delete(binding);
    }
  }

  private propertyKey(p: Property, scope: Scope | undefined): string | undefined {
    if (!p.computed) {
      if (p.key.type === 'Identifier') return p.key.name;
      if (p.key.type === 'Literal') return String(p.key.value);
      return undefined;
    }
    const keys = this.evaluate(p.key as Expression, 'key', scope);
    const only = keys && keys.length === 1 ? keys[0] : undefined;
    return only ? literalText(only) ?? primitiveText(only) : undefined;
  }

  private objectValues(v: Value & { kind: 'object' }, mode: Mode = 'key'): Values {
    const keys = this.objectKeys(v);
    return keys && this.union(keys.map((k) => this.propertyValue(v, k, mode)));
  }

  private arrayItems(v: Value & { kind: 'array' | 'list' }, mode: Mode = 'key'): Values {
    if (v.kind === 'list') return v.items;
    const items: Values[] = [];
    for (const element of v.node.elements) {
      if (!element || element.type === 'SpreadElement') return undefined;
      items.push(this.evaluate(element, mode, v.scope));
    }
    return this.union(items);
  }

  private member(node: MemberExpression, mode: Mode, scope: Scope | undefined): Values {
    if (node.object.type === 'Super') return undefined;
    const objects = this.evaluate(node.object, mode, scope);
    if (!objects) return undefined;
    let keys: string[] | undefined;
    if (!node.computed) {
      keys = node.property.type === 'Identifier' ? [node.property.name] : undefined;
      if (!keys) return undefined;
    } else {
      const k = this.evaluate(node.property as Expression, 'key', scope);
      if (k) {
        const texts = k.map((x) => literalText(x) ?? primitiveText(x));
        if (texts.every((t) => t !== undefined)) keys = texts as string[];
      }
    }
    const out: Values[] = [];
    for (const o of objects) {
      if (o.kind === 'object') {
        out.push(keys ? this.union(keys.map((k) => this.propertyValue(o, k, mode))) : this.objectValues(o, mode));
      } else if (o.kind === 'array' || o.kind === 'list') {
        out.push(keys ? this.union(keys.map((k) => this.arrayItem(o, k, mode))) : this.arrayItems(o, mode));
      } else {
        return undefined;
      }
    }
    return this.union(out);
  }

  private arrayItem(v: Value & { kind: 'array' | 'list' }, key: string, mode: Mode): Values {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0) return undefined;
    if (v.kind === 'list') return index < v.items.length ? [v.items[index]] : [{ kind: 'undefined' }];
    const element = v.node.elements[index];
    if (element === undefined) return [{ kind: 'undefined' }];
    if (!element || element.type === 'SpreadElement') return undefined;
    return this.evaluate(element, mode, v.scope);
  }

  /**
   * The permission a guard asks GTM about, when `call` calls one: a top-level function, never
   * reassigned, whose only result is `queryPermission('<permission>', …) ? param : undefined`.
   */
  queriedPermission(call: CallExpression): string | undefined {
    if (call.callee.type !== 'Identifier') return undefined;
    const binding = this.analysis.resolveAt(call.callee, call.callee.name);
    if (!binding || binding.scope !== this.analysis.programScope || binding.reassigned) return undefined;
    const fn = binding.kind === 'function' ? binding.declaration : binding.kind === 'param' ? undefined : binding.init;
    const shape = fn && guardShape(fn as AnyNode);
    if (!shape || shape.result.type !== 'ConditionalExpression') return undefined;
    const { test, consequent, alternate } = shape.result;
    const passesParam = consequent.type === 'Identifier' && shape.params.some((p) => p.type === 'Identifier' && p.name === consequent.name);
    const elseNothing = alternate.type === 'Identifier' && alternate.name === 'undefined';
    if (!passesParam || !elseNothing || test.type !== 'CallExpression' || !this.isQueryPermission(test.callee)) return undefined;
    const permission = test.arguments[0];
    return permission && permission.type === 'Literal' && typeof permission.value === 'string' ? permission.value : undefined;
  }

  private call(node: CallExpression, mode: Mode, scope: Scope | undefined): Values {
    const queried = this.queriedPermission(node);
    if (queried !== undefined) return [{ kind: 'queried', permission: queried }];
    const kind = permitKind(this.analysis, node);
    if (kind) {
      const allowedArg = node.arguments[1];
      const allowed = allowedArg ? this.allowedStrings(allowedArg, scope) : undefined;
      if (!allowed) return undefined;
      if (allowed.includes('*')) return [{ kind: 'any' }];
      return allowed.map((s): Value => (kind === 'permit' ? text(s) : urlPatternValue(s)));
    }
    // esbuild lowers `a${x}b` to "a".concat(x, "b").
    const callee = node.callee;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
      && callee.property.name === 'concat' && callee.object.type !== 'Super') {
      const receiver = this.evaluate(callee.object, mode, scope);
      if (!receiver || node.arguments.some((a) => a.type === 'SpreadElement')) return undefined;
      if (receiver.every((v) => v.kind === 'array' || v.kind === 'list')) return this.concatArrays(receiver, node.arguments as Expression[], scope);
      if (!receiver.every((v) => v.kind === 'string')) return undefined;
      return this.concatenate([callee.object, ...(node.arguments as Expression[])], mode, scope);
    }
    return undefined;
  }

  /** Alternatives of the string concatenation of `pieces` (expressions or literal text). */
  private concatenate(pieces: (Expression | SpreadElement | string)[], mode: Mode, scope: Scope | undefined): Values {
    let acc: Value[] = [text('')];
    for (const piece of pieces) {
      let values = typeof piece === 'string' ? [text(piece)] : this.evaluate(piece, mode, scope);
      if (!values) {
        if (mode !== 'url') return undefined;
        values = [{ kind: 'string', parts: [HOLE] }];
      }
      const next: Value[] = [];
      for (const a of acc) {
        for (const b of values) {
          const joined = this.join(a, b, mode);
          if (!joined) return undefined;
          next.push(joined);
        }
      }
      if (next.length > MAX_ALTERNATIVES) return undefined;
      acc = next;
    }
    return acc;
  }

  /** `A.concat(B, 'c')` on array literals: one list of every possible item (alternatives merged). */
  private concatArrays(receiver: Value[], args: Expression[], scope: Scope | undefined): Values {
    const items: Value[] = [];
    for (const part of [receiver, ...args.map((a) => this.evaluate(a, 'key', scope))]) {
      if (!part) return undefined;
      for (const v of part) {
        const more = v.kind === 'array' || v.kind === 'list' ? this.arrayItems(v) : [v];
        if (!more) return undefined;
        items.push(...more);
      }
    }
    return capped(items) && [{ kind: 'list', items }];
  }

  /** `a + b`: a sum when both sides are numbers, otherwise a concatenation. */
  private plus(left: Expression, right: Expression, mode: Mode, scope: Scope | undefined): Values {
    const l = this.evaluate(left, mode, scope);
    const r = this.evaluate(right, mode, scope);
    const numbers = (vs: Values): vs is (Value & { kind: 'number' })[] => !!vs && vs.every((v) => v.kind === 'number');
    if (numbers(l) && numbers(r)) return capped(l.flatMap((a) => r.map((b): Value => ({ kind: 'number', value: a.value + b.value }))));
    return this.concatenate([left, right], mode, scope);
  }

  private join(a: Value, b: Value, mode: Mode): Value | undefined {
    if (a.kind === 'any' || b.kind === 'any') {
      return mode === 'url' ? { kind: 'string', parts: [...this.partsOf(a), ...this.partsOf(b)] } : { kind: 'any' };
    }
    const left = a.kind === 'string' ? a.parts : primitiveText(a);
    const right = b.kind === 'string' ? b.parts : primitiveText(b);
    if (left === undefined || right === undefined) return undefined;
    return { kind: 'string', parts: [...(typeof left === 'string' ? [left] : left), ...(typeof right === 'string' ? [right] : right)] };
  }

  private partsOf(v: Value): Part[] {
    if (v.kind === 'string') return v.parts;
    const t = primitiveText(v);
    return t === undefined ? [HOLE] : [t];
  }

  private union(lists: Values[]): Values {
    const out: Value[] = [];
    for (const list of lists) {
      if (!list) return undefined;
      out.push(...list);
    }
    return capped(out);
  }
}
