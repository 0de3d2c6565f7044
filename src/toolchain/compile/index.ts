// The compiler's public API: TypeScript → sandboxed JavaScript, the sandbox gate, and the
// ___TESTS___ scenario compiler.
export type { Diagnostic } from './diagnostic';
export { formatDiagnostic, sortDiagnostics } from './diagnostic';
export { compileSandbox, type CompileOptions, type CompileResult } from './sandbox';
export { gateCode, type GateMode, type GateOptions } from './gate';
export { compileScenarios, type CompiledScenario, type ScenariosOptions, type ScenariosResult } from './scenarios';
