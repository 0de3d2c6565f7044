// The one scope analysis of JavaScript for the whole toolchain: which declaration every
// identifier in a reference position resolves to, and what happens to each binding afterwards
// (reassigned, mutated). The sandbox gate reads it to find free names; the permission deriver
// reads it to follow require() bindings and constant values; post-processing reads it to rename
// and drop helpers safely.
// Two passes over one walk: the first declares (so hoisted `var` and function declarations are
// known everywhere), the second resolves references and records reassignments and mutations.
// Semantics (the stricter reading where engines differ): `var` and function declarations hoist
// to the nearest function; a function declared in a block is also visible in its function
// (Annex B); non-arrow functions have an implicit `arguments` (the top level has none, as
// sandboxed code is a function body without arguments [INF]); a redeclaration keeps the first
// binding, and redeclaring a var that has or gets a value counts as a reassignment.
import type { Expression, Identifier, Node, Program } from 'acorn';
import { childNodes, type AnyNode } from './parse';

export type BindingKind = 'var' | 'let' | 'const' | 'function' | 'param' | 'class' | 'catch' | 'import' | 'arguments';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The scope the name is declared in. */
  scope: Scope;
  /** The declaring identifier (absent for the implicit `arguments`). */
  id?: Identifier;
  /** The node that declares it: the function, the variable declarator, the catch clause … */
  declaration?: Node;
  /** The initialiser, for `var/let/const name = init` (not for destructuring). */
  init?: Expression;
  /** Assigned again after its declaration (`x = …`, `x++`, `for (x in …)`, `var x = 2` again). */
  reassigned: boolean;
  /** A member assigned or a mutating array method called on it (`x.a = …`, `x.push(…)`). */
  mutated: boolean;
}

export type ScopeKind = 'program' | 'function' | 'arrow' | 'block';

export interface Scope {
  kind: ScopeKind;
  parent?: Scope;
  bindings: Map<string, Binding>;
  /** The implicit `arguments` of a non-arrow function, made when first referenced. */
  arguments?: Binding;
}

export interface ScopeAnalysis {
  program: Program;
  programScope: Scope;
  /** Every identifier in a reference position → its binding (undefined: free, a global). In source order. */
  references: Map<AnyNode, Binding | undefined>;
  /** Names declared at the top level of the code. */
  topLevel: Map<string, Binding>;
  /** Every declared binding, in declaration order. */
  bindings: Binding[];
  /** The scope a node sits in (every node the walk reaches). */
  scopeOf(node: AnyNode): Scope | undefined;
  /** What `name` would resolve to at the place of a reference (to check a rename is safe). */
  resolveAt(reference: AnyNode, name: string): Binding | undefined;
}

type Phase = 'declare' | 'resolve';

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse']);

export function analyseScopes(program: Program): ScopeAnalysis {
  const analyser = new Analyser();
  analyser.run(program as AnyNode, 'declare');
  analyser.run(program as AnyNode, 'resolve');
  const programScope = analyser.scopeOf(program as AnyNode) as Scope;
  return {
    program,
    programScope,
    references: analyser.references,
    topLevel: programScope.bindings,
    bindings: analyser.bindings,
    scopeOf: (node) => analyser.scopeOf(node),
    resolveAt: (reference, name) => {
      const scope = analyser.scopeOf(reference);
      return scope ? resolve(name, scope) : undefined;
    },
  };
}

/** The binding `name` has in `scope`: the nearest declaration, or the function's `arguments`. */
export function resolve(name: string, scope: Scope | undefined): Binding | undefined {
  for (let s = scope; s; s = s.parent) {
    const binding = s.bindings.get(name);
    if (binding) return binding;
  }
  return name === 'arguments' ? implicitArguments(scope) : undefined;
}

/** `arguments` of the nearest non-arrow function (none at the top level). */
function implicitArguments(scope: Scope | undefined): Binding | undefined {
  for (let s = scope; s; s = s.parent) {
    if (s.kind === 'program') return undefined;
    if (s.kind !== 'function') continue;
    s.arguments ??= { name: 'arguments', kind: 'arguments', scope: s, reassigned: false, mutated: false };
    return s.arguments;
  }
  return undefined;
}

class Analyser {
  readonly references = new Map<AnyNode, Binding | undefined>();
  readonly bindings: Binding[] = [];
  private readonly scopes = new Map<AnyNode, Scope>();
  /** The scope each node sits in; nodes that open a scope sit in their parent's. */
  private readonly placed = new Map<AnyNode, Scope>();
  private phase: Phase = 'declare';

