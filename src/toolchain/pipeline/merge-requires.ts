// esbuild keeps each module's import of an API under its own top-level name (getType,
// getType2, …). Where no inner declaration would capture it, the later names are renamed to the
// first one, so each API is required once and the code reads as written.
import { simple } from 'acorn-walk';
import type { Node } from 'acorn';
import type { Edit } from './mapped-text';
import type { AnyNode } from '../js/parse';
import type { RequireLine } from './rewrite';
import type { ScopeAnalysis } from '../js/scope';

export function mergeDuplicateRequires(
  program: AnyNode, scopes: ScopeAnalysis, requires: readonly RequireLine[],
): { requires: RequireLine[]; edits: Edit[] } {
  const shorthand = shorthandValues(program);
  const kept: RequireLine[] = [];
  const edits: Edit[] = [];
  for (const line of requires) {
    if (kept.some((done) => done.api === line.api)) continue;
    const group = requires.filter((other) => other.api === line.api);
    // The name as exported (getType) is preferred over esbuild's renamings (getType2).
    const keep = group.find((other) => other.local === other.api) ?? line;
    kept.push({ ...keep, origin: line.origin });
    for (const other of group) {
      if (other === keep) continue;
      const renames = renameEdits(scopes, other.local, keep.local, shorthand);
      if (renames) edits.push(...renames);
      else kept.push(other);
    }
  }
  return { requires: kept, edits };
}

/** Edits renaming every reference of top-level `from` to `to`; undefined if one would be captured. */
function renameEdits(scopes: ScopeAnalysis, from: string, to: string, shorthand: ReadonlySet<AnyNode>): Edit[] | undefined {
  const source = scopes.topLevel.get(from);
  const target = scopes.topLevel.get(to);
  if (!source || !target) return undefined;
  const edits: Edit[] = [];
  for (const [id, binding] of scopes.references) {
    if (binding !== source) continue;
    if (scopes.resolveAt(id, to) !== target) return undefined;
    edits.push({ start: id.start, end: id.end, text: shorthand.has(id) ? `${from}: ${to}` : to });
  }
  return edits;
}

function shorthandValues(program: AnyNode): Set<AnyNode> {
  const values = new Set<AnyNode>();
  simple(program as Node, {
    Property(node) {
      const property = node as AnyNode;
      if (property.shorthand) values.add(property.value);
    },
  });
  return values;
}
