// Values crossing between the sandbox and the page are deep copies, as in GTM: copyFromWindow,
// callInWindow's return value and callback arguments come into the sandbox as copies, and
// whatever the sandbox hands to the page (setInWindow values, callInWindow arguments, queue
// pushes) arrives as a copy. Functions cannot be copied, so each side gets a wrapper that
// copies arguments in and the result out; a wrapper crossing back unwraps to the original.
//
// Page → sandbox mapping (GTM documents the sandbox types: null, undefined, boolean, number,
// string, array, object, function; anything else comes back undefined): arrays and functions
// map; DOM nodes, windows, Dates, RegExps and other exotic objects map to undefined; any other
// object (plain or an instance such as an SDK object) maps to a plain object of its own
// enumerable properties [INF: SDK instances must copy, or templates testing
// `copyFromWindow('posthog')` for truthiness would fail once the SDK has loaded]. An
// `Arguments` object maps to an array, as the sandbox's own `arguments` is one [REAL: queues
// made with createArgumentsQueue hold Arguments objects, which published tests read back with
// copyFromWindow or `.q` and compare to arrays, e.g. Coveo's]. A function keeps its own
// enumerable data properties, read through the wrapper and converted like any other value
// [REAL: Amazon's amznjs and Coveo's templates test `createArgumentsQueue(…).q`, the queue the
// page function carries].

type Mapper = (value: unknown, seen?: Map<object, unknown>) => unknown;

function isExotic(value: object): boolean {
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]' || tag === '[object RegExp]' || tag === '[object Promise]') return true;
  const record = value as { nodeType?: unknown; window?: unknown };
  try {
    return typeof record.nodeType === 'number' || record.window === value;
  } catch {
    return true;
  }
}

const isArguments = (value: object): boolean => Object.prototype.toString.call(value) === '[object Arguments]';

function readProperty(source: object, key: string): unknown {
  try {
    return (source as Record<string, unknown>)[key];
  } catch {
    return undefined; // a throwing getter reads as undefined
  }
}

/** One direction of the crossing, with the function wrappers made for it. */
interface Direction {
  copy: Mapper;
  /** Exotic page objects (DOM nodes, Dates…) have no sandbox counterpart. */
  dropsExotic: boolean;
  /** Function → the wrapper that carries it across in this direction. */
  wrapperOf: WeakMap<Function, Function>;
  /** Wrapper made in this direction → the function it carries. */
  originalOf: WeakMap<Function, Function>;
}

const intoSandbox: Direction = { copy: toSandbox, dropsExotic: true, wrapperOf: new WeakMap(), originalOf: new WeakMap() };
const intoPage: Direction = { copy: toPage, dropsExotic: false, wrapperOf: new WeakMap(), originalOf: new WeakMap() };

function copyWith(value: unknown, seen: Map<object, unknown>, into: Direction, back: Direction): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'function') return carry(value as Function, into, back);
  if (type !== 'object') return undefined; // symbol, bigint
  const source = value as object;
  if (seen.has(source)) return seen.get(source);
  if (into.dropsExotic && isExotic(source)) return undefined;
  if (Array.isArray(source) || isArguments(source)) {
    const copy: unknown[] = [];
    seen.set(source, copy);
    const length = Number(readProperty(source, 'length')) || 0;
    for (let i = 0; i < length; i += 1) copy.push(into.copy(readProperty(source, String(i)), seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(source, copy);
  for (const key of Object.keys(source)) copy[key] = into.copy(readProperty(source, key), seen);
  return copy;
}

/** A function as the other side sees it: arguments copied back, the result copied in. */
function carry(fn: Function, into: Direction, back: Direction): Function {
  const original = back.originalOf.get(fn); // a wrapper crossing back
  if (original) return original;
  let wrapper = into.wrapperOf.get(fn);
  if (!wrapper) {
    const call = (...args: unknown[]) => into.copy(fn(...args.map((arg) => back.copy(arg))));
    wrapper = new Proxy(call, {
      get: (target, key) => (ownDataProperty(fn, key) ? into.copy(readProperty(fn, key as string)) : Reflect.get(target, key)),
      has: (target, key) => ownDataProperty(fn, key) || Reflect.has(target, key),
    });
    into.wrapperOf.set(fn, wrapper);
    into.originalOf.set(wrapper, fn);
  }
  return wrapper;
}

/** An own enumerable data property (not an accessor, so reading it runs no page code). */
function ownDataProperty(fn: Function, key: string | symbol): boolean {
  if (typeof key !== 'string') return false;
  try {
    const descriptor = Object.getOwnPropertyDescriptor(fn, key);
    return descriptor !== undefined && descriptor.enumerable === true && 'value' in descriptor;
  } catch {
    return false; // a Proxy whose trap throws
  }
}

/** A page value as the sandbox sees it. */
export function toSandbox(value: unknown, seen = new Map<object, unknown>()): unknown {
  return copyWith(value, seen, intoSandbox, intoPage);
}

/** A sandbox value as the page receives it. */
export function toPage(value: unknown, seen = new Map<object, unknown>()): unknown {
  return copyWith(value, seen, intoPage, intoSandbox);
}

/** Calls a page function with sandbox arguments and `this` bound to its owner. */
export function callPageFunction(fn: Function, owner: unknown, args: unknown[]): unknown {
  return toSandbox(fn.apply(owner, args.map((arg) => toPage(arg))));
}
