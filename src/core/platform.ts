// Everything core needs from the outside world, named after the GTM sandbox APIs that provide
// it in the template (src/template/platform.ts). The bridge implements the same interface on
// `window` (src/bridge/platform.ts); tests implement it with fakes. Values passed in and out are
// treated as copies, as they are in the sandbox.

export interface Platform {
  /**
   * Calls the page function at a dotted path ('analytics.identify'); undefined when it is
   * missing. Where the runtime catches what the function throws (the bridge), it tells `failed`
   * why; in GTM a throw ends the tag run itself [INF].
   */
  callInWindow(path: string, args: unknown[], failed?: (reason: string) => void): unknown;
  /** A copy of the page value at a dotted path (undefined when missing). */
  copyFromWindow(path: string): unknown;
  /** Sets a page value at a dotted path; without `override` an existing value is kept. */
  setInWindow(path: string, value: unknown, override: boolean): void;
  /** Makes sure an array exists at `path` and returns a function that pushes onto it. */
  createQueue(path: string): (item: unknown) => void;
  /** Makes `fnPath` a function that pushes its `arguments` onto the array at `arrayPath`. */
  createArgumentsQueue(fnPath: string, arrayPath: string): (...args: unknown[]) => void;
  /** Makes `toPath` refer to the page value at `fromPath`. */
  aliasInWindow(toPath: string, fromPath: string): void;
  /** Loads a script once per cache token; exactly one of the callbacks runs, asynchronously. */
  injectScript(url: string, onSuccess: () => void, onFailure: () => void, cacheToken: string): void;
  /** Runs `fn` asynchronously, after the current work. */
  callLater(fn: () => void): void;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Hex SHA-256 of a UTF-8 string; exactly one callback runs. */
  sha256(input: string, onSuccess: (hex: string) => void, onFailure: () => void): void;
  /** Persistent string storage for dedupe (localStorage in both runtimes); null when absent. */
  storage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  /** Consent state; absent where the runtime has no consent information. */
  consent?: {
    isGranted(consentType: string): boolean;
    /**
     * Calls `listener` on every later change of `consentType`; one that returns true has done its
     * work, and the runtime may stop calling it (GTM has no way to remove a listener).
     */
    onChange(consentType: string, listener: (granted: boolean) => boolean | void): void;
  };
  /**
   * Runs jobs one at a time, in the order given: each starts once the one before has called its
   * `next` (a Lane, lane.ts). Absent: each job runs at once.
   */
  serial?(job: (next: () => void) => void): void;
  /** A debug message (shown only in GTM preview/debug mode, or with the bridge's debug option). */
  log(message: string): void;
}
