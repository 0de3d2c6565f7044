// How a call's arguments become requirements, one handler per kind of rule (rules.ts): keys and
// URLs of keyed APIs, URL components and query keys, gtagSet's flattened keys, consent types of
// the consent-state setters. Each argument is resolved with the static evaluator (evaluate.ts);
// one that cannot be resolved, and is not wrapped in permit()/permitUrl(), becomes a problem.
// One that comes from a queryPermission guard needs the keys the template declares for its API
// (DeriveOptions.queried); without a declaration its permission is only marked as queried.
import type { CallExpression, Expression, Node, SpreadElement } from 'acorn';
import type { PermissionId } from '../../sandbox/apis';
import { isPlainHost, isUrlPattern, splitHttpsUrl } from '../../sandbox/permit';
import { literalText, patternText, urlPatternValue, type Evaluator, type Value } from './evaluate';
import { ANY_GRANTABLE, CONSENT_SETTINGS_KEYS, type ApiRule, type KeyedArgument } from './rules';
import type { Access, Problem, ProblemRule, Requirement } from './usage';

export type Site = Pick<Requirement, 'api' | 'line' | 'column'>;

/** Keys a template declares for the APIs its code calls through queryPermission guards, by API name. */
export type QueriedKeys = Readonly<Record<string, readonly string[]>>;

/** A node's 1-based line and column. */
export const position = (node: Node) => ({ line: node.loc!.start.line, column: node.loc!.start.column + 1 });

export class RequirementCollector {
  readonly requirements: Requirement[] = [];
  readonly problems: Problem[] = [];
  /** Permissions with a use that could not be resolved (see Usage.unresolved). */
  readonly unresolved = new Set<PermissionId>();
  /** Permissions with a guarded use whose keys no declaration gave (see Usage.queried). */
  readonly queried = new Set<PermissionId>();

  constructor(private readonly evaluator: Evaluator, private readonly declared?: QueriedKeys) {}

  /** Records what a call of `api` needs under `rule` (no rule: nothing). */
  apply(rule: ApiRule | undefined, api: string, call: CallExpression): void {
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
      if (v.kind === 'queried') {
        this.queriedArgument(v.permission, permission, spec, site, node);
      } else if (v.kind === 'any') {
        this.needAny(permission, spec, site, node);
      } else if (v.kind === 'string') {
        const key = spec.url ? this.urlPattern(v, node, api, permission) : literalText(v) ?? patternText(v);
        if (key === undefined) continue;
        for (const access of spec.access ?? [undefined]) this.need(permission, site, { key, access });
      }
    }
  }

  /**
   * A guarded argument: GTM is asked first, so it needs exactly the keys the template declares
   * for this API. A guard that asks about another permission than the API's protects nothing.
   */
  private queriedArgument(asked: string, permission: PermissionId, spec: KeyedArgument, site: Site, node: Node): void {
    if (asked !== permission) {
      this.problem(node, 'guard-mismatch', site.api + ': the ' + spec.name + ' argument is guarded by queryPermission(\'' + asked
        + '\'), but ' + site.api + ' needs ' + permission, permission);
      return;
    }
    if (!this.declared) {
      this.queried.add(permission);
      return;
    }
    const keys = Object.prototype.hasOwnProperty.call(this.declared, site.api) ? this.declared[site.api] : [];
    if (!keys.length) {
      this.problem(node, 'guard-undeclared', site.api + ': the ' + spec.name + ' argument is asked of GTM at run time '
        + '(queryPermission), but the template declares no keys for ' + site.api, permission);
    }
    for (const key of keys) {
      if (key === '*') {
        this.needAny(permission, spec, site, node);
        continue;
      }
      const declared = spec.url ? this.urlPattern(urlPatternValue(key), node, site.api, permission) : key;
      if (declared === undefined) continue;
      for (const access of spec.access ?? [undefined]) this.need(permission, site, { key: declared, access });
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

  need(permission: PermissionId, site: Site, detail: { key?: string; anyKey?: boolean; access?: Access; queryKey?: string; anyQueryKey?: boolean } = {}): void {
    const r: Requirement = { permission, ...site };
    if (detail.key !== undefined) r.key = detail.key;
    if (detail.anyKey) r.anyKey = true;
    if (detail.access) r.access = detail.access;
    if (detail.queryKey !== undefined) r.queryKey = detail.queryKey;
    if (detail.anyQueryKey) r.anyQueryKey = true;
    this.requirements.push(r);
  }

  problem(node: Node, rule: ProblemRule, message: string, permission?: PermissionId): void {
    const p: Problem = { ...position(node), rule, message };
    if (permission) {
      p.about = permission;
      this.unresolved.add(permission);
    }
    this.problems.push(p);
  }
}
