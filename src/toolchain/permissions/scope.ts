// Lexical scopes of sandboxed code (ES5 + const/let + arrows): which declaration each name
// refers to, whether a binding is ever reassigned or mutated, and the nodes the deriver looks at
// (calls, require() calls, references). One acorn-walk pass; names are resolved afterwards, so
// hoisted `var` and function declarations are seen wherever they are used.
import type {
  AnyNode, AssignmentExpression, BinaryExpression, BlockStatement, CallExpression, CatchClause,
  ConditionalExpression, DoWhileStatement, Expression, ForInStatement, ForOfStatement, ForStatement,
  Function as FunctionNode, Identifier, IfStatement, LogicalExpression, Node, Pattern, Program,
  SwitchStatement, UnaryExpression, UpdateExpression, VariableDeclaration, WhileStatement,
} from 'acorn';
import { base, recursive, type RecursiveVisitors } from 'acorn-walk';

/** acorn-walk's recursive callback; its .d.ts omits the third argument (the visitor to use). */
type Walk = (node: AnyNode, scope: Scope, override?: string) => void;
type Visitor = (node: never, scope: Scope, c: Walk) => void;

export interface Binding {
  name: string;
  kind: 'var' | 'let' | 'const' | 'param' | 'function' | 'catch';
  scope: Scope;
  declaration: Node;
  /** The initialiser of a variable declarator. */
  init?: Expression;
  /** Assigned again after its declaration (`x = …`, `x++`, `for (x in …)`). */
  reassigned: boolean;
  /** A member assigned or a mutating array method called on it (`x.a = …`, `x.push(…)`). */
  mutated: boolean;
}

export interface Scope {
  kind: 'program' | 'function' | 'block';
  parent?: Scope;
  bindings: Map<string, Binding>;
}

export interface Analysis {
  program: Program;
  programScope: Scope;
  /** The scope each visited node sits in. */
  scopeOf: Map<AnyNode, Scope>;
  calls: CallExpression[];
  /** Identifiers in expression position. */
  references: Identifier[];
  /** Every declared binding, in declaration order. */
  bindings: Binding[];
  /** Expressions only tested for truthiness or compared (`if (x)`, `!x`, `x && …`, `x === y`). */
  conditions: Set<AnyNode>;
}

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse']);
const COMPARISONS = new Set(['==', '!=', '===', '!==']);

export function resolve(name: string, scope: Scope | undefined): Binding | undefined {
  for (let s = scope; s; s = s.parent) {
    const found = s.bindings.get(name);
    if (found) return found;
  }
  return undefined;
}

function hoistTarget(scope: Scope): Scope {
  let s = scope;
  while (s.kind === 'block' && s.parent) s = s.parent;
  return s;
}

