import { describe, expect, it } from 'vitest';
import { gateCode, type GateOptions } from '../../src/toolchain/gate/gate';
import { positionIn } from '../snippet-position';

const TEMPLATE: GateOptions = { mode: 'template', file: 'template.tpl' };

/** `rule line:column` of each diagnostic. */
const gate = (code: string, options: GateOptions = TEMPLATE): string[] =>
  gateCode(code, options).map((d) => `${d.rule} ${d.line}:${d.column}`);

/** `rule line:column` of where `snippet` (which must occur once) starts in `code`. */
function at(code: string, rule: string, snippet: string): string {
  const { line, column } = positionIn(code, snippet);
  return `${rule} ${line}:${column}`;
}

describe('the gate on plain sandboxed JavaScript (.tpl code)', () => {
  it('accepts code that uses only what the sandbox has', () => {
    const code = [
      "const getType = require('getType');",
      "const JSON = require('JSON');",
      "const Object = require('Object');",
      'const traits = data.traits || {};',
      'const keys = Object.keys(traits);',
      'for (var key in traits) {',
      '  if (traits.hasOwnProperty(key) && typeof traits[key] !== "undefined") keys.push(key);',
      '}',
      'for (let i = 0, n = keys.length; i < n; i++, n--) {}',
      'const text = JSON.stringify(keys.map((k) => k.toLowerCase().trim()).join(","));',
      "if (getType(text) !== 'string') return data.gtmOnFailure();",
      'data.gtmOnSuccess();',
    ].join('\n');
    expect(gate(code)).toEqual([]);
  });

  it('reports positions as code line plus lineOffset, in the given file', () => {
    const diagnostics = gateCode('var a = 1;\nvar b = new Thing();', { mode: 'template', file: 'x.tpl', lineOffset: 40 });
    expect(diagnostics).toEqual([
      { file: 'x.tpl', line: 42, column: 9, rule: 'no-new', message: '`new` is not available in the sandbox; build objects and arrays with literals' },
      { file: 'x.tpl', line: 42, column: 13, rule: 'undeclared', message: '`Thing` is not declared' },
    ]);
  });

  it('turns a syntax error into one diagnostic at its position', () => {
    expect(gateCode('var ok = 1;\nvar broken = (ok +;', { mode: 'template', file: 'x.tpl', lineOffset: 3 })).toEqual([
      { file: 'x.tpl', line: 5, column: 19, rule: 'syntax', message: 'Unexpected token' },
    ]);
  });

  it('rejects constructs esbuild would have lowered but a .tpl may contain', () => {
    expect(gate('var a = `x${data.y}`;')).toEqual(['no-template-literal 1:9']);
    expect(gate('var a = data?.y;')).toEqual(['no-optional-chain 1:9']);
    expect(gate('var a = data.y ?? 1;')).toEqual(['no-nullish 1:9']);
    expect(gate('var a = 1; a ||= 2;')).toEqual(['no-logical-assignment 1:12']);
  });

  it('rejects with, finally, nested patterns once, and import/export left in code', () => {
    expect(gate('with (data) {}')).toEqual(['no-with 1:1']);
    expect(gate('try {} finally {}')).toEqual(['no-try 1:1']);
    expect(gate('var { a: [b, ...c] } = data;')).toEqual(['no-destructuring 1:5']);
    expect(gate("import { a } from 'b';")).toEqual(['no-module-syntax 1:1']);
    expect(gate('var a = 1;\nexport { a };')).toEqual(['no-module-syntax 2:1']);
    expect(gate("var m = import('x');")).toEqual(['no-module-syntax 1:9']);
  });

  it('rejects ES2015 object literal extensions: shorthand properties, methods and computed keys', () => {
    expect(gate('var a = 1;\nvar o = { b: 2, a };')).toEqual(['no-object-extension 2:17']);
    expect(gate('var o = { run() { return 1; } };')).toEqual(['no-object-extension 1:11']);
    expect(gate("var k = 'x';\nvar o = { [k]: 1, ['y']: 2 };")).toEqual(['no-object-extension 2:12', 'no-object-extension 2:20']);
    expect(gate('var o = { a: 1, "b": 2, 3: 4, f: function () { return 1; } };')).toEqual([]);
  });

  it('rejects them in test code as well, and reports destructuring shorthand only as destructuring', () => {
    expect(gate('var a = 1;\nassertThat({ a }).isDefined();', { mode: 'test' })).toEqual(['no-object-extension 2:14']);
    expect(gate('var { a } = data;')).toEqual(['no-destructuring 1:5']);
  });

  it('allows comma expressions only in for(;;) headers', () => {
    expect(gate('for (var i = 0, j = 0; i < 1; i++, j++) {}')).toEqual([]);
    expect(gate('var i = 0; for (i++, i++; i < 1;) {}')).toEqual([]);
    expect(gate('var i = 0; while (i++, i < 3) {}')).toEqual(['no-comma 1:19']);
  });
});

