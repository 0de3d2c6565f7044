// Parsing sandboxed JavaScript with acorn. The code is the body of a function (top-level
// `return` is legal) in a sloppy-mode script; import/export are accepted by the parser so the
// gate can report them as rules rather than as syntax errors.
import { parse, type Node, type Options, type Program } from 'acorn';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Location } from '../diagnostics/lines';

const OPTIONS: Options = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  allowImportExportEverywhere: true,
  locations: true,
};

/** The first syntax error of a piece of code (rule `syntax`), at its 1-based line and column in that code. */
export type ParseError = Diagnostic & Location;

export type ParseResult = { program: Program; error?: undefined } | { program?: undefined; error: ParseError };

export function parseSandbox(code: string): ParseResult {
  try {
    return { program: parse(code, OPTIONS) };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { error: { rule: 'syntax', message, line: err.loc?.line ?? 1, column: (err.loc?.column ?? 0) + 1 } };
  }
}

/** Any ESTree node; rules and walkers read fields by node type. */
export type AnyNode = Node & Record<string, any>;

const SKIPPED_KEYS = new Set(['type', 'start', 'end', 'loc', 'range']);

/** The child nodes of a node, with the key they hang under, in source order. */
export function childNodes(node: AnyNode): { key: string; child: AnyNode }[] {
  const out: { key: string; child: AnyNode }[] = [];
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push({ key, child: item });
    } else if (isNode(value)) {
      out.push({ key, child: value });
    }
  }
  return out.sort((a, b) => a.child.start - b.child.start);
}

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The API name of a `require('name')` call (one string-literal argument), else undefined. */
export function requiredName(node: AnyNode | undefined | null): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const [arg, extra] = node.arguments;
  return extra === undefined && arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : undefined;
}
