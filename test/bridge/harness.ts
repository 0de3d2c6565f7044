// Shared set-up for the bridge tests:
// - a data-layer watcher on a host object standing in for window, and what it reported;
// - happy-dom pages the bridge starts on (or a built bundle runs in), closed after each test;
// - gtag, a Segment stub, and a catch for unhandled promise rejections.
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { createModelLog, DEFAULT_LIMITS, watchDataLayer, type MessageMeta, type Model, type SnapshotLimits, type WatchDataLayerOptions } from '../../src/bridge/datalayer';
import { snapshot } from '../../src/bridge/datalayer/snapshot';
import { modelReader, type ModelReader } from '../../src/bridge/datalayer/model-reader';
import { consentOf } from '../../src/bridge/datalayer/consent';
import type { BridgeConfig } from '../../src/bridge/config';
import { createEngine } from '../../src/bridge/engine-debug';
import { startBridge, type BridgeHandle } from '../../src/bridge/snippet';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Win = Record<string, any>;

// --- the data-layer watcher ------------------------------------------------------------------

export interface Call {
  message: unknown;
  model: Model;
  meta: MessageMeta;
}

/** A watcher's options, and the limits of the copies it hands over and of the model's. */
type WatchOptions = Partial<WatchDataLayerOptions> & { limits?: Partial<SnapshotLimits> };

/**
 * A watcher with a model log and a reader of it (as the bridge's engine reads it): `watcher.get`
 * reads the model, each call records the model as of its message (a copy, snapshot.ts's);
 * `watcher.consent` reads the consent commands it collected, as the engine does.
 */
export function watch(
  initial?: unknown[],
  options: WatchOptions | ((reader: ModelReader) => WatchOptions) = {},
  host: Record<string, unknown> = {},
) {
  if (initial) host.dataLayer = initial;
  const calls: Call[] = [];
  const errors: Array<{ error: unknown; message: unknown }> = [];
  const onError = (error: unknown, message: unknown) => void errors.push({ error, message });
  const log = createModelLog();
  const consents: IArguments[] = [];
  const limits = typeof options === 'function' ? undefined : options.limits;
  const reader = modelReader(log, onError, { ...DEFAULT_LIMITS, ...limits });
  const given = typeof options === 'function' ? options(reader) : options;
  const onMessage = given.onMessage || ((message: unknown, meta: MessageMeta) => void calls.push({ message, model: reader.at(meta.at), meta }));
  const watcher = watchDataLayer(host, {
    log,
    consents,
    onError,
    ...given,
    // handlers get a copy (snapshot.ts's, as the engine takes one), and what it cut is reported after them
    onMessage: (message, meta) => {
      const cuts: string[] = [];
      onMessage(snapshot(message, { ...DEFAULT_LIMITS, ...limits }, cuts), meta);
      if (cuts.length) (given.onError || onError)('message copy cut: ' + cuts.join(', '), message);
    },
  });
  const dataLayer = host.dataLayer as unknown[];
  return {
    host, dataLayer, calls, errors, reader, watcher: Object.assign(watcher, { get: reader.get, consent: consentOf(consents, (error) => onError(error, undefined)) }),
    messages: () => calls.map((call) => call.message),
  };
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

/**
 * A window that runs scripts and whose requests are answered from `files` (URL → script; any
 * other URL is a 404, and `files` may change between requests); every requested URL is recorded.
 */
export function servingWindow(files: Record<string, string>) {
  const requested: string[] = [];
  const win = newWindow({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ request, window }) => {
            requested.push(request.url);
            const body = files[request.url];
            if (body === undefined) return new window.Response('not found', { status: 404 });
            return new window.Response(body, { status: 200, headers: { 'content-type': 'text/javascript' } });
          },
        },
      },
    },
  });
  return { win, requested };
}

/**
 * A page whose requests are answered from `files` (URL → script; any other URL is a 404, and
 * `files` may change between requests), running the script at `src` after `setup`; resolves
 * once that script ran. Every requested URL, console warning and log is recorded.
 */
export async function servedPage(files: Record<string, string>, setup: (win: Win) => void, src: string) {
  const { win, requested } = servingWindow(files);
  const warnings: string[] = [];
  const logs: string[] = [];
  win.console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  win.console.log = (...args: unknown[]) => void logs.push(args.join(' '));
  setup(win);
  await addScript(win, src);
  return { win, requested, warnings, logs };
}

/** Adds <script src> and resolves once it ran or failed. */
export function addScript(win: Win, src: string): Promise<void> {
  return new Promise((resolve) => {
    const script = win.document.createElement('script');
    script.onload = script.onerror = () => resolve();
    script.async = true;
    script.src = src;
    win.document.head.appendChild(script);
  });
}

export function runScript(win: Win, code: string): void {
  const script = win.document.createElement('script');
  script.textContent = code;
  win.document.head.appendChild(script);
}

/** Starts the bridge on `win` with the engine at hand (as the one-file build has it); stopped after the test. */
export function startOn(win: Win, config: BridgeConfig): BridgeHandle {
  const handle = startBridge(config, win, { create: createEngine });
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
