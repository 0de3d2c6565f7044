// esbuild's runtime helpers and the source constructs that make esbuild emit them. The sandbox
// cannot run any of them (they use Object.defineProperty, `this`, try/catch …), so the compiler
// reports each use at the construct's source position instead of shipping the helper.

const CONSTRUCTS: Record<string, string> = {
  __spreadValues: 'object spread',
  __spreadProps: 'object spread',
  __objRest: 'object rest',
  __restKey: 'object rest',
  __pow: '`**`',
  __commonJS: 'a CommonJS module',
  __esm: 'a lazily initialised module (a require() or import() of it)',
  __toESM: 'an import of a CommonJS module',
  __toCommonJS: 'a require() of an ES module',
  __require: '`require`',
  __export: 'a namespace import (`import * as`)',
  __reExport: '`export * from`',
  __template: 'a tagged template literal',
  __async: 'async/await',
  __await: 'async iteration',
  __asyncGenerator: 'an async generator',
  __forAwait: '`for await`',
  __yieldStar: '`yield*`',
  __publicField: 'a class field',
  __privateGet: 'a private class member',
  __privateSet: 'a private class member',
  __privateAdd: 'a private class member',
  __privateMethod: 'a private class member',
  __privateIn: 'a private class member',
  __privateWrapper: 'a private class member',
  __decorateClass: 'a decorator',
  __decorateParam: 'a decorator',
  __decoratorStart: 'a decorator',
  __decorateElement: 'a decorator',
  __runInitializers: 'a decorator',
  __using: 'a `using` declaration',
  __callDispose: 'a `using` declaration',
  __name: 'a kept function name',
  __superGet: '`super`',
  __superSet: '`super`',
  __superWrapper: '`super`',
};

export const isHelperName = (name: string): boolean => /^__[A-Za-z]\w*$/.test(name);

export function helperMessage(helper: string): string {
  const construct = Object.prototype.hasOwnProperty.call(CONSTRUCTS, helper) ? CONSTRUCTS[helper] : 'this construct';
  return `${construct} needs esbuild's runtime helper \`${helper}\`, which the sandbox cannot run; write it without`;
}
