// callInWindow, copyFromWindow, setInWindow, createQueue, createArgumentsQueue, aliasInWindow.
// Access needed on access_globals (permissions page: "Required by … createQueue", whose
// example queries 'readwrite' before createQueue('dataLayer')): copyFromWindow read,
// setInWindow write, callInWindow execute, createQueue read+write on the array key,
// createArgumentsQueue read+write on both keys [COMM + INF: it creates both like createQueue
// creates its array], aliasInWindow write on toPath and read on fromPath [COMM].
import { callPageFunction, toPage, toSandbox } from '../boundary';
import { readPath, resolvePath, writePath } from '../paths';
import type { ApiContext, ApiFactory } from './context';

/** The array at `path`, created (with missing intermediate objects) when absent. */
function ensureArray(window: Record<string, unknown>, path: string): unknown[] {
  const existing = readPath(window, path);
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  writePath(window, path, created);
  return created;
}

/** Pushes through the array's own push (a data layer's push is hooked by GTM and helpers). */
function pushOnto(window: Record<string, unknown>, path: string, fallback: unknown[], items: unknown[]): void {
  const current = readPath(window, path);
  const target = Array.isArray(current) ? current : fallback;
  target.push(...items);
}

const callInWindow: ApiFactory = ({ page, permissions }: ApiContext) => (path: string, ...args: unknown[]) => {
  permissions.enforce('access_globals', 'execute', path);
  const { owner, key } = resolvePath(page.window, path);
  const fn = owner?.[key];
  return typeof fn === 'function' ? callPageFunction(fn, owner, args) : undefined;
};

const copyFromWindow: ApiFactory = ({ page, permissions }) => (key: string) => {
  permissions.enforce('access_globals', 'read', key);
  return toSandbox(readPath(page.window, key));
};

const setInWindow: ApiFactory = ({ page, permissions }) => (key: string, value: unknown, overrideExisting?: boolean) => {
  permissions.enforce('access_globals', 'write', key);
  if (readPath(page.window, key) !== undefined && overrideExisting !== true) return false;
  return writePath(page.window, key, toPage(value));
};

const createQueue: ApiFactory = ({ page, permissions }) => (arrayKey: string) => {
  permissions.enforce('access_globals', 'readwrite', arrayKey);
  const array = ensureArray(page.window, arrayKey);
  return (...items: unknown[]) => {
    pushOnto(page.window, arrayKey, array, items.map((item) => toPage(item)));
  };
};

const createArgumentsQueue: ApiFactory = ({ page, permissions }) => (fnKey: string, arrayKey: string) => {
  permissions.enforce('access_globals', 'readwrite', fnKey);
  permissions.enforce('access_globals', 'readwrite', arrayKey);
  // The function first, then the array, so that an array under the function ('web_event.queue',
  // Antsomi's stub shape) survives [INF: the API page describes this order as recalled, not
  // re-checked; creating the array first would lose it when fnKey is its parent].
  let array: unknown[] = [];
  if (typeof readPath(page.window, fnKey) !== 'function') {
    const queueArguments = function () {
      pushOnto(page.window, arrayKey, array, [arguments]);
    };
    writePath(page.window, fnKey, queueArguments);
  }
  array = ensureArray(page.window, arrayKey);
  return toSandbox(readPath(page.window, fnKey));
};

const aliasInWindow: ApiFactory = ({ page, permissions }) => (toPath: string, fromPath: string) => {
  permissions.enforce('access_globals', 'write', toPath);
  permissions.enforce('access_globals', 'read', fromPath);
  const { owner, key } = resolvePath(page.window, toPath);
  if (!owner) return false; // every component up to the last must exist
  owner[key] = readPath(page.window, fromPath);
  return true;
};

export const WINDOW_APIS: Record<string, ApiFactory> = {
  aliasInWindow,
  callInWindow,
  copyFromWindow,
  createArgumentsQueue,
  createQueue,
  setInWindow,
};
