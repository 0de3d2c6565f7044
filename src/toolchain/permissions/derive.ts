// deriveUsage: what ___WEB_PERMISSIONS___ the final sandboxed JavaScript needs, read statically
// from the code — our compiled bundles or the code of any third-party .tpl. It finds the
// `require('api')` bindings (and direct `require('api')(…)` calls), follows their calls, and
// resolves each keyed argument with the static evaluator (evaluate.ts); arguments it cannot
// resolve, and that are not wrapped in permit()/permitUrl(), are reported with their position.
import type { AnyNode, CallExpression, Expression, Node, Program, SpreadElement } from 'acorn';
import { TEST_APIS, WEB_APIS, isWebApi, type PermissionId } from '../sandbox/apis';
import { isPlainHost, isUrlPattern, splitHttpsUrl } from '../sandbox/permit';
import { Evaluator, literalText, patternText, type Value } from './evaluate';
import { ANY_GRANTABLE, CONSENT_SETTINGS_KEYS, FUNCTION_RULES, MEMBER_RULES, isKeyedRule, type ApiRule, type KeyedArgument } from './rules';
import { analyse, bindingOf, parseSandboxCode, resolve, type Analysis, type Binding } from './scope';
import type { Access, Problem, ProblemRule, Requirement, Usage } from './usage';

export interface DeriveOptions {
  /** Accept the ___TESTS___ APIs (runCode, mock, assertApi …) as known require() names. */
  testApis?: boolean;
}

export interface Derivation {
  usage: Usage;
  problems: Problem[];
}

type Site = Pick<Requirement, 'api' | 'line' | 'column'>;

/** The permission a keyed rule guards. */
function permissionOf(rule: ApiRule): PermissionId {
  switch (rule.kind) {
    case 'data-layer-write': return 'write_data_layer';
    case 'consent-write': return 'access_consent';
    default: return rule.permission;
  }
}

const position = (node: Node) => ({ line: node.loc!.start.line, column: node.loc!.start.column + 1 });

/** An own entry of a lookup table (never an Object.prototype member such as 'constructor'). */
function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function deriveUsage(code: string, options: DeriveOptions = {}): Derivation {
  let program: Program;
  try {
    program = parseSandboxCode(code);
  } catch (error) {
    const e = error as SyntaxError & { loc?: { line: number; column: number } };
    const at = e.loc ? { line: e.loc.line, column: e.loc.column + 1 } : {};
    return { usage: { requirements: [] }, problems: [{ ...at, rule: 'syntax-error', message: e.message }] };
  }
  return new Deriver(analyse(program), options).run();
}

class Deriver {
  private readonly evaluator: Evaluator;
  private readonly requirements: Requirement[] = [];
  private readonly problems: Problem[] = [];
  private readonly unresolved = new Set<PermissionId>();
  /** require() calls and API references whose use is understood (called, or aliased). */
  private readonly handled = new Set<AnyNode>();
  private readonly apiCache = new Map<Binding, string | undefined>();

  constructor(private readonly analysis: Analysis, private readonly options: DeriveOptions) {
    this.evaluator = new Evaluator(analysis);
  }

  run(): Derivation {
    for (const call of this.analysis.calls) this.visitCall(call);
    this.markAliases();
    this.reportOtherUses();
    const unresolved = [...this.unresolved].sort();
    return { usage: unresolved.length ? { requirements: this.requirements, unresolved } : { requirements: this.requirements }, problems: this.problems };
  }

  // --- finding the APIs ---------------------------------------------------------------------

  private isRequireCall(node: AnyNode): node is CallExpression {
    return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require'
      && !resolve('require', this.analysis.scopeOf.get(node.callee));
  }

  /** The API name of `require('name')`, or undefined when the argument is not a string literal. */
  private requiredName(call: CallExpression): string | undefined {
    const a = call.arguments[0];
    return a && a.type === 'Literal' && typeof a.value === 'string' ? a.value : undefined;
  }

