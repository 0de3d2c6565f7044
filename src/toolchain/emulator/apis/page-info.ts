// readTitle, readCharacterSet, getContainerVersion, addEventCallback, logToConsole,
// queryPermission. logToConsole with a `debug` logging permission is silent outside debug
// (preview) mode and throws when no logging permission is declared at all.
import { toPage } from '../boundary';
import { logLine } from '../render';
import type { ApiFactory } from './context';

export const PAGE_INFO_APIS: Record<string, ApiFactory> = {
  readTitle: ({ page, permissions }) => () => {
    permissions.enforce('read_title');
    return page.title();
  },
  readCharacterSet: ({ page, permissions }) => () => {
    permissions.enforce('read_character_set');
    return page.characterSet();
  },
  getContainerVersion: ({ page, permissions }) => () => {
    permissions.enforce('read_container_data');
    return { ...page.container };
  },
  addEventCallback: ({ permissions, eventCallbacks }) => (callback: unknown) => {
    permissions.enforce('read_event_metadata');
    if (typeof callback === 'function') eventCallbacks.push(callback as (...args: unknown[]) => unknown);
  },
  logToConsole: ({ page, permissions, log }) => (...args: unknown[]) => {
    if (!permissions.declared('logging')) permissions.enforce('logging');
    if (!permissions.allows('logging')) return;
    page.log(args.map((arg) => toPage(arg)));
    log(logLine(args));
  },
  queryPermission: ({ permissions }) => (permission: string, ...args: unknown[]) => permissions.allows(String(permission), ...args),
};
