// Lexical scope analysis of sandboxed JavaScript: which identifiers are references, and which
// declaration each one resolves to (var/function hoisting, block-scoped let/const, params,
// function-expression names, catch params, `arguments` inside non-arrow functions).
// Two passes over the same walk: the first declares, the second resolves, so hoisted names are
// known before any reference is looked up.
import type { Program } from 'acorn';
import { childNodes, type AnyNode } from './parse';

export type BindingKind = 'var' | 'let' | 'const' | 'function' | 'param' | 'class' | 'catch' | 'import' | 'arguments';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The declaring identifier (absent for the implicit `arguments`). */
  id?: AnyNode;
  /** The initialiser, for `var/let/const name = init`. */
  init?: AnyNode;
}

export interface ScopeAnalysis {
  /** Every identifier in a reference position → its binding (undefined: free, a global). */
  references: Map<AnyNode, Binding | undefined>;
  /** Names declared at the top level of the code. */
  topLevel: Map<string, Binding>;
  /** What `name` would resolve to at the place of a reference (to check a rename is safe). */
  resolveAt(reference: AnyNode, name: string): Binding | undefined;
}

type ScopeKind = 'program' | 'function' | 'arrow' | 'block';

interface Scope {
  kind: ScopeKind;
  parent?: Scope;
  names: Map<string, Binding>;
}

type Phase = 'declare' | 'resolve';

export function analyseScopes(program: Program): ScopeAnalysis {
  const analyser = new Analyser();
  analyser.run(program as AnyNode, 'declare');
  analyser.run(program as AnyNode, 'resolve');
  return {
    references: analyser.references,
    topLevel: analyser.programScope().names,
    resolveAt: (reference, name) => analyser.resolveAt(reference, name),
  };
}

class Analyser {
  readonly references = new Map<AnyNode, Binding | undefined>();
  private readonly referenceScopes = new Map<AnyNode, Scope>();
  private readonly scopes = new Map<AnyNode, Scope>();
  private readonly argumentsOf = new Map<Scope, Binding>();
  private phase: Phase = 'declare';
  private root?: AnyNode;

  run(program: AnyNode, phase: Phase): void {
    this.phase = phase;
    this.root = program;
    const scope = this.enter(program, undefined, 'program');
    for (const { child } of childNodes(program)) this.visit(child, scope);
  }

  programScope(): Scope {
    return this.scopes.get(this.root as AnyNode) as Scope;
  }

  private enter(node: AnyNode, parent: Scope | undefined, kind: ScopeKind): Scope {
    let scope = this.scopes.get(node);
    if (!scope) {
      scope = { kind, parent, names: new Map() };
      this.scopes.set(node, scope);
    }
    return scope;
  }

  private visit(node: AnyNode, scope: Scope): void {
    switch (node.type) {
      case 'Identifier': return this.reference(node, scope);
      case 'FunctionDeclaration': return this.functionDeclaration(node, scope);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': return this.functionBody(node, scope);
      case 'ClassDeclaration':
        this.declare(node.id, scope, 'class');
        return this.visitChildren(node, scope, ['id']);
      case 'ClassExpression': {
        const inner = this.enter(node, scope, 'block');
        if (node.id) this.declare(node.id, inner, 'class');
        return this.visitChildren(node, inner, ['id']);
      }
      case 'VariableDeclaration': return this.variableDeclaration(node, scope);
      case 'BlockStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        return this.visitChildren(node, this.enter(node, scope, 'block'));
      case 'SwitchStatement':
        this.visit(node.discriminant, scope);
        return this.visitAll(node.cases, this.enter(node, scope, 'block'));
      case 'CatchClause': {
        const inner = this.enter(node, scope, 'block');
        if (node.param) this.bindPattern(node.param, inner, 'catch');
        return this.visit(node.body, inner);
      }
      case 'ImportDeclaration':
        for (const spec of node.specifiers) this.declare(spec.local, scope, 'import');
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
    this.declare(node.id, scope, 'function');
    // Annex B: a function declared in a block is also visible in the enclosing function.
    const home = functionScope(scope);
    if (home !== scope && !home.names.has(node.id.name)) this.declare(node.id, home, 'function');
    this.functionBody(node, scope);
  }

  private functionBody(node: AnyNode, scope: Scope): void {
    const inner = this.enter(node, scope, node.type === 'ArrowFunctionExpression' ? 'arrow' : 'function');
    if (node.type === 'FunctionExpression' && node.id) this.declare(node.id, inner, 'function');
    for (const param of node.params) this.bindPattern(param, inner, 'param');
    if (node.body.type === 'BlockStatement') this.visitAll(node.body.body, inner);
    else this.visit(node.body, inner);
  }

  private variableDeclaration(node: AnyNode, scope: Scope): void {
    const kind = node.kind as BindingKind;
    const target = kind === 'var' ? functionScope(scope) : scope;
    for (const declarator of node.declarations) {
      const init = declarator.id.type === 'Identifier' ? declarator.init : undefined;
      this.bindPattern(declarator.id, target, kind, init ?? undefined, scope);
      if (declarator.init) this.visit(declarator.init, scope);
    }
  }

  /** Declares the names of a binding pattern; defaults and computed keys are references. */
  private bindPattern(pattern: AnyNode, target: Scope, kind: BindingKind, init?: AnyNode, scope = target): void {
    switch (pattern.type) {
      case 'Identifier': return this.declare(pattern, target, kind, init);
      case 'ObjectPattern':
        for (const prop of pattern.properties) {
          if (prop.type === 'RestElement') this.bindPattern(prop.argument, target, kind, undefined, scope);
          else {
            if (prop.computed) this.visit(prop.key, scope);
            this.bindPattern(prop.value, target, kind, undefined, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.bindPattern(element, target, kind, undefined, scope);
        return;
      case 'RestElement': return this.bindPattern(pattern.argument, target, kind, undefined, scope);
      case 'AssignmentPattern':
        this.bindPattern(pattern.left, target, kind, undefined, scope);
        return this.visit(pattern.right, scope);
      default: return this.visit(pattern, scope); // e.g. a member expression target
    }
  }

  private declare(id: AnyNode, scope: Scope, kind: BindingKind, init?: AnyNode): void {
    if (this.phase !== 'declare') return;
    const existing = scope.names.get(id.name);
    // A var re-declaring a param or function keeps the first binding (same variable).
    if (existing && kind === 'var') return;
    scope.names.set(id.name, { name: id.name, kind, id, init });
  }

  private reference(id: AnyNode, scope: Scope): void {
    if (this.phase !== 'resolve') return;
    this.references.set(id, this.resolve(id.name, scope));
    this.referenceScopes.set(id, scope);
  }

  resolveAt(reference: AnyNode, name: string): Binding | undefined {
    const scope = this.referenceScopes.get(reference);
    return scope ? this.resolve(name, scope) : undefined;
  }

  private resolve(name: string, scope: Scope): Binding | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const binding = s.names.get(name);
      if (binding) return binding;
    }
    return name === 'arguments' ? this.implicitArguments(scope) : undefined;
  }

  /** `arguments` of the nearest non-arrow function (none at the top level). */
  private implicitArguments(scope: Scope): Binding | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.kind === 'program') return undefined;
      if (s.kind !== 'function') continue;
      let binding = this.argumentsOf.get(s);
      if (!binding) this.argumentsOf.set(s, (binding = { name: 'arguments', kind: 'arguments' }));
      return binding;
    }
    return undefined;
  }
}

function functionScope(scope: Scope): Scope {
  let s = scope;
  while (s.kind === 'block' && s.parent) s = s.parent;
  return s;
}
