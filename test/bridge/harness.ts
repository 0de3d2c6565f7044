// Shared set-up for the bridge tests:
// - a data-layer watcher on a host object standing in for window, and what it reported;
// - happy-dom pages the bridge starts on (or a built bundle runs in), closed after each test;
// - gtag, a Segment stub, and a catch for unhandled promise rejections.
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { watchDataLayer, type MessageMeta, type Model, type WatchDataLayerOptions } from '../../src/bridge/datalayer';
import { start, type BridgeConfig, type BridgeHandle } from '../../src/bridge/index';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Win = Record<string, any>;

// --- the data-layer watcher ------------------------------------------------------------------

export interface Call {
  message: unknown;
  model: Model;
  meta: MessageMeta;
}

export function watch(initial?: unknown[], options: Partial<WatchDataLayerOptions> = {}, host: Record<string, unknown> = {}) {
  if (initial) host.dataLayer = initial;
  const calls: Call[] = [];
  const errors: Array<{ error: unknown; message: unknown }> = [];
  const watcher = watchDataLayer(host, {
    onMessage: (message, model, meta) => calls.push({ message, model, meta }),
    onError: (error, message) => errors.push({ error, message }),
    ...options,
  });
  const dataLayer = host.dataLayer as unknown[];
  return { host, dataLayer, calls, errors, watcher, messages: () => calls.map((call) => call.message) };
}

/** What `function gtag(){dataLayer.push(arguments)}` does. */
export function gtagOn(dataLayer: unknown[]) {
  return function gtag(..._args: unknown[]): void {
    dataLayer.push(arguments);
  };
}

/** The `arguments` object gtag would push for these values. */
export function argumentsOf(...values: unknown[]): IArguments {
  return (function (..._values: unknown[]) {
    return arguments;
  })(...values);
}

// --- pages -----------------------------------------------------------------------------------

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A happy-dom window, closed after the test. */
export function newWindow(options: ConstructorParameters<typeof Window>[0] = {}): Win {
  const win = new Window({ url: 'https://shop.example.com/cars', ...options }) as unknown as Win;
  cleanups.push(() => win.happyDOM.abort());
  return win;
}

/** A page whose console warnings and logs are recorded. */
export function newPage(url = 'https://shop.example.com/cars') {
  const win = newWindow({ url });
  const warnings: string[] = [];
  const logs: string[] = [];
  win.console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  win.console.log = (...args: unknown[]) => logs.push(args.join(' '));
  return { win, warnings, logs };
}

/** A page that runs `code` (a built bundle) as a <script> after `setup`; console.warn is recorded. */
export function scriptPage(code: string, setup: (win: Win) => void = () => {}) {
  const win = newWindow({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const warnings: string[] = [];
  win.console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  setup(win);
  runScript(win, code);
  return { win, warnings };
}

export function runScript(win: Win, code: string): void {
  const script = win.document.createElement('script');
  script.textContent = code;
  win.document.head.appendChild(script);
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
  const gtag = gtagOn(page.win.dataLayer);
  return { ...page, calls, bridge, push, gtag };
}

/** Runs `body`, then waits `settleMs` for Node to report rejections nobody handled; returns them. */
export async function unhandledRejections(body: () => Promise<void>, settleMs = 10): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return unhandled;
}