  run(program: AnyNode, phase: Phase): void {
    this.phase = phase;
    const scope = this.enter(program, undefined, 'program');
    this.placed.set(program, scope);
    for (const { child } of childNodes(program)) this.visit(child, scope);
  }

  scopeOf(node: AnyNode): Scope | undefined {
    return this.placed.get(node);
  }

  private enter(node: AnyNode, parent: Scope | undefined, kind: ScopeKind): Scope {
    let scope = this.scopes.get(node);
    if (!scope) {
      scope = { kind, parent, bindings: new Map() };
      this.scopes.set(node, scope);
    }
    return scope;
  }

  private visit(node: AnyNode, scope: Scope): void {
    if (!this.placed.has(node)) this.placed.set(node, scope);
    switch (node.type) {
      case 'Identifier': return this.reference(node, scope);
      case 'FunctionDeclaration': return this.functionDeclaration(node, scope);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': return this.functionBody(node, scope);
      case 'ClassDeclaration':
        this.declare(node.id, scope, 'class', node);
        return this.visitChildren(node, scope, ['id']);
      case 'ClassExpression': {
        const inner = this.enter(node, scope, 'block');
        if (node.id) this.declare(node.id, inner, 'class', node);
        return this.visitChildren(node, inner, ['id']);
      }
      case 'VariableDeclaration': return this.variableDeclaration(node, scope);
      case 'BlockStatement':
      case 'ForStatement':
        return this.visitChildren(node, this.enter(node, scope, 'block'));
      case 'ForInStatement':
      case 'ForOfStatement': return this.forInOf(node, scope);
      case 'SwitchStatement':
        this.visit(node.discriminant, scope);
        return this.visitAll(node.cases, this.enter(node, scope, 'block'));
      case 'CatchClause': {
        const inner = this.enter(node, scope, 'block');
        if (node.param) this.bindPattern(node.param, inner, 'catch', node);
        return this.visit(node.body, inner);
      }
      case 'ImportDeclaration':
        for (const spec of node.specifiers) this.declare(spec.local, scope, 'import', node);
        return;
      case 'ExportNamedDeclaration':
        if (node.declaration) return this.visit(node.declaration, scope);
        if (!node.source) for (const spec of node.specifiers) this.visit(spec.local, scope);
        return;
      case 'ExportAllDeclaration': return;
      case 'MemberExpression':
        this.visit(node.object, scope);
        if (node.computed) this.visit(node.property, scope);
        return;
      case 'Property':
      case 'MethodDefinition':
      case 'PropertyDefinition':
        if (node.computed) this.visit(node.key, scope);
        if (node.value) this.visit(node.value, scope);
        return;
      case 'AssignmentExpression':
        this.assigned(node.left, scope);
        return this.visitChildren(node, scope);
      case 'UpdateExpression':
        this.assigned(node.argument, scope);
        return this.visitChildren(node, scope);
      case 'CallExpression':
        this.mutatingCall(node, scope);
        return this.visitChildren(node, scope);
      case 'LabeledStatement': return this.visit(node.body, scope);
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'PrivateIdentifier':
        return;
      default: return this.visitChildren(node, scope);
    }
  }

  private visitChildren(node: AnyNode, scope: Scope, skip: string[] = []): void {
    for (const { key, child } of childNodes(node)) if (!skip.includes(key)) this.visit(child, scope);
  }

  private visitAll(nodes: AnyNode[], scope: Scope): void {
    for (const node of nodes) this.visit(node, scope);
  }

  private functionDeclaration(node: AnyNode, scope: Scope): void {
    this.declare(node.id, scope, 'function', node);
    // Annex B: a function declared in a block is also visible in the enclosing function.
    const home = functionScope(scope);
    if (home !== scope && !home.bindings.has(node.id.name)) this.declare(node.id, home, 'function', node);
    this.functionBody(node, scope);
  }

  private functionBody(node: AnyNode, scope: Scope): void {
    const inner = this.enter(node, scope, node.type === 'ArrowFunctionExpression' ? 'arrow' : 'function');
    if (node.type === 'FunctionExpression' && node.id) this.declare(node.id, inner, 'function', node);
    for (const param of node.params) this.bindPattern(param, inner, 'param', node);
    if (node.body.type === 'BlockStatement') {
      this.placed.set(node.body, inner);
      this.visitAll(node.body.body, inner);
    } else {
      this.visit(node.body, inner);
    }
  }