function patternNames(pattern: Pattern | null | undefined, out: Identifier[] = []): Identifier[] {
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

function rootIdentifier(node: AnyNode): Identifier | undefined {
  let n: AnyNode = node;
  while (n.type === 'MemberExpression') n = n.object;
  return n.type === 'Identifier' ? n : undefined;
}

export function analyse(program: Program): Analysis {
  const programScope: Scope = { kind: 'program', bindings: new Map() };
  const scopeOf = new Map<AnyNode, Scope>();
  const calls: CallExpression[] = [];
  const references: Identifier[] = [];
  const bindings: Binding[] = [];
  const conditions = new Set<AnyNode>();
  const tested = (visitor: string, pick: (node: never) => (AnyNode | null | undefined)[]): Visitor => (node, scope, c) => {
    for (const n of pick(node)) if (n) conditions.add(n);
    (base as unknown as Record<string, Visitor>)[visitor](node, scope, c);
  };
  const reassignments: { id: Identifier; scope: Scope }[] = [];
  const mutations: { id: Identifier; scope: Scope }[] = [];

  const declare = (scope: Scope, id: Identifier, kind: Binding['kind'], declaration: Node, init?: Expression) => {
    const existing = scope.bindings.get(id.name);
    if (existing) {
      // `var x = 1; var x = 2;` is a reassignment in all but name.
      existing.reassigned = existing.reassigned || existing.init !== undefined || init !== undefined;
      return;
    }
    const binding: Binding = { name: id.name, kind, scope, declaration, init, reassigned: false, mutated: false };
    scope.bindings.set(id.name, binding);
    bindings.push(binding);
  };
  const child = (parent: Scope, kind: Scope['kind']): Scope => ({ kind, parent, bindings: new Map() });
  const targetOf = (node: Pattern | Expression, scope: Scope) => {
    if (node.type === 'MemberExpression') {
      const root = rootIdentifier(node);
      if (root) mutations.push({ id: root, scope });
    } else {
      for (const id of patternNames(node as Pattern)) reassignments.push({ id, scope });
    }
  };

  const overrides: Record<string, Visitor> = {
    Function(fn: FunctionNode, scope, c) {
      if (fn.type === 'FunctionDeclaration' && fn.id) declare(hoistTarget(scope), fn.id, 'function', fn);
      const inner = child(scope, 'function');
      if (fn.type === 'FunctionExpression' && fn.id) declare(inner, fn.id, 'function', fn);
      for (const param of fn.params) for (const id of patternNames(param)) declare(inner, id, 'param', fn);
      for (const param of fn.params) if (param.type === 'AssignmentPattern') c(param.right, inner, 'Expression');
      if (fn.body.type === 'BlockStatement') {
        scopeOf.set(fn.body, inner);
        for (const statement of fn.body.body) c(statement, inner, 'Statement');
      } else {
        c(fn.body, inner, 'Expression');
      }
    },
    BlockStatement(node: BlockStatement, scope, c) {
      const inner = child(scope, 'block');
      for (const statement of node.body) c(statement, inner, 'Statement');
    },
    SwitchStatement(node: SwitchStatement, scope, c) {
      c(node.discriminant, scope, 'Expression');
      const inner = child(scope, 'block');
      for (const cs of node.cases) {
        if (cs.test) c(cs.test, inner, 'Expression');
        for (const statement of cs.consequent) c(statement, inner, 'Statement');
      }
    },
    ForStatement(node: ForStatement, scope, c) {
      const inner = child(scope, 'block');
      if (node.init) c(node.init, inner, node.init.type === 'VariableDeclaration' ? 'Statement' : 'Expression');
      if (node.test) c(node.test, inner, 'Expression');
      if (node.update) c(node.update, inner, 'Expression');
      c(node.body, inner, 'Statement');
    },
    ForInStatement(node: ForInStatement, scope, c) { forInOf(node, scope, c); },
    ForOfStatement(node: ForOfStatement, scope, c) { forInOf(node, scope, c); },
    CatchClause(node: CatchClause, scope, c) {
      const inner = child(scope, 'block');
      for (const id of patternNames(node.param)) declare(inner, id, 'catch', node);
      c(node.body, inner, 'Statement');
    },
    VariableDeclaration(declaration: VariableDeclaration, scope, c) {
      const target = declaration.kind === 'var' ? hoistTarget(scope) : scope;
      for (const d of declaration.declarations) {
        const init = d.init ?? undefined;
        const ids = patternNames(d.id);
        const kind = declaration.kind === 'var' || declaration.kind === 'let' ? declaration.kind : 'const';
        for (const id of ids) declare(target, id, kind, d, d.id.type === 'Identifier' ? init : undefined);
        if (init) c(init, scope, 'Expression');
      }
    },
    AssignmentExpression(a: AssignmentExpression, scope, c) {
      targetOf(a.left, scope);
      if (a.left.type === 'MemberExpression') c(a.left, scope, 'Expression');
      c(a.right, scope, 'Expression');
    },
    UpdateExpression(u: UpdateExpression, scope, c) {
      targetOf(u.argument, scope);
      c(u.argument, scope, 'Expression');
    },
    CallExpression(node: CallExpression, scope, c) {
      calls.push(node);
      const callee = node.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
        && MUTATING_METHODS.has(callee.property.name)) {
        const root = rootIdentifier(callee.object);
        if (root) mutations.push({ id: root, scope });
      }
      (base.CallExpression as unknown as Visitor)(node as never, scope, c);
    },
    IfStatement: tested('IfStatement', (n: IfStatement) => [n.test]),
    WhileStatement: tested('WhileStatement', (n: WhileStatement) => [n.test]),
    DoWhileStatement: tested('DoWhileStatement', (n: DoWhileStatement) => [n.test]),
    ConditionalExpression: tested('ConditionalExpression', (n: ConditionalExpression) => [n.test]),
    UnaryExpression: tested('UnaryExpression', (n: UnaryExpression) => (n.operator === '!' || n.operator === 'typeof' ? [n.argument] : [])),
    LogicalExpression: tested('LogicalExpression', (n: LogicalExpression) => (n.operator === '&&' ? [n.left] : [])),
    BinaryExpression: tested('BinaryExpression', (n: BinaryExpression) => (COMPARISONS.has(n.operator) ? [n.left, n.right] : [])),
    Identifier(node: Identifier, scope) {
      references.push(node);
      scopeOf.set(node, scope);
    },
  };

  function forInOf(node: ForInStatement | ForOfStatement, scope: Scope, c: Walk) {
    const inner = child(scope, 'block');
    if (node.left.type === 'VariableDeclaration') c(node.left, inner, 'Statement');
    else targetOf(node.left as Pattern, inner);
    c(node.right, scope, 'Expression');
    c(node.body, inner, 'Statement');
  }

  // Every visitor records the scope of the node it visits, then defers to the override or base.
  const baseVisitors = base as unknown as Record<string, Visitor>;
  const visitors: Record<string, Visitor> = {};
  for (const type of Object.keys(baseVisitors)) {
    const visit = overrides[type] ?? baseVisitors[type];
    visitors[type] = (node, scope, c) => {
      if (!scopeOf.has(node as AnyNode)) scopeOf.set(node as AnyNode, scope);
      visit(node, scope, c);
    };
  }
  recursive(program, programScope, visitors as unknown as RecursiveVisitors<Scope>);

  for (const { id, scope } of reassignments) {
    const b = resolve(id.name, scope);
    if (b) b.reassigned = true;
  }
  for (const { id, scope } of mutations) {
    const b = resolve(id.name, scope);
    if (b) b.mutated = true;
  }
  return { program, programScope, scopeOf, calls, references, bindings, conditions };
}

/** The binding an identifier refers to (undefined for globals such as data and require). */
export function bindingOf(analysis: Analysis, id: Identifier): Binding | undefined {
  return resolve(id.name, analysis.scopeOf.get(id));
}