describe('the gate on require', () => {
  it('accepts a string literal naming a web API', () => {
    expect(gate("const sendPixel = require('sendPixel'); sendPixel('https://x.test/p');")).toEqual([]);
  });

  it('rejects a non-literal argument, an unknown API, a test API and require used as a value', () => {
    expect(gate("var name = 'getType'; require(name);")).toEqual(['bad-require 1:23']);
    expect(gate("require('sendHttpRequest');")).toEqual(['bad-require 1:1']);
    expect(gate("require('getType', 1);")).toEqual(['bad-require 1:1']);
    expect(gate('var r = require;')).toEqual(['bad-require 1:9']);
    const testApi = gateCode("require('runCode');", { mode: 'test' });
    expect(testApi.map((d) => d.message)).toEqual(['`runCode` is a test API: it is a global in ___TESTS___, not a require-able API']);
  });

  it('allows only the listed members of required module objects, whatever their local name', () => {
    const code = [
      "const M = require('Math');",
      "const store = require('localStorage');",
      'M.floor(1); M.random(); M.trunc(2);',
      "store.getItem('k'); store.clear();",
      "require('JSON').parse('1'); require('JSON').foo;",
      "require('templateStorage').clear();",
    ].join('\n');
    expect(gate(code)).toEqual(['random', 'trunc', "clear();\nrequire('JSON')", 'foo'].map((name) => at(code, 'unknown-member', name)));
    expect(gateCode("const M = require('Math'); M.random();", TEMPLATE)[0].message)
      .toBe("`random` is not in the sandbox's Math (it has abs, ceil, floor, round, max, min, pow, sqrt); use generateRandom from 'gtm-sandbox'");
  });

  it('asks for JSON, Math and Object to be required when they are used as globals', () => {
    const [json] = gateCode("JSON.parse('1');", TEMPLATE);
    expect(json).toMatchObject({ rule: 'no-global', line: 1, column: 1 });
    expect(json.message).toBe("`JSON` is not available in the sandbox; require it: const JSON = require('JSON')");
    expect(gate('Math.floor(1); Object.keys(data);')).toEqual(['no-global 1:1', 'no-global 1:16']);
  });
});

describe('the gate on native methods', () => {
  it('rejects methods the sandbox standard library lacks, at the method name', () => {
    const code = [
      "var s = 'abc'; var list = [1];",
      "s.startsWith('a'); s.endsWith('c'); s.padStart(4); s.repeat(2); s.codePointAt(0);",
      'list.find(Boolean); list.findIndex(Boolean); list.flat(); list.flatMap(Boolean); list.fill(0);',
      '(1.5).toFixed(1); s.test(s); s.exec(s); s.call(); s.apply(); s.bind();',
      "list['includes'](1);",
    ].join('\n');
    const missing = [
      'startsWith', 'endsWith', 'padStart', 'repeat', 'codePointAt', 'find(', 'findIndex', 'flat(', 'flatMap', 'fill',
      'toFixed', 'test', 'exec', 'call', 'apply', 'bind', "'includes'",
    ];
    expect(gate(code).filter((d) => d.startsWith('unknown-method'))).toEqual(missing.map((name) => at(code, 'unknown-method', name)));
  });

  it('allows the standard library, hasOwnProperty and methods of user objects with other names', () => {
    const code = [
      "var s = ' A,b '; var o = { run: function (x) { return x; } };",
      "s.trim().toLowerCase().split(',').map(function (p) { return p.charAt(0); }).indexOf('a');",
      "s.replace('a', 'b').substring(1).slice(0).match('b'); o.hasOwnProperty('run'); o.run(1); o.toString();",
    ].join('\n');
    expect(gate(code)).toEqual([]);
  });
});

