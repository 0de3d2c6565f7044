// JSON-ish rendering of sandbox values for assertion messages and log lines:
// strings quoted, undefined/NaN/functions spelled out, cycles marked.

export function render(value: unknown, seen: Set<object> = new Set()): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'function';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value !== 'object') return String(value);
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((item) => render(item, seen)).join(', ')}]`
    : `{${Object.keys(value).map((key) => `${JSON.stringify(key)}: ${render((value as Record<string, unknown>)[key], seen)}`).join(', ')}}`;
  seen.delete(value);
  return text;
}

/** A console line: strings as they are, other values rendered. */
export const logLine = (args: readonly unknown[]): string =>
  args.map((arg) => (typeof arg === 'string' ? arg : render(arg))).join(' ');
