// The ESM build consumed as the package 'gtm-identify': buildBridge's files are laid out as
// node_modules/gtm-identify (with the repository's `exports`) in a temporary project, then
// - tsc type-checks a consumer importing from 'gtm-identify' (Node's ESM resolution, so the
//   types come through `exports` to dist/identify-bridge.d.ts, library checks on);
// - Node runs a consumer that imports the package and starts the bridge on a happy-dom window.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBridge } from '../../src/bridge/build';

const root = join(__dirname, '../..');
let project = '';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(async () => {
  const built = await buildBridge(root);
  expect(built.problems).toEqual([]);
  project = mkdtempSync(join(tmpdir(), 'gtm-identify-consumer-'));
  const pkg = join(project, 'node_modules/gtm-identify');
  for (const [file, text] of Object.entries(built.files)) write(join(pkg, file), text);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { name, version, type, types, exports } = manifest;
  write(join(pkg, 'package.json'), JSON.stringify({ name, version, type, types, exports }, null, 2));
  symlinkSync(join(root, 'node_modules/happy-dom'), join(project, 'node_modules/happy-dom'), 'dir');
  write(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 60_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the ESM build as the package 'gtm-identify'", () => {
  it('type-checks a consumer importing start and the config types, and rejects a config of the wrong shape', () => {
    write(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
        lib: ['es2022', 'dom'], types: [], skipLibCheck: false,
      },
      files: ['consumer.ts'],
    }));
    write(join(project, 'consumer.ts'), [
      "import { start, type BridgeConfig, type BridgeHandle, type EngineOutcome } from 'gtm-identify';",
      '',
      'const config: BridgeConfig = {',
      "  destinations: [{ vendor: 'segment' }, { vendor: 'gist', appId: 'abc', loadScript: true }],",
      "  rules: [{ event: /^lead_/, tags: ['brand'], traits: { plan: { path: 'account.plan', type: 'text' } }, source: 'model' }],",
      "  consent: { type: 'analytics_storage', whenDenied: 'wait' },",
      '};',
      'const bridge: BridgeHandle = start(config);',
      'export const count: Promise<number> = bridge.flush().then((outcomes: EngineOutcome[]) => outcomes.length);',
      // the types are real, not `any`: each of these must be an error
      "// @ts-expect-error 'modle' is not a source",
      "start({ destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', source: 'modle' }] });",
      '// @ts-expect-error destinations are required',
      'start({});',
      '',
    ].join('\n'));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 30_000);

  it('imports in Node and starts the bridge on a happy-dom window passed to start()', () => {
    write(join(project, 'run.mjs'), `
      import { start } from 'gtm-identify';
      import { Window } from 'happy-dom';
      const win = new Window({ url: 'https://shop.example.com/' });
      const calls = [];
      win.analytics = { identify: (...args) => calls.push(args), reset: () => calls.push(['reset']) };
      win.dataLayer = [{ event: 'user_sign_in', user_id: 'u1', traits: { plan: 'pro' } }];
      const bridge = start({ destinations: [{ vendor: 'segment' }] }, win);
      win.dataLayer.push({ event: 'user_logout' });
      const outcomes = await bridge.flush();
      bridge.stop();
      await win.happyDOM.abort();
      console.log(JSON.stringify({ typeofStart: typeof start, calls, statuses: outcomes.map((o) => o.results[0].status) }));
    `);
    const run = spawnSync(process.execPath, ['run.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      typeofStart: 'function',
      calls: [['u1', { plan: 'pro' }], ['reset']],
      statuses: ['sent', 'sent'],
    });
  }, 30_000);
});
