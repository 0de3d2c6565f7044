// The esbuild `supported` table shared by the bundle and the scenario transform: lower only what
// esbuild can lower without runtime helpers, and leave everything else as written so the gate
// reports it at its TypeScript position (object spread would otherwise become __spreadValues,
// `**` __pow).
export const SANDBOX_SUPPORTED: Record<string, boolean> = {
  'template-literal': false,
  'optional-chain': false,
  'nullish-coalescing': false,
  'logical-assignment': false,
};

/** The module specifier that stands for the sandbox's require-able APIs. */
export const SANDBOX_MODULE = 'gtm-sandbox';
/** Test APIs (globals in ___TESTS___); imports of it are dropped. */
export const SANDBOX_TEST_MODULE = 'gtm-sandbox/test';
