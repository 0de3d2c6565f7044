// deriveUsage: what ___WEB_PERMISSIONS___ the final sandboxed JavaScript needs, read statically
// from the code — our compiled bundles or the code of any third-party .tpl. It finds the
// `require('api')` bindings (and direct `require('api')(…)` calls) and follows their calls; how
// each call's arguments become requirements is requirements.ts's job.
import type { AnyNode, CallExpression, Identifier } from 'acorn';
import { analyseCode, type CodeAnalysis } from '../js/analyse';
import type { Binding, ScopeAnalysis } from '../js/scope';
import { TEST_APIS, WEB_APIS, isWebApi } from '../../sandbox/apis';
import { Evaluator } from './evaluate';
import { RequirementCollector, position, type QueriedKeys } from './requirements';
import { collectFacts, type CodeFacts } from './facts';
import { FUNCTION_RULES, MEMBER_RULES, isKeyedRule, permissionOf } from './rules';
import type { Problem, Usage } from './usage';

export interface DeriveOptions {
  /** Accept the ___TESTS___ APIs (runCode, mock, assertApi …) as known require() names. */
  testApis?: boolean;
  /**
   * The keys the code passes to an API only after asking GTM (a queryPermission guard), by API
   * name as calls are named here ('callInWindow', 'localStorage.getItem'; '*' for any key). The
   * code carries no list of them (GTM answers at run time), so the template's source declares
   * them and they become that API's requirements. Absent: guarded uses only mark their
   * permission as queried (Usage.queried).
   */
  queried?: QueriedKeys;
}

export interface Derivation {
  usage: Usage;
  problems: Problem[];
}

/** An own entry of a lookup table (never an Object.prototype member such as 'constructor'). */
function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Derives from code, or from its analysis when the caller has one (lint and build share it with the gate). */
export function deriveUsage(code: string | CodeAnalysis, options: DeriveOptions = {}): Derivation {
  const analysed = typeof code === 'string' ? analyseCode(code) : code;
  if (analysed.error) {
    return { usage: { requirements: [] }, problems: [{ ...analysed.error, rule: 'syntax-error' }] };
  }
  return new Deriver(analysed.scopes, collectFacts(analysed.scopes.program), options).run();
}

class Deriver {
  private readonly collector: RequirementCollector;
  /** require() calls and API references whose use is understood (called, or aliased). */
  private readonly handled = new Set<AnyNode>();
  private readonly apiCache = new Map<Binding, string | undefined>();

  constructor(private readonly scopes: ScopeAnalysis, private readonly facts: CodeFacts, private readonly options: DeriveOptions) {
    const isQueryPermission = (callee: AnyNode) => this.apiOf(callee) === 'queryPermission';
    this.collector = new RequirementCollector(new Evaluator(scopes, isQueryPermission), options.queried);
  }

  run(): Derivation {
    for (const call of this.facts.calls) this.visitCall(call);
    this.markAliases();
    this.reportOtherUses();
    const { requirements, problems } = this.collector;
    const unresolved = [...this.collector.unresolved].sort();
    const queried = [...this.collector.queried].sort();
    const usage: Usage = unresolved.length ? { requirements, unresolved } : { requirements };
    if (queried.length) usage.queried = queried;
    return { usage, problems };
  }

  private isRequireCall(node: AnyNode): node is CallExpression {
    return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require'
      && !this.bindingOf(node.callee);
  }

  /** The binding an identifier refers to (undefined for globals such as data and require). */
  private bindingOf(id: Identifier): Binding | undefined {
    return this.scopes.resolveAt(id, id.name);
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
    else if (init.type === 'Identifier') api = this.apiOfBinding(this.bindingOf(init));
    this.apiCache.set(binding, api);
    return api;
  }

  /** The API an expression stands for: a binding of one, or a direct require('api'). */
  private apiOf(node: AnyNode): string | undefined {
    if (node.type === 'Identifier') return this.apiOfBinding(this.bindingOf(node));
    if (this.isRequireCall(node)) return this.requiredName(node);
    return undefined;
  }

  private visitCall(call: CallExpression): void {
    if (this.isRequireCall(call)) this.checkRequire(call);
    const callee = call.callee;
    const api = this.apiOf(callee);
    if (api && own(WEB_APIS, api)?.kind === 'function') {
      this.handled.add(callee);
      this.collector.apply(own(FUNCTION_RULES, api), api, call);
      return;
    }
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const objectApi = this.apiOf(callee.object);
      if (objectApi && own(WEB_APIS, objectApi)?.kind === 'object') {
        this.handled.add(callee.object);
        const method = callee.property.name;
        this.collector.apply(own(own(MEMBER_RULES, objectApi), method), objectApi + '.' + method, call);
      }
    }
  }

  private checkRequire(call: CallExpression): void {
    const name = this.requiredName(call);
    if (name === undefined) {
      this.collector.problem(call, 'require-non-literal', 'require() needs a string literal naming the API, so its permissions can be derived');
    } else if (!isWebApi(name) && !(this.options.testApis && (TEST_APIS as readonly string[]).includes(name))) {
      this.collector.problem(call, 'unknown-api', "require('" + name + "'): the web sandbox has no API of that name");
    }
  }

  /** `const b = a` where a holds an API: a's use is followed through b (unless b is reassigned). */
  private markAliases(): void {
    for (const binding of this.scopes.bindings) {
      if (binding.init && this.apiOfBinding(binding) !== undefined) this.handled.add(binding.init);
    }
  }

  /** APIs used other than by calling them: fine without keys, an error for keyed APIs. */
  private reportOtherUses(): void {
    const uses = [...(this.scopes.references.keys() as Iterable<Identifier>), ...this.facts.calls.filter((c) => this.isRequireCall(c))];
    for (const node of uses) {
      if (this.handled.has(node) || this.facts.conditions.has(node)) continue;
      const api = this.apiOf(node);
      if (!api || !isWebApi(api)) continue;
      const rules = WEB_APIS[api].kind === 'function' ? [own(FUNCTION_RULES, api)] : Object.values(own(MEMBER_RULES, api) ?? {});
      const keyedRule = rules.find((r) => r && isKeyedRule(r));
      if (keyedRule) {
        const direct = WEB_APIS[api].kind === 'function' ? api + '(…)' : api + '.' + Object.keys(own(MEMBER_RULES, api) ?? {})[0] + '(…)';
        this.collector.problem(node, 'untracked-api-use', api + ' is used as a value, so the keys it is called with cannot be '
          + 'derived; call it directly (' + direct + ') where the keyed arguments are written', permissionOf(keyedRule));
      } else {
        for (const rule of rules) if (rule && rule.kind === 'plain') this.collector.need(rule.permission, { api, ...position(node) });
      }
    }
  }
}
