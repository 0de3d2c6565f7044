// What the permission deriver reads from code beyond its scopes: every call (in source order,
// outer before inner), and the expressions that are only tested for truthiness or compared
// (`if (x)`, `!x`, `typeof x`, `x && …`, `x === y`) — using an API that way needs no permission.
import type { CallExpression, Program } from 'acorn';
import { childNodes, type AnyNode } from '../js/parse';

export interface CodeFacts {
  calls: CallExpression[];
  conditions: Set<AnyNode>;
}

const COMPARISONS = new Set(['==', '!=', '===', '!==']);

function tested(node: AnyNode): (AnyNode | null | undefined)[] {
  switch (node.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ConditionalExpression': return [node.test];
    case 'UnaryExpression': return node.operator === '!' || node.operator === 'typeof' ? [node.argument] : [];
    case 'LogicalExpression': return node.operator === '&&' ? [node.left] : [];
    case 'BinaryExpression': return COMPARISONS.has(node.operator) ? [node.left, node.right] : [];
    default: return [];
  }
}

export function collectFacts(program: Program): CodeFacts {
  const facts: CodeFacts = { calls: [], conditions: new Set() };
  const visit = (node: AnyNode): void => {
    if (node.type === 'CallExpression') facts.calls.push(node as CallExpression);
    for (const n of tested(node)) if (n) facts.conditions.add(n);
    for (const { child } of childNodes(node)) visit(child);
  };
  visit(program as AnyNode);
  return facts;
}
