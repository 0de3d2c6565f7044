// gtm-sandbox.d.ts (the types sandboxed TypeScript compiles against) lists the same APIs as the
// table the gate, the deriver and the emulator read (src/sandbox/apis.ts); an ambient
// .d.ts cannot import that table, so this test keeps the two lists in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_APIS, WEB_APIS } from '../../src/sandbox/apis';

const TYPES = readFileSync(new URL('../../src/sandbox/gtm-sandbox.d.ts', import.meta.url), 'utf8');

/** The body of `declare module 'name' { … }`, up to the closing brace at the start of a line. */
function moduleBody(name: string): string {
  const start = TYPES.indexOf(`declare module '${name}' {`);
  return TYPES.slice(start, TYPES.indexOf('\n}', start));
}

const exportedValues = (body: string): string[] =>
  [...body.matchAll(/^ {2}export (?:function|const) (\w+)/gm)].map((m) => m[1]).sort();

describe('the gtm-sandbox type declarations', () => {
  it("declare every web API of the sandbox table and nothing else, JSON, Math and Object excepted (used as globals)", () => {
    const objectGlobals = ['JSON', 'Math', 'Object'];
    const expected = Object.keys(WEB_APIS).filter((api) => !objectGlobals.includes(api)).sort();
    expect(exportedValues(moduleBody('gtm-sandbox'))).toEqual(expected);
  });

  it('declare the members the sandbox table lists for localStorage and templateStorage', () => {
    for (const api of ['localStorage', 'templateStorage']) {
      const block = moduleBody('gtm-sandbox').split(`export const ${api}: {`)[1].split('};')[0];
      const members = [...block.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]);
      expect(members, api).toEqual(WEB_APIS[api].members);
    }
  });

  it('declare the test APIs, plus scenario() for authoring', () => {
    expect(exportedValues(moduleBody('gtm-sandbox/test'))).toEqual([...TEST_APIS, 'scenario'].sort());
  });
});
