// Shared set-up for the data-layer tests: a host object standing in for window,
// a watcher on it, and everything the watcher reported.
import { watchDataLayer, type MessageMeta, type Model, type WatchDataLayerOptions } from '../../src/bridge/datalayer';

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
