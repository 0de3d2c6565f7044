// Running template code: once outside tests (runTemplate, for vitest suites and the demo), and
// as the runCode of ___TESTS___ (test-api/run-tests.ts). Both give the code a copy of `data`,
// plus gtmOnSuccess/gtmOnFailure for tags, recorded like API calls so assertApi can see them.
import { isObject } from '../../sandbox/object';
import type { Permission } from '../permissions/codec';
import { compileSandboxed, type SandboxFunction } from './execute';
import type { PageEnvironment } from './page/page';
import { createTestPage, type TestPage } from './page/test-page';
import { SandboxSession, type ApiCall } from './session';

export type TemplateType = 'TAG' | 'MACRO';

/** The free names of template code. */
export const TEMPLATE_PARAMETERS = ['data', 'require'] as const;

/**
 * The template code compiled once; a syntax error is rethrown by every run, as GTM reports it per
 * run. `sourceUrl` names its script for coverage.
 */
export function compileTemplate(code: string, sourceUrl?: string): (data: Record<string, unknown>, require: unknown) => unknown {
  let compiled: SandboxFunction | undefined;
  let syntaxError: unknown;
  try {
    compiled = compileSandboxed(TEMPLATE_PARAMETERS, code, sourceUrl);
  } catch (error) {
    syntaxError = error;
  }
  return (data, require) => {
    if (!compiled) throw syntaxError;
    return compiled(data, require);
  };
}

/**
 * A copy of sandbox data: arrays and objects copied, functions and primitives kept. Own keys
 * stay own keys, `"__proto__"` included (GTM hands the template what the field holds, and a
 * `{{variable}}` may hold such a key [INF]); shared parts stay shared and cycles stay cycles.
 * Iterative, so a 10,000-deep value costs no stack.
 */
export function copyData(value: unknown): unknown {
  const copies = new Map<object, unknown>();
  const pending: object[] = [];
  const copyOf = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') return item;
    let copy = copies.get(item);
    if (copy === undefined) {
      copy = Array.isArray(item) ? [] : {};
      copies.set(item, copy);
      pending.push(item);
    }
    return copy;
  };
  const root = copyOf(value);
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    const target = copies.get(source) as Record<string, unknown>;
    for (const key of Object.keys(source)) {
      const item = copyOf((source as Record<string, unknown>)[key]);
      Object.defineProperty(target, key, { value: item, writable: true, enumerable: true, configurable: true });
    }
  }
  return root;
}

/** The `data` one run receives. */
export function runData(session: SandboxSession, data: unknown, type: TemplateType): Record<string, unknown> {
  const copy = (isObject(data) ? copyData(data) : {}) as Record<string, unknown>;
  if (type === 'TAG') {
    copy.gtmOnSuccess = (...args: unknown[]) => session.record('gtmOnSuccess', args);
    copy.gtmOnFailure = (...args: unknown[]) => session.record('gtmOnFailure', args);
  }
  return copy;
}

const countCalls = (calls: readonly ApiCall[], api: string): number => calls.filter((call) => call.api === api).length;

/** addEventCallback callbacks run when the event ends, told how this tag finished [INF: status names]. */
export async function endEvent(session: SandboxSession): Promise<void> {
  const { page, templateId, eventCallbacks } = session.context;
  const status = countCalls(session.calls, 'gtmOnSuccess') ? 'success' : countCalls(session.calls, 'gtmOnFailure') ? 'failure' : 'timeout';
  for (const callback of eventCallbacks.splice(0)) {
    page.scheduler.schedule(() => {
      callback(page.container.containerId, { tags: [{ id: templateId, status, executionTime: 0 }] });
    });
  }
  await page.scheduler.drain();
}

export interface RunTemplateOptions<P extends PageEnvironment = PageEnvironment> {
  /** Decoded ___WEB_PERMISSIONS___ (default: none, so every guarded API is refused). */
  permissions?: readonly Permission[];
  /** Default: a fresh createTestPage(). */
  page?: P;
  /** MACRO runs return the code's return value (default 'TAG'). */
  type?: TemplateType;
  templateId?: string;
  /** API mocks, as mock(name, value) in ___TESTS___ (unchecked). */
  mocks?: Record<string, unknown>;
  /** Run asynchronous callbacks to completion before returning (default true). */
  drain?: boolean;
}

export interface TemplateRun<P extends PageEnvironment = PageEnvironment> {
  /** The variable's value (MACRO); undefined for tags. */
  result: unknown;
  successCalls: number;
  failureCalls: number;
  /** logToConsole lines. */
  logs: string[];
  /** Every API call made through `require`, in order, with gtmOnSuccess/gtmOnFailure. */
  calls: ApiCall[];
  page: P;
  /** The first error thrown by the code or by one of its asynchronous callbacks. */
  error?: Error;
}

export async function runTemplate<P extends PageEnvironment = TestPage>(
  code: string, data: Record<string, unknown> = {}, options: RunTemplateOptions<P> = {},
): Promise<TemplateRun<P>> {
  const page = options.page ?? (createTestPage() as PageEnvironment as P);
  const type = options.type ?? 'TAG';
  const session = new SandboxSession({ page, permissions: options.permissions ?? [], templateId: options.templateId });
  for (const [name, value] of Object.entries(options.mocks ?? {})) session.mock(name, value);
  let result: unknown;
  let error: Error | undefined;
  try {
    const value = compileTemplate(code)(runData(session, data, type), session.require);
    if (type === 'MACRO') result = value;
    if (options.drain !== false) {
      await page.scheduler.drain();
      await endEvent(session);
    }
  } catch (thrown) {
    error = thrown instanceof Error ? thrown : new Error(String(thrown));
  }
  return {
    result,
    successCalls: countCalls(session.calls, 'gtmOnSuccess'),
    failureCalls: countCalls(session.calls, 'gtmOnFailure'),
    logs: session.logs,
    calls: session.calls,
    page,
    error,
  };
}
