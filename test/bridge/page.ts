// A happy-dom page for bridge tests: the window the bridge starts on, what it warned and
// logged, vendor stubs that record their calls, and the bridge handles to stop after each test.
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { start, type BridgeConfig, type BridgeHandle } from '../../src/bridge/index';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Win = Record<string, any>;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function newPage(url = 'https://shop.example.com/cars') {
  const win = new Window({ url }) as unknown as Win;
  const warnings: string[] = [];
  const logs: string[] = [];
  win.console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  win.console.log = (...args: unknown[]) => logs.push(args.join(' '));
  cleanups.push(() => win.happyDOM.abort());
  return { win, warnings, logs };
}

/** Starts the bridge on `win`; stopped after the test. */
export function startOn(win: Win, config: BridgeConfig): BridgeHandle {
  const handle = start(config, win);
  cleanups.push(() => handle.stop());
  return handle;
}

/** A Segment snippet stand-in: analytics.identify/reset record their arguments. */
export function segmentStub(win: Win) {
  const calls: Array<[string, ...unknown[]]> = [];
  win.analytics = {
    identify: (...args: unknown[]) => void calls.push(['identify', ...args]),
    reset: () => void calls.push(['reset']),
  };
  return calls;
}

/** A page with the Segment stub and a bridge sending to Segment. */
export function segmentPage(config: Partial<BridgeConfig> = {}, history?: unknown[]) {
  const page = newPage();
  if (history) page.win.dataLayer = history;
  const calls = segmentStub(page.win);
  const bridge = startOn(page.win, { destinations: [{ vendor: 'segment' }], ...config });
  const push = (...messages: unknown[]) => page.win.dataLayer.push(...messages);
  return { ...page, calls, bridge, push };
}
