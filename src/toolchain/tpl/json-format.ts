// JSON as GTM writes it in .tpl sections: two-space indent, `"key": value`, empty containers as
// `[]` / `{}`, and HTML-safe string escaping — `<` `>` `&` `=` `'` become \u003c \u003e \u0026
// \u003d \u0027 (checked against real exports; `/` is NOT escaped there, non-ASCII stays raw).

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

const UNICODE_ESCAPED = /[<>&='\u2028\u2029]/;

function escapeChar(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  const code = ch.charCodeAt(0);
  if (code < 0x20 || UNICODE_ESCAPED.test(ch)) return '\\u' + code.toString(16).padStart(4, '0');
  return ch;
}

export function quoteJsonString(value: string): string {
  return '"' + value.replace(/["\\\u0000-\u001f<>&='\u2028\u2029]/g, escapeChar) + '"';
}

export function formatJson(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quoteJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((item) => inner + formatJson(item, inner)).join(',\n') + '\n' + indent + ']';
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => inner + quoteJsonString(k) + ': ' + formatJson(v, inner));
  return '{\n' + lines.join(',\n') + '\n' + indent + '}';
}

/** Equality of two JSON values including key order (what the formatter would write). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
