// copyFromDataLayer and gtagSet, plus the gtag-style command push that gtagSet and the consent
// APIs share ("pushes a … command to the data layer", API reference).
import { toPage, toSandbox } from '../boundary';
import { readModelV1, readModelV2 } from '../page/data-layer-model';
import type { PageEnvironment } from '../page/page';
import type { ApiFactory } from './context';

function dataLayerOf(page: PageEnvironment): unknown[] {
  const existing = page.window[page.dataLayerName];
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  page.window[page.dataLayerName] = created;
  return created;
}

function argumentsOf(...args: unknown[]): IArguments {
  return (function () {
    return arguments;
  }).apply(undefined, args as []);
}

/** Pushes a gtag command (an `arguments` object, as gtag() pushes) through the data layer's push. */
export function pushCommand(page: PageEnvironment, ...args: unknown[]): void {
  dataLayerOf(page).push(argumentsOf(...args.map((arg) => toPage(arg))));
}

export const DATA_LAYER_APIS: Record<string, ApiFactory> = {
  copyFromDataLayer: ({ page, permissions }) => (key: string, dataLayerVersion?: number) => {
    permissions.enforce('read_data_layer', key);
    const messages = page.window[page.dataLayerName];
    if (!Array.isArray(messages)) return undefined;
    return toSandbox(dataLayerVersion === 1 ? readModelV1(messages, key) : readModelV2(messages, key));
  },
  gtagSet: ({ page, permissions }) => (settings: unknown) => {
    const keys = typeof settings === 'object' && settings !== null ? Object.keys(settings) : [];
    for (const key of keys) permissions.enforce('write_data_layer', key);
    pushCommand(page, 'set', settings);
  },
};
