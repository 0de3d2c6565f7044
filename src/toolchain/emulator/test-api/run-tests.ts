// The ___TESTS___ runner. Per scenario: a fresh test page and a fresh session (mocks, call
// records and logs never leak between scenarios); the setup code and the scenario code run as
// one function body whose free names are the test API (runCode, mock, mockObject, assertApi,
// assertThat, fail) and require [REAL: setup variables and mocks are used by scenarios in
// Rakuten's and stape's templates].
//
// Asynchronous callbacks (callLater, injectScript, sendPixel, sha256, consent updates) run
// after the scenario body, in order, and an assertion failing inside one fails the scenario
// [REAL: stape's templates defer assertions with callLater(() => assertApi(…)…) after runCode,
// which only works if GTM runs pending callbacks after the body and reports their failures].
// runCode itself is synchronous: a mock that calls its callback directly, as most real tests
// do, has done so when runCode returns.
//
// The page is in debug (preview) mode: GTM runs tests in the template editor and shows their
// console output [DOC tests page], so `logging: debug` templates log in tests.
import type { Permission } from '../../permissions/codec';
import { TEST_APIS } from '../../../sandbox/apis';
import { AssertionFailure, messageOf } from '../errors';
import { compileSandboxed } from '../execute';
import type { PageEnvironment } from '../page/page';
import { createTestPage, type TestPageOptions } from '../page/test-page';
import { compileTemplate, endEvent, runData, type TemplateType } from '../run-template';
import { SandboxSession } from '../session';
import { assertApi } from './assert-api';
import { assertThat } from './assert-that';

export interface TestScenario {
  name: string;
  code: string;
}

export interface TemplateUnderTest {
  code: string;
  permissions: readonly Permission[];
  type: TemplateType;
  tests: { scenarios: readonly TestScenario[]; setup?: string };
  /** Identifies the template for templateStorage. */
  templateId?: string;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  /** Why it failed: the assertion, permission or error message (no stack trace). */
  message?: string;
  /** logToConsole lines of the scenario. */
  logs: string[];
}

export interface RunTestsOptions {
  /** Runs only scenarios whose name contains this text (case-insensitive). */
  filter?: string;
  /** How each scenario's page starts (it is always in debug mode). */
  page?: TestPageOptions;
  /** Names the template code's script, for V8's coverage (see coverage/collect.ts). */
  sourceUrl?: string;
}

const TEST_PARAMETERS = [...TEST_APIS, 'require'] as const;

function scenarioPage(options: RunTestsOptions): PageEnvironment {
  const page = options.page ?? {};
  return createTestPage({ ...page, container: { ...page.container, debugMode: true, previewMode: true } });
}

async function runScenario(
  template: TemplateUnderTest, runTemplateCode: ReturnType<typeof compileTemplate>, scenario: TestScenario, options: RunTestsOptions,
): Promise<ScenarioResult> {
  const page = scenarioPage(options);
  const session = new SandboxSession({ page, permissions: template.permissions, templateId: template.templateId });
  const api: Record<(typeof TEST_PARAMETERS)[number], unknown> = {
    runCode: (data: unknown) => {
      const value = runTemplateCode(runData(session, data, template.type), session.require);
      return template.type === 'MACRO' ? value : undefined;
    },
    mock: (name: unknown, value: unknown) => session.mock(String(name), value),
    mockObject: (name: unknown, value: unknown) => session.mockObject(String(name), value),
    assertApi: (name: unknown) => assertApi(session.calls, name),
    assertThat,
    fail: (message?: unknown) => {
      throw new AssertionFailure(message === undefined ? 'fail() was called' : String(message));
    },
    require: session.testRequire,
  };
  try {
    const body = compileSandboxed(TEST_PARAMETERS, `${template.tests.setup ?? ''}\n${scenario.code}`);
    body(...TEST_PARAMETERS.map((name) => api[name]));
    await page.scheduler.drain();
    await endEvent(session);
    return { name: scenario.name, passed: true, logs: session.logs };
  } catch (error) {
    return { name: scenario.name, passed: false, message: messageOf(error) + dataHint(error), logs: session.logs };
  }
}

/**
 * Test code has no `data` variable [INF: GTM's test template and every published test we ran
 * build their own object and pass it to runCode; nothing shows a `data` in test code, so the
 * stricter reading], and a scenario that reads one is told what to change.
 */
const dataHint = (error: unknown): string =>
  error instanceof ReferenceError && /^data is not defined/.test(error.message)
    ? ' (test code has no `data`: build the fields in the test, e.g. const mockData = {…}, and call runCode(mockData))'
    : '';

export async function runTests(template: TemplateUnderTest, options: RunTestsOptions = {}): Promise<ScenarioResult[]> {
  const filter = options.filter?.toLowerCase();
  const scenarios = template.tests.scenarios.filter((scenario) => !filter || scenario.name.toLowerCase().includes(filter));
  const runTemplateCode = compileTemplate(template.code, options.sourceUrl);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(template, runTemplateCode, scenario, options));
  return results;
}