  private variableDeclaration(node: AnyNode, scope: Scope): void {
    const kind = node.kind as BindingKind;
    const target = kind === 'var' ? functionScope(scope) : scope;
    for (const declarator of node.declarations) {
      this.placed.set(declarator, scope);
      const init = declarator.id.type === 'Identifier' ? declarator.init : undefined;
      this.bindPattern(declarator.id, target, kind, declarator, init ?? undefined, scope);
      if (declarator.init) this.visit(declarator.init, scope);
    }
  }

  /** `for (x in …)` assigns x each round; a declared left side is declared in the loop's scope. */
  private forInOf(node: AnyNode, scope: Scope): void {
    const inner = this.enter(node, scope, 'block');
    if (node.left.type !== 'VariableDeclaration') this.assigned(node.left, inner);
    this.visitChildren(node, inner);
  }

  /** Declares the names of a binding pattern; defaults and computed keys are references. */
  private bindPattern(pattern: AnyNode, target: Scope, kind: BindingKind, declaration: AnyNode, init?: AnyNode, scope = target): void {
    switch (pattern.type) {
      case 'Identifier': return this.declare(pattern, target, kind, declaration, init);
      case 'ObjectPattern':
        for (const prop of pattern.properties) {
          if (prop.type === 'RestElement') this.bindPattern(prop.argument, target, kind, declaration, undefined, scope);
          else {
            if (prop.computed) this.visit(prop.key, scope);
            this.bindPattern(prop.value, target, kind, declaration, undefined, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.bindPattern(element, target, kind, declaration, undefined, scope);
        return;
      case 'RestElement': return this.bindPattern(pattern.argument, target, kind, declaration, undefined, scope);
      case 'AssignmentPattern':
        this.bindPattern(pattern.left, target, kind, declaration, undefined, scope);
        return this.visit(pattern.right, scope);
      default: return this.visit(pattern, scope); // e.g. a member expression target
    }
  }

  private declare(id: AnyNode, scope: Scope, kind: BindingKind, declaration: AnyNode, init?: AnyNode): void {
    if (this.phase !== 'declare') return;
    const existing = scope.bindings.get(id.name);
    if (existing) {
      // `var x = 1; var x = 2;` is one variable, assigned twice.
      if (kind === 'var') {
        existing.reassigned ||= existing.init !== undefined || init !== undefined;
        return;
      }
    }
    const binding: Binding = {
      name: id.name, kind, scope, id: id as Identifier, declaration, init: init as Expression | undefined, reassigned: false, mutated: false,
    };
    scope.bindings.set(id.name, binding);
    this.bindings.push(binding);
  }

  private reference(id: AnyNode, scope: Scope): void {
    if (this.phase !== 'resolve') return;
    this.references.set(id, resolve(id.name, scope));
  }

  /** An assignment target: names in it are reassigned, the root of a member target is mutated. */
  private assigned(target: AnyNode, scope: Scope): void {
    if (this.phase !== 'resolve') return;
    if (target.type === 'MemberExpression') return this.mutated(target, scope);
    for (const id of patternNames(target)) {
      const binding = resolve(id.name, scope);
      if (binding) binding.reassigned = true;
    }
  }

  private mutated(member: AnyNode, scope: Scope): void {
    const root = rootIdentifier(member);
    const binding = root && resolve(root.name, scope);
    if (binding) binding.mutated = true;
  }

  /** `x.push(…)` and the other mutating array methods change x. */
  private mutatingCall(call: AnyNode, scope: Scope): void {
    if (this.phase !== 'resolve') return;
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
      && MUTATING_METHODS.has(callee.property.name)) this.mutated(callee.object, scope);
  }
}

function functionScope(scope: Scope): Scope {
  let s = scope;
  while (s.kind === 'block' && s.parent) s = s.parent;
  return s;
}

/** The identifiers a pattern assigns (member targets inside patterns are not names). */
function patternNames(pattern: AnyNode | null | undefined, out: AnyNode[] = []): AnyNode[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier': out.push(pattern); break;
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p : p.value, out);
      break;
    case 'ArrayPattern': for (const p of pattern.elements) patternNames(p, out); break;
    case 'RestElement': patternNames(pattern.argument, out); break;
    case 'AssignmentPattern': patternNames(pattern.left, out); break;
    default: break;
  }
  return out;
}

function rootIdentifier(node: AnyNode): AnyNode | undefined {
  let n = node;
  while (n.type === 'MemberExpression') n = n.object;
  return n.type === 'Identifier' ? n : undefined;
}
