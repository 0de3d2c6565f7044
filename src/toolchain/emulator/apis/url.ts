// getUrl, getReferrerUrl, getQueryParameters, getReferrerQueryParameters, parseUrl.
// Components as GTM's URL variable names them: protocol ('https'), host (hostname), port
// (explicit or the scheme's default), path, query (without '?'), extension (of the last path
// segment), fragment (without '#'); no component → the full URL.
import type { ApiFactory } from './context';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function extensionOf(path: string): string {
  const segment = path.slice(path.lastIndexOf('/') + 1);
  const dot = segment.lastIndexOf('.');
  return dot < 0 ? '' : segment.slice(dot + 1);
}

function component(url: string, name: string | undefined): string {
  const parsed = parse(url);
  if (name === undefined) return url;
  if (!parsed) return '';
  switch (name) {
    case 'protocol': return parsed.protocol.replace(/:$/, '');
    case 'host': return parsed.hostname;
    case 'port': return parsed.port || DEFAULT_PORTS[parsed.protocol] || '';
    case 'path': return parsed.pathname;
    case 'query': return parsed.search.replace(/^\?/, '');
    case 'extension': return extensionOf(parsed.pathname);
    case 'fragment': return parsed.hash.replace(/^#/, '');
    default: return '';
  }
}

function queryParameters(url: string, key: string, retrieveAll: boolean | undefined): string | string[] | undefined {
  const values = parse(url)?.searchParams.getAll(key) ?? [];
  return retrieveAll === true ? values : values[0];
}

/** searchParams as an object; a repeated key maps to an array of its values. */
function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}

function parseUrl(url: unknown) {
  const parsed = parse(String(url));
  if (!parsed) return undefined;
  return {
    href: parsed.href, origin: parsed.origin, protocol: parsed.protocol,
    username: parsed.username, password: parsed.password,
    host: parsed.host, hostname: parsed.hostname, port: parsed.port,
    pathname: parsed.pathname, search: parsed.search, searchParams: searchParamsObject(parsed.searchParams),
    hash: parsed.hash,
  };
}

export const URL_APIS: Record<string, ApiFactory> = {
  getUrl: ({ page, permissions }) => (name?: string) => {
    permissions.enforce('get_url', name);
    return component(page.url(), name);
  },
  getReferrerUrl: ({ page, permissions }) => (name?: string) => {
    permissions.enforce('get_referrer', name);
    return component(page.referrer(), name);
  },
  getQueryParameters: ({ page, permissions }) => (key: string, retrieveAll?: boolean) => {
    permissions.enforce('get_url', 'query', key);
    return queryParameters(page.url(), key, retrieveAll);
  },
  getReferrerQueryParameters: ({ page, permissions }) => (key: string, retrieveAll?: boolean) => {
    permissions.enforce('get_referrer', 'query', key);
    return queryParameters(page.referrer(), key, retrieveAll);
  },
  parseUrl: () => parseUrl,
};