  /** The API a binding holds: `const x = require('api')`, or an alias of such a binding. */
  private apiOfBinding(binding: Binding | undefined): string | undefined {
    if (!binding || binding.reassigned || !binding.init) return undefined;
    if (this.apiCache.has(binding)) return this.apiCache.get(binding);
    this.apiCache.set(binding, undefined);
    const init = binding.init;
    let api: string | undefined;
    if (this.isRequireCall(init)) api = this.requiredName(init);
    else if (init.type === 'Identifier') api = this.apiOfBinding(bindingOf(this.analysis, init));
    this.apiCache.set(binding, api);
    return api;
  }

  /** The API an expression stands for: a binding of one, or a direct require('api'). */
  private apiOf(node: AnyNode): string | undefined {
    if (node.type === 'Identifier') return this.apiOfBinding(bindingOf(this.analysis, node));
    if (this.isRequireCall(node)) return this.requiredName(node);
    return undefined;
  }

  private visitCall(call: CallExpression): void {
    if (this.isRequireCall(call)) this.checkRequire(call);
    const callee = call.callee;
    const api = this.apiOf(callee);
    if (api && own(WEB_APIS, api)?.kind === 'function') {
      this.handled.add(callee);
      this.applyRule(own(FUNCTION_RULES, api), api, call);
      return;
    }
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const objectApi = this.apiOf(callee.object);
      if (objectApi && own(WEB_APIS, objectApi)?.kind === 'object') {
        this.handled.add(callee.object);
        const method = callee.property.name;
        this.applyRule(own(own(MEMBER_RULES, objectApi), method), objectApi + '.' + method, call);
      }
    }
  }

  private checkRequire(call: CallExpression): void {
    const name = this.requiredName(call);
    if (name === undefined) {
      this.problem(call, 'require-non-literal', 'require() needs a string literal naming the API, so its permissions can be derived');
    } else if (!isWebApi(name) && !(this.options.testApis && (TEST_APIS as readonly string[]).includes(name))) {
      this.problem(call, 'unknown-api', "require('" + name + "'): the web sandbox has no API of that name");
    }
  }

  /** `const b = a` where a holds an API: a's use is followed through b (unless b is reassigned). */
  private markAliases(): void {
    for (const binding of this.analysis.bindings) {
      if (binding.init && this.apiOfBinding(binding) !== undefined) this.handled.add(binding.init);
    }
  }

  /** APIs used other than by calling them: fine without keys, an error for keyed APIs. */
  private reportOtherUses(): void {
    const uses: AnyNode[] = [...this.analysis.references, ...this.analysis.calls.filter((c) => this.isRequireCall(c))];
    for (const node of uses) {
      if (this.handled.has(node) || this.analysis.conditions.has(node)) continue;
      const api = this.apiOf(node);
      if (!api || !isWebApi(api)) continue;
      const rules = WEB_APIS[api].kind === 'function' ? [own(FUNCTION_RULES, api)] : Object.values(own(MEMBER_RULES, api) ?? {});
      const keyedRule = rules.find((r) => r && isKeyedRule(r));
      if (keyedRule) {
        const direct = WEB_APIS[api].kind === 'function' ? api + '(…)' : api + '.' + Object.keys(own(MEMBER_RULES, api) ?? {})[0] + '(…)';
        this.problem(node, 'untracked-api-use', api + ' is used as a value, so the keys it is called with cannot be '
          + 'derived; call it directly (' + direct + ') where the keyed arguments are written', permissionOf(keyedRule));
      } else {
        for (const rule of rules) if (rule && rule.kind === 'plain') this.need(rule.permission, { api, ...position(node) });
      }
    }
  }

  // --- rules ------------------------------------------------------------------------------

  private applyRule(rule: ApiRule | undefined, api: string, call: CallExpression): void {
    if (!rule) return;
    const site = { api, ...position(call) };
    switch (rule.kind) {
      case 'plain': this.need(rule.permission, site); break;
      case 'keyed': for (const a of rule.args) this.keyedArgument(rule.permission, a, api, call); break;
      case 'url-component': this.urlComponent(rule, api, call); break;
      case 'query-key': this.queryKey(rule.permission, api, call.arguments[0], call, 'queryKey'); break;
      case 'data-layer-write': this.dataLayerWrite(api, call); break;
      case 'consent-write': this.consentWrite(api, call); break;
    }
  }

  private keyedArgument(permission: PermissionId, spec: KeyedArgument, api: string, call: CallExpression): void {
    const node = call.arguments[spec.index];
    if (!node) return;
    const values = this.values(node, spec.url ? 'url' : 'key', api, spec.name, permission, spec.url);
    if (!values) return;
    const site = { api, ...position(node) };
    for (const v of values) {
      if (v.kind === 'any') {
        this.needAny(permission, spec, site, node);
      } else if (v.kind === 'string') {
        const key = spec.url ? this.urlPattern(v, node, api, permission) : literalText(v) ?? patternText(v);
        if (key === undefined) continue;
        for (const access of spec.access ?? [undefined]) this.need(permission, site, { key, access });
      }
    }
  }

  private needAny(permission: PermissionId, spec: KeyedArgument, site: Site, node: Node): void {
    if (ANY_GRANTABLE.has(permission)) {
      this.need(permission, site, { anyKey: true });
    } else {
      this.problem(node, 'not-grantable', site.api + ': ' + spec.name + ' may be any string, but ' + permission
        + ' cannot be granted for any ' + (spec.url ? 'URL' : 'key') + '; list the allowed values instead of \'*\'', permission);
    }
  }

  /** A URL value as a match pattern, or undefined (with a problem) when GTM could not allow it. */
  private urlPattern(v: Value & { kind: 'string' }, node: Node, api: string, permission: PermissionId): string | undefined {
    const raw = patternText(v);
    const lower = raw.toLowerCase();
    if (lower.startsWith('http://')) {
      this.problem(node, 'url-not-https', api + ': ' + raw + ' is not https; GTM only allows https URLs', permission);
      return undefined;
    }
    const parts = splitHttpsUrl(raw);
    const ok = parts && (v.pattern ? isUrlPattern(raw) : isPlainHost(parts.host));
    if (!parts || !ok) {
      this.problem(node, 'url-not-literal-host', api + ': the URL ' + raw + ' needs a literal https scheme and host '
        + '(only the path may vary); otherwise wrap it: permitUrl(url, [...URL patterns])', permission);
      return undefined;
    }
    return 'https://' + parts.host + parts.path;
  }

  private urlComponent(rule: ApiRule & { kind: 'url-component' }, api: string, call: CallExpression): void {
    const node = call.arguments[0];
    const site = { api, ...position(node ?? call) };
    const values = node ? this.values(node, 'key', api, 'component', rule.permission) : [{ kind: 'undefined' } as Value];
    if (!values) return;
    for (const v of values) {
      const component = literalText(v);
      if (component === 'query' && rule.queryKeyArgument !== undefined) {
        this.queryKey(rule.permission, api, call.arguments[rule.queryKeyArgument], call, 'queryKey');
      } else if (component === 'query') {
        this.need(rule.permission, site, { key: 'query', anyQueryKey: true });
      } else if (component !== undefined && rule.components.includes(component)) {
        this.need(rule.permission, site, { key: component });
      } else {
        // No component, any other value, or one chosen at run time: the whole URL.
        this.need(rule.permission, site, {});
      }
    }
  }

  private queryKey(permission: 'get_url' | 'get_referrer', api: string, node: Expression | SpreadElement | undefined, call: CallExpression, name: string): void {
    const site = { api, ...position(node ?? call) };
    const values = node ? this.values(node, 'key', api, name, permission) : [{ kind: 'undefined' } as Value];
    if (!values) return;
    for (const v of values) {
      const key = literalText(v);
      if (key !== undefined) this.need(permission, site, { key: 'query', queryKey: key });
      else if (v.kind === 'any' || v.kind === 'undefined' || v.kind === 'null') this.need(permission, site, { key: 'query', anyQueryKey: true });
    }
  }

  /** gtagSet({a: {b: 1}}) checks write_data_layer on 'a.b'; gtagSet('k', v) on 'k'. */
  private dataLayerWrite(api: string, call: CallExpression): void {
    const [first, second] = call.arguments;
    if (!first) return;
    const values = this.values(first, 'key', api, 'object', 'write_data_layer');
    if (!values) return;
    const site = { api, ...position(first) };
    for (const v of values) {
      if (v.kind === 'object') {
        this.flattenedKeys(v, '', site, first);
      } else if (v.kind === 'any') {
        this.needAny('write_data_layer', { index: 0, name: 'key' }, site, first);
      } else {
        const key = literalText(v);
        if (key === undefined) continue;
        const inner = second ? this.evaluator.evaluate(second, 'key') : undefined;
        const objects = inner?.filter((x) => x.kind === 'object') ?? [];
        if (objects.length) for (const o of objects) this.flattenedKeys(o as Value & { kind: 'object' }, key + '.', site, first);
        if (!objects.length || objects.length < (inner?.length ?? 0)) this.need('write_data_layer', site, { key });
      }
    }
  }

  private flattenedKeys(v: Value & { kind: 'object' }, prefix: string, site: Site, node: Node): void {
    const keys = this.evaluator.objectKeys(v);
    if (!keys) {
      this.unresolvable(node, site.api, 'object', 'write_data_layer', false, 'the keys of the object argument');
      return;
    }
    for (const key of keys) {
      const inner = this.evaluator.propertyValue(v, key);
      const objects = (inner ?? []).filter((x): x is Value & { kind: 'object' } => x.kind === 'object');
      for (const o of objects) this.flattenedKeys(o, prefix + key + '.', site, node);
      // Values not known to be plain objects are checked as leaves.
      if (!inner || objects.length < inner.length) this.need('write_data_layer', site, { key: prefix + key });
    }
  }

  private consentWrite(api: string, call: CallExpression): void {
    const node = call.arguments[0];
    if (!node) return;
    const values = this.values(node, 'key', api, 'consentSettings', 'access_consent');
    if (!values) return;
    const site = { api, ...position(node) };
    for (const v of values) {
      if (v.kind !== 'object') continue;
      const keys = this.evaluator.objectKeys(v);
      if (!keys) {
        this.unresolvable(node, api, 'consentSettings', 'access_consent', false, 'the consent types of the consentSettings argument');
        continue;
      }
      for (const key of keys) if (!CONSENT_SETTINGS_KEYS.has(key)) this.need('access_consent', site, { key, access: 'write' });
    }
  }

  // --- helpers ----------------------------------------------------------------------------

  /** The argument's alternatives, or undefined after reporting it unresolvable. */
  private values(node: Expression | SpreadElement, mode: 'key' | 'url', api: string, name: string, permission: PermissionId, url = false): Value[] | undefined {
    const values = node.type === 'SpreadElement' ? undefined : this.evaluator.evaluate(node, mode);
    if (!values) this.unresolvable(node, api, name, permission, url);
    return values;
  }

  private unresolvable(node: Node, api: string, name: string, permission: PermissionId, url: boolean, what = 'the ' + name + ' argument'): void {
    const fix = url ? 'permitUrl(' + name + ', [...URL patterns])' : 'permit(' + name + ', [...allowed values])';
    this.problem(node, 'unresolvable-argument', api + ': ' + what + ' is not statically resolvable, so the '
      + permission + ' permission cannot be derived; use a literal or a constant, or wrap it: ' + fix, permission);
  }

  private need(permission: PermissionId, site: Site, detail: { key?: string; anyKey?: boolean; access?: Access; queryKey?: string; anyQueryKey?: boolean } = {}): void {
    const r: Requirement = { permission, ...site };
    if (detail.key !== undefined) r.key = detail.key;
    if (detail.anyKey) r.anyKey = true;
    if (detail.access) r.access = detail.access;
    if (detail.queryKey !== undefined) r.queryKey = detail.queryKey;
    if (detail.anyQueryKey) r.anyQueryKey = true;
    this.requirements.push(r);
  }

  private problem(node: Node, rule: ProblemRule, message: string, permission?: PermissionId): void {
    const p: Problem = { ...position(node), rule, message };
    if (permission) {
      p.permission = permission;
      this.unresolved.add(permission);
    }
    this.problems.push(p);
  }
}

