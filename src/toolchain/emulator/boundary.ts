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
// `copyFromWindow('posthog')` for truthiness would fail once the SDK has loaded].

const pageFunctionOfWrapper = new WeakMap<Function, Function>();
const sandboxFunctionOfWrapper = new WeakMap<Function, Function>();
const wrapperOfPageFunction = new WeakMap<Function, Function>();
const wrapperOfSandboxFunction = new WeakMap<Function, Function>();

type Mapper = (value: unknown, seen: Map<object, unknown>) => unknown;

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

function readProperty(source: object, key: string): unknown {
  try {
    return (source as Record<string, unknown>)[key];
  } catch {
    return undefined; // a throwing getter reads as undefined
  }
}

function copyWith(value: unknown, seen: Map<object, unknown>, mapFunction: (fn: Function) => Function, self: Mapper, toPage: boolean): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'function') return mapFunction(value as Function);
  if (type !== 'object') return undefined; // symbol, bigint
  const source = value as object;
  if (seen.has(source)) return seen.get(source);
  if (!toPage && isExotic(source)) return undefined;
  if (Array.isArray(source)) {
    const copy: unknown[] = [];
    seen.set(source, copy);
    for (let i = 0; i < source.length; i += 1) copy.push(self(readProperty(source, String(i)), seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(source, copy);
  for (const key of Object.keys(source)) copy[key] = self(readProperty(source, key), seen);
  return copy;
}

/** A page value as the sandbox sees it. */
export function toSandbox(value: unknown, seen = new Map<object, unknown>()): unknown {
  return copyWith(value, seen, wrapPageFunction, toSandbox, false);
}

/** A sandbox value as the page receives it. */
export function toPage(value: unknown, seen = new Map<object, unknown>()): unknown {
  return copyWith(value, seen, wrapSandboxFunction, toPage, true);
}

function wrapPageFunction(fn: Function): Function {
  const original = sandboxFunctionOfWrapper.get(fn);
  if (original) return original;
  let wrapper = wrapperOfPageFunction.get(fn);
  if (!wrapper) {
    wrapper = function (...args: unknown[]) {
      return toSandbox(fn(...args.map((arg) => toPage(arg))));
    };
    wrapperOfPageFunction.set(fn, wrapper);
    pageFunctionOfWrapper.set(wrapper, fn);
  }
  return wrapper;
}

function wrapSandboxFunction(fn: Function): Function {
  const original = pageFunctionOfWrapper.get(fn);
  if (original) return original;
  let wrapper = wrapperOfSandboxFunction.get(fn);
  if (!wrapper) {
    wrapper = function (...args: unknown[]) {
      return toPage(fn(...args.map((arg) => toSandbox(arg))));
    };
    wrapperOfSandboxFunction.set(fn, wrapper);
    sandboxFunctionOfWrapper.set(wrapper, fn);
  }
  return wrapper;
}

/** Calls a page function with sandbox arguments and `this` bound to its owner. */
export function callPageFunction(fn: Function, owner: unknown, args: unknown[]): unknown {
  return toSandbox(fn.apply(owner, args.map((arg) => toPage(arg))));
}
