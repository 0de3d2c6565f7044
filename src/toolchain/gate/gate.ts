// The sandbox gate: reports every construct of a piece of JavaScript that GTM's sandbox cannot
// run (rules in rules.ts), with positions in that code (plus lineOffset, for code that
// sits inside a .tpl). Works on compiled templates, test scenarios and third-party .tpl code.
import type { LocatedDiagnostic } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../diagnostics/diagnostic';
import { sandboxGlobals, type GateMode } from './globals';
import { RULES, type Rule, type RuleContext } from './rules';
import { analyseCode, type CodeAnalysis } from '../js/analyse';
import { childNodes, type AnyNode } from '../js/parse';

export type { GateMode } from './globals';

export interface GateOptions {
  mode: GateMode;
  /** Reported as the diagnostics' file (default '<sandbox>'). */
  file?: string;
  /** Added to every line (the code's first line is 1 + lineOffset). */
  lineOffset?: number;
  /** Extra free names the code may use (e.g. names declared by a test setup). */
  allowedGlobals?: readonly string[];
}

const RULES_BY_TYPE = new Map<string, Rule[]>();
for (const rule of RULES) {
  for (const type of rule.types) RULES_BY_TYPE.set(type, [...(RULES_BY_TYPE.get(type) ?? []), rule]);
}

/** Gates code, or its analysis when the caller has one (lint and build share it with the deriver). */
export function gateCode(code: string | CodeAnalysis, options: GateOptions): LocatedDiagnostic[] {
  const file = options.file ?? '<sandbox>';
  const lineOffset = options.lineOffset ?? 0;
  const analysed = typeof code === 'string' ? analyseCode(code) : code;
  if (analysed.error) {
    const { line, column, rule, message } = analysed.error;
    return [{ file, line: line + lineOffset, column, rule, message }];
  }
  const globals = sandboxGlobals(options.mode);
  for (const name of options.allowedGlobals ?? []) globals.add(name);
  const { references, program } = analysed.scopes;
  const diagnostics: LocatedDiagnostic[] = [];
  const ancestors: AnyNode[] = [];
  const ctx: RuleContext = { ancestors, references, globals };

  const visit = (node: AnyNode): void => {
    for (const rule of RULES_BY_TYPE.get(node.type) ?? []) {
      const finding = rule.check(node, ctx);
      if (finding === undefined) continue;
      const { message, at } = typeof finding === 'string' ? { message: finding, at: node } : finding;
      const start = at.loc!.start;
      diagnostics.push({ file, line: start.line + lineOffset, column: start.column + 1, rule: rule.id, message });
      break;
    }
    ancestors.push(node);
    for (const { child } of childNodes(node)) visit(child);
    ancestors.pop();
  };
  visit(program as AnyNode);
  return sortDiagnostics(diagnostics);
}
