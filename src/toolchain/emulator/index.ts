// The GTM sandbox emulator: run a web template's code against an emulated (or real) page with
// GTM's API semantics and permission enforcement, and run its ___TESTS___ offline.
// createBrowserPage is exported from './page/browser-page' only, so Node-side code paths never
// pull DOM-dependent code through this entry point.
export { AssertionFailure, PermissionError, messageOf } from './errors';
export { toPage, toSandbox } from './boundary';
export { PermissionChecker } from './permissions-check';
export { SandboxSession, type ApiCall, type SessionOptions } from './session';
export { runTemplate, type RunTemplateOptions, type TemplateRun, type TemplateType } from './run-template';
export { runTests, type RunTestsOptions, type ScenarioResult, type TemplateUnderTest, type TestScenario } from './test-api/run-tests';
export { createTestPage, type ScriptBehaviour, type TestPage, type TestPageOptions } from './page/test-page';
export type { ContainerInfo, PageEnvironment, StorageLike } from './page/page';
export { ConsentState, type ConsentValue } from './page/consent-state';
export { Scheduler } from './page/scheduler';
export { dataLayerModel } from './page/data-layer-model';
export { API_FACTORIES } from './apis';
