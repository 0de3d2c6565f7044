// One sandbox session: the `require` that template code (and ___TESTS___ code) receives.
// `require(name)` returns a dispatcher that, at each call, records the call (for assertApi)
// and runs the test's mock if one is set — unchecked, as GTM skips permission checks for
// mocked APIs — or the real implementation, which enforces the permissions. A name GTM does
// not have gives undefined.
import type { Permission } from '../permissions/codec';
import { WEB_APIS, isWebApi } from '../../sandbox/apis';
import { API_FACTORIES } from './apis';
import type { ApiContext } from './apis/context';
import { isDebugMode, type PageEnvironment } from './page/page';
import { PermissionChecker } from './permissions-check';

export interface ApiCall {
  api: string;
  args: unknown[];
}

export interface SessionOptions {
  page: PageEnvironment;
  permissions: readonly Permission[];
  /** Identifies the template for templateStorage (default 'template'). */
  templateId?: string;
}

type AnyFunction = (...args: unknown[]) => unknown;

export class SandboxSession {
  readonly calls: ApiCall[] = [];
  readonly logs: string[] = [];
  readonly context: ApiContext;
  private readonly mocks = new Map<string, unknown>();
  private readonly objectMocks = new Map<string, Record<string, unknown>>();
  private readonly implementations = new Map<string, unknown>();

  constructor(readonly options: SessionOptions) {
    const { page } = options;
    this.context = {
      page,
      permissions: new PermissionChecker(options.permissions, () => isDebugMode(page)),
      templateId: options.templateId ?? 'template',
      log: (line) => this.logs.push(line),
      eventCallbacks: [],
    };
  }

  get page(): PageEnvironment {
    return this.options.page;
  }

  /** mock(): a function replaces the API; any other value is what the API returns. */
  mock(name: string, value: unknown): void {
    if (WEB_APIS[name]?.kind === 'object' && typeof value === 'object' && value !== null) this.mockObject(name, value);
    else this.mocks.set(name, value);
  }

  mockObject(name: string, value: unknown): void {
    this.objectMocks.set(name, (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>);
  }

  record(api: string, args: unknown[]): void {
    this.calls.push({ api, args });
  }

  readonly require = (name: unknown): unknown => {
    const api = String(name);
    const spec = isWebApi(api) ? WEB_APIS[api] : undefined;
    if (spec?.kind === 'object' || (!spec && this.objectMocks.has(api))) return this.objectDispatcher(api, spec?.members ?? []);
    if (spec || this.mocks.has(api)) return this.functionDispatcher(api);
    return undefined;
  };

  /**
   * The `require` of ___TESTS___ code: the real API even after `mock`, which changes only what
   * the template's `require` returns [REAL: the tests of Amazon's amznjs, TikTok's pixel and
   * Contentstack's templates take the real logToConsole, then mock it with a function that calls it]. Its calls are permission-checked
   * like the template's and are not recorded for assertApi [INF].
   */
  readonly testRequire = (name: unknown): unknown => {
    const api = String(name);
    if (!isWebApi(api)) return undefined;
    if (WEB_APIS[api].kind === 'object') return this.implementation(api);
    return (...args: unknown[]) => this.callReal(api, args);
  };

  private callReal(api: string, args: unknown[]): unknown {
    const real = this.implementation(api);
    if (typeof real !== 'function') throw new Error(`${api} is not implemented by the emulator`);
    return real(...args);
  }

  private implementation(api: string): unknown {
    if (!this.implementations.has(api)) {
      const factory = API_FACTORIES[api];
      this.implementations.set(api, factory ? factory(this.context) : undefined);
    }
    return this.implementations.get(api);
  }

  private functionDispatcher(api: string): AnyFunction {
    return (...args: unknown[]) => {
      this.record(api, args);
      if (this.mocks.has(api)) {
        const mocked = this.mocks.get(api);
        return typeof mocked === 'function' ? mocked(...args) : mocked;
      }
      return this.callReal(api, args);
    };
  }

  private objectDispatcher(api: string, members: readonly string[]): Record<string, AnyFunction> {
    const names = new Set([...members, ...Object.keys(this.objectMocks.get(api) ?? {})]);
    const dispatcher: Record<string, AnyFunction> = {};
    for (const member of names) {
      dispatcher[member] = (...args: unknown[]) => {
        const mocked = this.objectMocks.get(api);
        const target = mocked ? mocked[member] : (this.implementation(api) as Record<string, unknown>)[member];
        if (typeof target !== 'function') return mocked ? target : undefined;
        return target(...args);
      };
    }
    return dispatcher;
  }
}
