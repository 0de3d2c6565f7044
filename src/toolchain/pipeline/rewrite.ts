// Rewrites shared by the bundle post-processing and the scenario compiler: sandbox imports
// become `const local = require('api');` lines, and esbuild's `void 0` becomes `undefined`.
import { simple } from 'acorn-walk';
import type { Node } from 'acorn';
import { SANDBOX_MODULE } from './lowering';
import type { Edit } from './mapped-text';
import type { AnyNode } from '../js/parse';

export interface RequireLine {
  local: string;
  api: string;
  /** Source offset the line is attributed to (the imported name). */
  origin: number;
}

export const BAD_IMPORT_MESSAGE =
  `import named APIs from '${SANDBOX_MODULE}', e.g. import { getType } from '${SANDBOX_MODULE}'`;

/** The require lines of an `import { a, b as c } from …`, and the specifiers that cannot be one. */
export function importedRequires(statement: AnyNode): { requires: RequireLine[]; invalid: AnyNode[] } {
  const requires: RequireLine[] = [];
  const invalid: AnyNode[] = [];
  for (const spec of statement.specifiers as AnyNode[]) {
    if (spec.type !== 'ImportSpecifier') invalid.push(spec);
    else {
      const api = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      requires.push({ local: spec.local.name, api, origin: spec.imported.start });
    }
  }
  return { requires, invalid };
}

/** Adds lines whose local name is not there yet (first appearance wins). */
export function addRequires(into: RequireLine[], lines: readonly RequireLine[]): void {
  for (const line of lines) if (!into.some((existing) => existing.local === line.local)) into.push(line);
}

/** Inserts of the require lines at `at` (then a blank line when `blankLine`). */
export function requireInserts(lines: readonly RequireLine[], at: number, blankLine: boolean): Edit[] {
  const edits: Edit[] = lines.map((line) => ({
    start: at, end: at, text: `const ${line.local} = require('${line.api}');\n`, origin: line.origin,
  }));
  if (blankLine && edits.length > 0) edits.push({ start: at, end: at, text: '\n', origin: at });
  return edits;
}

/** `void 0` (esbuild's spelling of undefined) → `undefined`. */
export function voidZeroEdits(node: AnyNode): Edit[] {
  const edits: Edit[] = [];
  simple(node as Node, {
    UnaryExpression(found) {
      const unary = found as AnyNode;
      if (unary.operator === 'void' && unary.argument.type === 'Literal' && unary.argument.value === 0) {
        edits.push({ start: unary.start, end: unary.end, text: 'undefined' });
      }
    },
  });
  return edits;
}

/**
 * `{ a }` → `{ a: a }`: esbuild keeps shorthand properties (it cannot lower object literal
 * extensions), the sandbox's ES5.1 object literals lack them, and the expansion is exact. The
 * key is inserted before the value, so a rename of the value by another edit still applies.
 */
export function shorthandEdits(node: AnyNode): Edit[] {
  const edits: Edit[] = [];
  simple(node as Node, {
    ObjectExpression(found) {
      for (const property of (found as AnyNode).properties as AnyNode[]) {
        if (property.type !== 'Property' || !property.shorthand || property.value.type !== 'Identifier') continue;
        edits.push({ start: property.start, end: property.start, text: `${property.key.name}: ` });
      }
    },
  });
  return edits;
}

export type Report = (node: AnyNode, rule: string, message: string) => void;

/** Adds the require lines of a 'gtm-sandbox' import; default and namespace imports are reported. */
export function collectRequires(statement: AnyNode, into: RequireLine[], report: Report): void {
  const { requires, invalid } = importedRequires(statement);
  addRequires(into, requires);
  for (const spec of invalid) report(spec, 'bad-import', BAD_IMPORT_MESSAGE);
}
