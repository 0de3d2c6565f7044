import { describe, expect, it } from 'vitest';
import { toPage, toSandbox } from '../../src/toolchain/emulator/boundary';

describe('values crossing the sandbox boundary', () => {
  it('copies objects and arrays, sharing a copy where the source shared a reference', () => {
    const shared = { a: 1 };
    const source = { list: [shared, shared], nested: { shared } };
    const copy = toSandbox(source) as { list: unknown[]; nested: { shared: unknown } };
    expect(copy).toEqual(source);
    expect(copy.list[0]).not.toBe(shared);
    expect(copy.list[0]).toBe(copy.list[1]);
    expect(copy.nested.shared).toBe(copy.list[0]);
  });

  it('drops dates and DOM-like page objects going into the sandbox but not going out', () => {
    const date = new Date(0);
    expect(toSandbox({ date, node: { nodeType: 1 } })).toEqual({ date: undefined, node: undefined });
    expect(toPage({ date })).toEqual({ date: {} });
  });

  it('wraps a page function so its arguments go out and its result comes in as copies', () => {
    const received: unknown[] = [];
    const pageFn = (arg: unknown) => {
      received.push(arg);
      return { from: 'page' };
    };
    const wrapped = toSandbox(pageFn) as (arg: unknown) => unknown;
    expect(wrapped).not.toBe(pageFn);
    expect(toSandbox(pageFn)).toBe(wrapped);
    const argument = { from: 'sandbox' };
    expect(wrapped(argument)).toEqual({ from: 'page' });
    expect(received[0]).toEqual(argument);
    expect(received[0]).not.toBe(argument);
  });

  it('unwraps a wrapper crossing back to the function it carries, both ways', () => {
    const pageFn = () => 1;
    const sandboxFn = () => 2;
    expect(toPage(toSandbox(pageFn))).toBe(pageFn);
    expect(toSandbox(toPage(sandboxFn))).toBe(sandboxFn);
    expect(toPage(sandboxFn)).not.toBe(sandboxFn);
  });
});