describe('the gate on identifiers and scopes', () => {
  it('resolves hoisted functions and vars, closures, function-expression names and block scopes', () => {
    const code = [
      'var total = count(data.items);',
      'function count(items) { var n = 0; items.forEach(function add(x) { n = n + x; add; }); return n + later; }',
      'var later = 1;',
      'const make = () => { let inner = 1; return () => inner + total; };',
      'if (total) { let onlyHere = 2; const f = function () { return onlyHere + arguments.length; }; f(); }',
      'for (let i = 0; i < 2; i++) { make(i); }',
      'switch (total) { case 1: let x = 1; x++; }',
      'function outer() { return () => arguments[0]; }',
      'outer();',
    ].join('\n');
    expect(gate(code)).toEqual([]);
  });

  it('reports names used outside their block, loop or function', () => {
    const code = [
      'if (data.a) { let inside = 1; }',
      'inside;',
      'for (let i = 0; i < 1; i++) {}',
      'i;',
      'function f(param) { var local = param; }',
      'param + local;',
      'var arrow = () => arguments;',
    ].join('\n');
    expect(gate(code)).toEqual(['undeclared 2:1', 'undeclared 4:1', 'undeclared 6:1', 'undeclared 6:9', 'undeclared 7:19']);
  });

  it('names the replacement for browser and JavaScript globals', () => {
    const messages = gateCode('window.x; console.log(1); setTimeout(data.f); parseInt("1"); encodeURIComponent("x"); globalThis;', TEMPLATE)
      .map((d) => d.message);
    expect(messages).toEqual([
      '`window` is not available in the sandbox; page globals are reached through copyFromWindow / callInWindow / setInWindow',
      "`console` is not available in the sandbox; use logToConsole from 'gtm-sandbox'",
      "`setTimeout` is not available in the sandbox; use callLater from 'gtm-sandbox'",
      "`parseInt` is not available in the sandbox; use makeInteger from 'gtm-sandbox'",
      "`encodeURIComponent` is not available in the sandbox; use encodeUriComponent from 'gtm-sandbox'",
      '`globalThis` is not available in the sandbox; page globals are reached through copyFromWindow / callInWindow / setInWindow',
    ]);
  });

  it('allows the test APIs only in test mode, and extra globals when given', () => {
    const code = "mock('getType', 1); runCode(setupData); assertApi('gtmOnSuccess').wasCalled(); assertThat(1).isEqualTo(1); fail('x'); mockObject('JSON', {});";
    expect(gate(code, { mode: 'test', allowedGlobals: ['setupData'] })).toEqual([]);
    expect(gate(code, { mode: 'test' })).toEqual(['undeclared 1:29']);
    expect(gate(code)).toHaveLength(7);
  });

  it('rejects a BigInt literal, which ES5.1 cannot parse', () => {
    expect(gate('var big = 10n;')).toEqual(['no-bigint 1:11']);
  });

  it('does not throw on modern JavaScript it rejects, and names each construct', () => {
    const code = [
      'class A extends B { static #p = 1; static { this.x = 1; } get y() { return super.y; } *[Symbol.iterator]() {} }',
      'async function* g() { for await (const x of y) yield* x; }',
      'label: { break label; }',
      'var { a = 1, ...rest } = data; [a, ...rest] = [1];',
      'var big = 10n; var re = /x/giu; function nt() { return new.target; }',
      'var o = { __proto__: null, [k]: 1, m() {}, set s(v) {} };',
    ].join('\n');
    const rules = new Set(gateCode(code, TEMPLATE).map((d) => d.rule));
    expect([...rules].sort()).toEqual([
      'no-accessor', 'no-bigint', 'no-class', 'no-destructuring', 'no-for-of', 'no-generator', 'no-global', 'no-label',
      'no-new', 'no-object-extension', 'no-regex', 'no-this', 'undeclared',
    ]);
  });
});
