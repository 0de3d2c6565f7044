import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SANDBOX_METHODS } from '../../src/sandbox/stdlib';
import { isUrlPattern, matchesUrlPattern, permit, permitUrl } from '../../src/sandbox/permit';

describe('permit', () => {
  it('passes a string that is among the allowed values', () => {
    expect(permit('analytics.identify', ['analytics.identify', 'analytics.reset'])).toBe('analytics.identify');
  });

  it('refuses a string that is not allowed', () => {
    expect(permit('window.evil', ['analytics.identify'])).toBeUndefined();
  });

  it('accepts a single allowed string and the values of an object', () => {
    expect(permit('a', 'a')).toBe('a');
    expect(permit('cioanalytics', { segment: 'analytics', customerio: 'cioanalytics' })).toBe('cioanalytics');
    expect(permit('customerio', { segment: 'analytics', customerio: 'cioanalytics' })).toBeUndefined();
  });

  it("lets '*' allow any string but still refuses non-strings", () => {
    expect(permit('user.email', '*')).toBe('user.email');
    expect(permit('x', ['a', '*'])).toBe('x');
    expect(permit(42, '*')).toBeUndefined();
    expect(permit(undefined, '*')).toBeUndefined();
  });
});

describe('permitUrl and the URL match patterns', () => {
  const segment = ['https://cdn.segment.com/analytics.js/v1/*/analytics.min.js'];

  it('passes a URL matching a pattern with a path wildcard', () => {
    const url = 'https://cdn.segment.com/analytics.js/v1/abc123/analytics.min.js';
    expect(permitUrl(url, segment)).toBe(url);
  });

  it('refuses a URL whose path does not match', () => {
    expect(permitUrl('https://cdn.segment.com/analytics.js/v1/abc123/other.js', segment)).toBeUndefined();
    expect(permitUrl('https://cdn.segment.com/next.js', segment)).toBeUndefined();
  });

  it('refuses another host, and http', () => {
    expect(permitUrl('https://cdn.evil.com/analytics.js/v1/k/analytics.min.js', segment)).toBeUndefined();
    expect(permitUrl('http://cdn.segment.com/analytics.js/v1/k/analytics.min.js', segment)).toBeUndefined();
    expect(matchesUrlPattern('http://a.example.com/x.js', 'http://a.example.com/x.js')).toBe(false);
  });

  it('matches any subdomain with a *. host, but not the bare domain or a look-alike', () => {
    const pattern = 'https://*.cookiebot.com/*';
    expect(matchesUrlPattern('https://consent.cookiebot.com/uc.js', pattern)).toBe(true);
    expect(matchesUrlPattern('https://a.b.cookiebot.com/uc.js', pattern)).toBe(true);
    expect(matchesUrlPattern('https://cookiebot.com/uc.js', pattern)).toBe(false);
    expect(matchesUrlPattern('https://evilcookiebot.com/uc.js', pattern)).toBe(false);
  });

  it('lets a pattern path ending in / match everything below it, query included', () => {
    expect(matchesUrlPattern('https://consent.cookiebot.com/uc.js?cbid=1&implementation=gtm', 'https://*.cookiebot.com/')).toBe(true);
    expect(matchesUrlPattern('https://a.example.com/lib/x.js', 'https://a.example.com/lib/')).toBe(true);
    expect(matchesUrlPattern('https://a.example.com/other/x.js', 'https://a.example.com/lib/')).toBe(false);
  });

  it('compares an exact pattern with the whole path and query', () => {
    const pattern = 'https://us-assets.i.posthog.com/static/array.js';
    expect(matchesUrlPattern('https://us-assets.i.posthog.com/static/array.js', pattern)).toBe(true);
    expect(matchesUrlPattern('https://us-assets.i.posthog.com/static/array.js?v=2', pattern)).toBe(false);
    expect(matchesUrlPattern('https://px.ads.linkedin.com/collect?pid=1&fmt=gif', 'https://*.linkedin.com/*')).toBe(true);
  });

  it('is case-insensitive in scheme and host but not in the path', () => {
    expect(matchesUrlPattern('HTTPS://CDN.Segment.com/a.js', 'https://cdn.segment.com/a.js')).toBe(true);
    expect(matchesUrlPattern('https://cdn.segment.com/A.js', 'https://cdn.segment.com/a.js')).toBe(false);
  });

  it('refuses URLs that smuggle another host through userinfo or backslashes', () => {
    expect(matchesUrlPattern('https://cdn.segment.com@evil.com/a.js', 'https://cdn.segment.com/*')).toBe(false);
    expect(matchesUrlPattern('https://evil.com\\.cdn.example.com/a.js', 'https://*.example.com/*')).toBe(false);
    expect(permitUrl('https://x.cookiebot.com@evil.com/', ['https://*.cookiebot.com/'])).toBeUndefined();
  });

  it("lets '*' allow any URL string", () => {
    expect(permitUrl('https://anything.example/x', '*')).toBe('https://anything.example/x');
    expect(permitUrl(7, '*')).toBeUndefined();
  });

  it('tells well-formed patterns from others', () => {
    expect(isUrlPattern('https://*.example.com/*')).toBe(true);
    expect(isUrlPattern('https://cdn.example.com/a.js')).toBe(true);
    expect(isUrlPattern('http://cdn.example.com/a.js')).toBe(false);
    expect(isUrlPattern('https://*/a.js')).toBe(false);
    expect(isUrlPattern('https://cdn.*.com/a.js')).toBe(false);
  });
});

describe('permit.ts in the sandbox', () => {
  it('uses only what the GTM sandbox runs: no new, regex or template literals, spread, shorthand properties or missing methods', () => {
    const ts = readFileSync(new URL('../../src/sandbox/permit.ts', import.meta.url), 'utf8');
    const { code } = transformSync(ts, { loader: 'ts', format: 'esm', minifySyntax: true });
    const found: string[] = [];
    simple(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), {
      NewExpression: () => found.push('new'),
      TemplateLiteral: () => found.push('template literal'),
      SpreadElement: () => found.push('spread'),
      Property: (n) => { if (n.shorthand) found.push('shorthand property'); },
      Literal: (n) => { if ('regex' in n && n.regex) found.push('regex literal'); },
      CallExpression: (n) => {
        if (n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && !SANDBOX_METHODS.has(n.callee.property.name)) {
          found.push('.' + n.callee.property.name + '()');
        }
      },
    });
    expect(found).toEqual([]);
  });
});
