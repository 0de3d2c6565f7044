// lint and test read a .tpl once: one split into sections and one parse of the ___TESTS___ YAML
// give the model, its problems and the positions every later diagnostic is placed with.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cli, fixture } from './harness';

const calls = vi.hoisted(() => ({ sections: 0, yaml: 0 }));

vi.mock('../../src/toolchain/tpl/parse', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/toolchain/tpl/parse')>();
  return { ...original, parseTpl: (text: string) => (calls.sections++, original.parseTpl(text)) };
});

vi.mock('yaml', async (importOriginal) => {
  const original = await importOriginal<typeof import('yaml')>();
  const parseDocument = ((...args: Parameters<typeof original.parseDocument>) => (calls.yaml++, original.parseDocument(...args))) as typeof original.parseDocument;
  return { ...original, parseDocument };
});

beforeEach(() => {
  calls.sections = 0;
  calls.yaml = 0;
});

describe('a .tpl is read once per command', () => {
  it.each(['lint', 'test'])('gtm-tpl %s splits the file into sections once and parses ___TESTS___ once', async (command) => {
    const run = await cli([command, fixture('scenario-syntax-error.tpl')]);
    expect(run.out.length + run.err.length).toBeGreaterThan(0);
    expect(calls).toEqual({ sections: 1, yaml: 1 });
  });
});
