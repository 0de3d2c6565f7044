import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { toPermissions } from '../../src/toolchain/permissions/to-permissions';

/** Bundles a fixture entry as the template compiler does, with its gtm-sandbox import turned into requires. */
function compile(entry: string): string {
  const { outputFiles } = buildSync({
    entryPoints: [new URL('../fixtures/permissions/bundle/' + entry, import.meta.url).pathname],
    bundle: true, format: 'esm', write: false, external: ['gtm-sandbox'], logLevel: 'silent',
    supported: { 'template-literal': false, 'optional-chain': false, 'nullish-coalescing': false, 'logical-assignment': false },
  });
  return outputFiles[0].text.replace(/import \{([^}]*)\} from "gtm-sandbox";/, (_, names: string) =>
    names.split(',').map((n) => n.trim()).map((n) => 'const ' + n + " = require('" + n + "');").join('\n'));
}

describe('permissions of an esbuild bundle', () => {
  const code = compile('entry.ts');

  it('still recognises permit() and permitUrl() after bundling, beside a renamed permit2 of another module', () => {
    expect(code).toContain('function permit2(');
    const { usage, problems } = deriveUsage(code);
    expect(problems).toEqual([]);
    expect(toPermissions(usage).map((p) => [p.publicId, p.params])).toEqual([
      ['access_globals', { keys: [
        { key: 'analytics.identify', read: false, write: false, execute: true },
        { key: 'analytics.reset', read: false, write: false, execute: true },
        { key: 'cioanalytics.identify', read: false, write: false, execute: true },
        { key: 'cioanalytics.reset', read: false, write: false, execute: true },
      ] }],
      ['inject_script', { urls: ['https://cdn.segment.com/analytics.js/v1/*/analytics.min.js'] }],
      ['logging', { environments: 'debug' }],
    ]);
  });
});
