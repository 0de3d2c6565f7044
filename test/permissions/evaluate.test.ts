import { describe, expect, it } from 'vitest';
import { deriveUsage } from '../../src/toolchain/permissions/derive';

const PERMIT = `
function permit(value, allowed) { return value; }
function permitUrl(url, patterns) { return url; }
`;

/** The keys a snippet makes callInWindow execute (prefixed with the API binding). */
function executed(body: string): string[] {
  const { usage, problems } = deriveUsage("const callInWindow = require('callInWindow');\n" + PERMIT + body);
  expect(problems).toEqual([]);
  return usage.requirements.map((r) => (r.anyKey ? '*any*' : r.key as string)).sort();
}

/** The problems a snippet yields. */
function problemsOf(body: string) {
  return deriveUsage("const callInWindow = require('callInWindow');\nconst injectScript = require('injectScript');\n" + PERMIT + body).problems;
}

describe('the static evaluator resolves keyed arguments', () => {
  it('reads a string literal', () => {
    expect(executed("callInWindow('a.b');")).toEqual(['a.b']);
  });

  it('follows a constant, also declared after its use', () => {
    expect(executed("function run() { callInWindow(PATH); }\nvar PATH = 'analytics.identify'; run();")).toEqual(['analytics.identify']);
  });

  it('reads members of object and array literals', () => {
    expect(executed("var V = { segment: { root: 'analytics' }, list: ['x.y'] }; callInWindow(V.segment.root); callInWindow(V['list'][0]);"))
      .toEqual(['analytics', 'x.y']);
  });

  it('takes every value when the member key is only known at run time', () => {
    expect(executed("var ROOTS = { segment: 'analytics', customerio: 'cioanalytics' }; callInWindow(ROOTS[data.vendor] + '.identify');"))
      .toEqual(['analytics.identify', 'cioanalytics.identify']);
  });

  it('concatenates with + and with the concat() esbuild emits for template literals', () => {
    expect(executed("var ROOT = 'analytics'; callInWindow(ROOT + '.' + 'track'); callInWindow('cio'.concat(ROOT, '.reset'));"))
      .toEqual(['analytics.track', 'cioanalytics.reset']);
  });

  it('takes both branches of a conditional and both sides of ||', () => {
    expect(executed("var CUSTOM = 'custom.call'; callInWindow(data.eu ? 'a.eu' : 'a.us'); callInWindow(CUSTOM || 'fallback');"))
      .toEqual(['a.eu', 'a.us', 'custom.call', 'fallback']);
  });

  it('resolves permit() to its allowed values, whatever the value', () => {
    expect(executed("var ALLOWED = ['analytics.identify', 'analytics.reset']; callInWindow(permit(data.path, ALLOWED));"))
      .toEqual(['analytics.identify', 'analytics.reset']);
  });

  it("resolves permit(value, '*') to any key", () => {
    const { usage } = deriveUsage("const copyFromDataLayer = require('copyFromDataLayer');\n" + PERMIT + "copyFromDataLayer(permit(data.key, '*'));");
    expect(usage.requirements).toMatchObject([{ permission: 'read_data_layer', anyKey: true }]);
  });

  it('accepts esbuild-renamed permit functions and object or concatenated allowed lists', () => {
    const code = "function permit2(v, a) { return v; }\nvar A = ['a.x']; var O = { k: 'b.y' }; callInWindow(permit2(data.p, A.concat(['c.z']))); callInWindow(permit2(data.q, O));";
    expect(executed(code)).toEqual(['a.x', 'b.y', 'c.z']);
  });

  it('resolves permitUrl() to its URL patterns', () => {
    const { usage, problems } = deriveUsage("const injectScript = require('injectScript');\n" + PERMIT
      + "injectScript(permitUrl(data.url, ['https://*.cookiebot.com/', 'https://cdn.example.com/*.js']));");
    expect(problems).toEqual([]);
    expect(usage.requirements.map((r) => r.key)).toEqual(['https://*.cookiebot.com/', 'https://cdn.example.com/*.js']);
  });
});

describe('what the evaluator does not resolve', () => {
  it('takes a conditional or || only when every branch resolves', () => {
    const problems = problemsOf("callInWindow(data.eu ? data.path : 'a.us');\ncallInWindow(data.x || 'fallback');");
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['unresolvable-argument', 6], ['unresolvable-argument', 7]]);
  });

  it('does not resolve a function parameter, and names the API, the argument and the fix', () => {
    const [p] = problemsOf('function call(path) {\n  callInWindow(path);\n}');
    expect(p).toMatchObject({ rule: 'unresolvable-argument', line: 7, column: 16, about: 'access_globals' });
    expect(p.message).toContain('callInWindow');
    expect(p.message).toContain('pathToFunction');
    expect(p.message).toContain('permit(pathToFunction, [...allowed values])');
  });

  it('does not resolve a variable that is reassigned or an object that is mutated', () => {
    const problems = problemsOf("var p = 'a'; p = data.x; callInWindow(p);\nvar O = { k: 'b' }; O.k = data.y; callInWindow(O.k);");
    expect(problems.map((p) => [p.line, p.column])).toEqual([[6, 39], [7, 48]]);
  });

  it('sees through shadowing: a local name hides the constant', () => {
    const problems = problemsOf("var PATH = 'a.b';\nfunction f(PATH) { callInWindow(PATH); }");
    expect(problems).toMatchObject([{ rule: 'unresolvable-argument', line: 7 }]);
  });

  it('does not take a permit() that is not a top-level function declaration', () => {
    const problems = deriveUsage("const callInWindow = require('callInWindow');\nfunction f() { function permit(v, a) { return v; } callInWindow(permit(data.p, ['a'])); }").problems;
    expect(problems).toMatchObject([{ rule: 'unresolvable-argument' }]);
  });

  it('does not accept permit() with allowed values computed at run time', () => {
    expect(problemsOf('callInWindow(permit(data.p, data.allowed));')).toMatchObject([{ rule: 'unresolvable-argument', line: 6 }]);
  });
});

