// Types for sandboxed code written in TypeScript. Template code imports APIs from 'gtm-sandbox';
// the compiler turns each import into `const name = require('name')` after bundling. JSON, Math
// and Object are used as globals and required the same way. Test scenarios import the test API
// from 'gtm-sandbox/test' (globals inside GTM's ___TESTS___, so those imports are dropped).

declare module 'gtm-sandbox' {
  export type SandboxType = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'object' | 'function';
  export type UrlComponent = 'protocol' | 'host' | 'port' | 'path' | 'query' | 'extension' | 'fragment';

  export function addConsentListener(consentType: string, listener: (consentType: string, granted: boolean) => void): void;
  export function addEventCallback(callback: (containerId: string, eventData: { tags: { id: string; status: string; executionTime: number }[] }) => void): void;
  export function aliasInWindow(toPath: string, fromPath: string): boolean;
  export function callInWindow(path: string, ...args: unknown[]): unknown;
  export function callLater(fn: () => void): void;
  export function copyFromDataLayer(key: string, dataLayerVersion?: number): unknown;
  export function copyFromWindow(key: string): unknown;
  export function createArgumentsQueue(fnKey: string, arrayKey: string): (...args: unknown[]) => void;
  export function createQueue(arrayKey: string): (...items: unknown[]) => void;
  export function decodeUri(encoded: string): string | undefined;
  export function decodeUriComponent(encoded: string): string | undefined;
  export function encodeUri(uri: string): string | undefined;
  export function encodeUriComponent(str: string): string | undefined;
  export function fromBase64(base64: string): string | undefined;
  export function generateRandom(min: number, max: number): number;
  export function getContainerVersion(): {
    containerId: string; debugMode: boolean; environmentName: string; environmentMode: boolean;
    previewMode: boolean; version: string;
  };
  export function getCookieValues(name: string, decode?: boolean): string[];
  export function getQueryParameters(key: string, retrieveAll?: boolean): string | string[] | undefined;
  export function getReferrerQueryParameters(key: string, retrieveAll?: boolean): string | string[] | undefined;
  export function getReferrerUrl(component?: UrlComponent): string;
  export function getTimestamp(): number;
  export function getTimestampMillis(): number;
  export function getType(value: unknown): SandboxType;
  export function getUrl(component?: UrlComponent): string;
  export function gtagSet(settings: Record<string, unknown>): void;
  export function injectHiddenIframe(url: string, onSuccess?: () => void): void;
  export function injectScript(url: string, onSuccess: () => void, onFailure: () => void, cacheToken?: string): void;
  export function isConsentGranted(consentType: string): boolean;
  export const localStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): boolean;
    removeItem(key: string): void;
  };
  export function logToConsole(...args: unknown[]): void;
  export function makeInteger(value: unknown): number;
  export function makeNumber(value: unknown): number;
  export function makeString(value: unknown): string;
  export function makeTableMap<K extends string, V extends string>(
    rows: ReadonlyArray<Record<K | V, unknown>> | undefined | null, keyColumn: K, valueColumn: V,
  ): Record<string, unknown> | undefined;
  export function parseUrl(url: string): {
    href: string; origin: string; protocol: string; username: string; password: string; host: string;
    hostname: string; port: string; pathname: string; search: string; searchParams: Record<string, string | string[]>; hash: string;
  } | undefined;
  export function queryPermission(permission: string, ...args: unknown[]): boolean;
  export function readAnalyticsStorage(cookieOptions?: Record<string, unknown>): {
    client_id: string; sessions: { measurement_id: string; session_id: string; session_number: number }[];
  } | undefined;
  export function readCharacterSet(): string;
  export function readTitle(): string;
  export function sendPixel(url: string, onSuccess?: () => void, onFailure?: () => void): void;
  export function setCookie(name: string, value: string, options?: Record<string, unknown>, encode?: boolean): void;
  export function setDefaultConsentState(settings: Record<string, unknown>): void;
  export function setInWindow(key: string, value: unknown, overrideExisting?: boolean): boolean;
  export function sha256(
    input: string, onSuccess: (digest: string) => void, onFailure?: () => void,
    options?: { outputEncoding?: 'base64' | 'hex' },
  ): void;
  export const templateStorage: {
    getItem(key: string): unknown;
    setItem(key: string, value: unknown): void;
    removeItem(key: string): void;
    clear(): void;
  };
  export function toBase64(input: string): string;
  export function updateConsentState(settings: Record<string, unknown>): void;
}

declare module 'gtm-sandbox/test' {
  export interface ApiAssertion {
    wasCalled(): void;
    wasNotCalled(): void;
    wasCalledWith(...args: unknown[]): void;
    wasNotCalledWith(...args: unknown[]): void;
  }
  export interface Subject {
    isEqualTo(expected: unknown): void;
    isNotEqualTo(expected: unknown): void;
    isStrictlyEqualTo(expected: unknown): void;
    isNotStrictlyEqualTo(expected: unknown): void;
    isAnyOf(...expected: unknown[]): void;
    isNoneOf(...expected: unknown[]): void;
    isDefined(): void;
    isUndefined(): void;
    isNull(): void;
    isNotNull(): void;
    isTrue(): void;
    isFalse(): void;
    isTruthy(): void;
    isFalsy(): void;
    isNaN(): void;
    isNotNaN(): void;
    isInfinity(): void;
    isNotInfinity(): void;
    isGreaterThan(expected: number): void;
    isGreaterThanOrEqualTo(expected: number): void;
    isLessThan(expected: number): void;
    isLessThanOrEqualTo(expected: number): void;
    contains(...expected: unknown[]): void;
    doesNotContain(...expected: unknown[]): void;
    containsExactly(...expected: unknown[]): void;
    doesNotContainExactly(...expected: unknown[]): void;
    hasLength(expected: number): void;
    isEmpty(): void;
    isNotEmpty(): void;
    isArray(): void;
    isBoolean(): void;
    isFunction(): void;
    isNumber(): void;
    isObject(): void;
    isString(): void;
  }
  export function runCode(data: object): unknown;
  export function mock(apiName: string, returnValueOrImplementation: unknown): void;
  export function mockObject(apiName: string, objectMock: object): void;
  export function assertApi(apiName: string): ApiAssertion;
  export function assertThat(actual: unknown, opt_message?: string): Subject;
  export function fail(message?: string): never;

  /**
   * Authoring only (never runs): declares one ___TESTS___ scenario. The compiler takes the
   * body of `run` as the scenario's code; `name` must be a string literal, stated as a sentence.
   */
  export function scenario(name: string, run: () => void): void;
}
