// What an API implementation can reach: the page, the permission checker and the run's records.
import type { PageEnvironment } from '../page/page';
import type { PermissionChecker } from '../permissions-check';

export interface ApiContext {
  readonly page: PageEnvironment;
  readonly permissions: PermissionChecker;
  /** Identifies the template for templateStorage. */
  readonly templateId: string;
  /** Records one logToConsole line of this run. */
  log(line: string): void;
  /** addEventCallback registrations, called when the event ends. */
  readonly eventCallbacks: ((...args: unknown[]) => unknown)[];
}

/** Builds one API (a function, or an object for JSON, Math, localStorage …) for a context. */
export type ApiFactory = (context: ApiContext) => unknown;

/** Runs a sandbox callback later, as GTM does for every asynchronous callback. */
export function callLaterWith(page: PageEnvironment, callback: unknown, ...args: unknown[]): void {
  if (typeof callback !== 'function') return;
  page.scheduler.schedule(() => {
    callback(...args);
  });
}