describe('URL arguments become match patterns', () => {
  it('turns unresolvable parts of a concatenation into wildcards', () => {
    const { usage, problems } = deriveUsage("const injectScript = require('injectScript');\n"
      + "injectScript('https://cdn.segment.com/analytics.js/v1/' + data.writeKey + '/analytics.min.js');");
    expect(problems).toEqual([]);
    expect(usage.requirements[0].key).toBe('https://cdn.segment.com/analytics.js/v1/*/analytics.min.js');
  });

  it('keeps wildcards inside URLs held by object properties', () => {
    const { usage, problems } = deriveUsage("const injectScript = require('injectScript');\n"
      + "var SDK = { eu: 'https://eu.example.com/' + data.key + '.js', us: 'https://us.example.com/sdk.js' };\n"
      + 'injectScript(SDK[data.region]);');
    expect(problems).toEqual([]);
    expect(usage.requirements.map((r) => r.key)).toEqual(['https://eu.example.com/*.js', 'https://us.example.com/sdk.js']);
  });

  it('adds the root path before a query', () => {
    const { usage } = deriveUsage("const sendPixel = require('sendPixel'); sendPixel('https://px.example.com?id=' + data.id);");
    expect(usage.requirements[0].key).toBe('https://px.example.com/?id=*');
  });

  it('requires a literal scheme and host', () => {
    expect(problemsOf("injectScript('https://' + data.host + '/sdk.js');")).toMatchObject([{ rule: 'url-not-literal-host', line: 6 }]);
    expect(problemsOf("injectScript('https://cdn.example.com' + data.path);")).toMatchObject([{ rule: 'url-not-literal-host' }]);
    expect(problemsOf("injectScript(data.cdn + '/sdk.js');")).toMatchObject([{ rule: 'url-not-literal-host' }]);
  });

  it('reports a whole URL that is not resolvable, with a permitUrl() fix', () => {
    const [p] = problemsOf('injectScript(data.url);');
    expect(p).toMatchObject({ rule: 'unresolvable-argument', line: 6, column: 14, about: 'inject_script' });
    expect(p.message).toContain('permitUrl(url, [...URL patterns])');
  });

  it('rejects a literal http URL', () => {
    expect(problemsOf("injectScript('http://cdn.example.com/sdk.js');")).toMatchObject([{ rule: 'url-not-https' }]);
  });
});

describe('require() and API uses the deriver cannot follow', () => {
  it('reports require() with a non-literal name and an unknown API, where they are', () => {
    const { problems } = deriveUsage("const name = 'callInWindow';\nconst f = require(name);\nconst g = require('sendHttpRequest');");
    expect(problems).toMatchObject([
      { rule: 'require-non-literal', line: 2, column: 11 },
      { rule: 'unknown-api', line: 3, column: 11 },
    ]);
  });

  it('accepts the test APIs only when asked to', () => {
    expect(deriveUsage("const mock = require('mock');").problems).toMatchObject([{ rule: 'unknown-api' }]);
    expect(deriveUsage("const mock = require('mock');", { testApis: true }).problems).toEqual([]);
  });

  it('reports a keyed API passed around as a value, but not one only tested for availability', () => {
    const { problems } = deriveUsage("const callInWindow = require('callInWindow');\nconst ls = require('localStorage');\n"
      + "if (ls) { ls.getItem('k'); }\nconst platform = { call: callInWindow };");
    expect(problems).toMatchObject([{ rule: 'untracked-api-use', line: 4, column: 26, about: 'access_globals' }]);
  });

  it('reports an API called through apply() as untracked', () => {
    expect(problemsOf("callInWindow.apply(null, ['a.b']);")).toMatchObject([{ rule: 'untracked-api-use', line: 6, column: 1 }]);
  });

  it("reports permit(value, '*') where GTM has no 'any' setting", () => {
    expect(problemsOf("callInWindow(permit(data.path, '*'));")).toMatchObject([{ rule: 'not-grantable', about: 'access_globals' }]);
  });

  it('reports code that does not parse', () => {
    expect(deriveUsage('const = ;').problems).toMatchObject([{ rule: 'syntax-error', line: 1 }]);
  });
});
