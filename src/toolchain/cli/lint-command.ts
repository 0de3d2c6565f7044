// `gtm-tpl lint <file.tpl>`: static checks of any web template, each problem printed as
// `<file>:<line>:<col> <rule> <message>` at its line in the .tpl:
// - format: what the reader rejects (exit 2: the rest cannot be trusted); what it reads only as
//   leniently as GTM does (trailing commas, unquoted names) is a warning (rule lenient-json);
// - fields: checkFields, at the field's "name" in ___TEMPLATE_PARAMETERS___;
// - the sandbox gate on the code, on the test setup and on each scenario;
// - permissions both ways: what the code needs but ___WEB_PERMISSIONS___ lacks (at the call),
//   and what is declared but never needed or broader than needed (at the permission).
import { sortDiagnostics, formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import { gateCode } from '../gate/gate';
import { setupDeclarations } from '../scenarios/scenario-setup';
import { checkFields } from '../fields';
import { checkPermissions } from '../permissions/check';
import { analyseCode, type CodeAnalysis } from '../js/analyse';
import { deriveUsage } from '../permissions/derive';
import type { Problem } from '../permissions/usage';
import { CODE_SECTION, PERMISSIONS_SECTION } from '../tpl';
import { EXIT, type CliIO, type ExitCode } from './io';
import { loadTemplate, type LoadedTemplate } from './load';
import type { LocationMap } from '../tpl/tests-yaml';

export function lintCommand(file: string, io: CliIO): ExitCode {
  const loaded = loadTemplate(file, io);
  if (!loaded.template) {
    for (const d of loaded.problems) io.out(formatDiagnostic(d));
    return EXIT.unreadable;
  }
  const found = lintTemplate(loaded.template);
  for (const d of found) io.out(formatDiagnostic(d));
  const problems = found.filter((d) => d.severity !== 'warning').length;
  io.out(summary(file, problems, found.length - problems));
  return problems ? EXIT.problems : EXIT.ok;
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** `N problems`, `<file>: no problems`, with `, M warnings` when there are any. */
function summary(file: string, problems: number, warnings: number): string {
  const head = problems ? count(problems, 'problem') : `${file}: no problems`;
  return warnings ? `${head}, ${count(warnings, 'warning')}` : head;
}

function lintTemplate(template: LoadedTemplate): Diagnostic[] {
  const analysis = analyseCode(template.model.code);
  const code = codeProblems(template, analysis);
  return sortDiagnostics([
    ...lenientJson(template), ...fieldProblems(template), ...code, ...permissionProblems(template, analysis, code), ...testProblems(template),
  ]);
}

/** Where a JSON section is read only as leniently as GTM reads it (`gtm-tpl build` writes strict JSON). */
function lenientJson({ warnings }: LoadedTemplate): Diagnostic[] {
  return warnings;
}

function fieldProblems({ file, model, positions }: LoadedTemplate): Diagnostic[] {
  return checkFields(model.parameters).map((p) => ({
    file, ...positions.field(p.about, p.message.startsWith('duplicate')), rule: p.rule, message: p.about ? `${p.about}: ${p.message}` : p.message,
  }));
}

/** Lines above the code's first line in the .tpl. */
const codeLineOffset = ({ model, positions }: LoadedTemplate): number => positions.bodyLine(CODE_SECTION[model.codeSection]) - 1;

function codeProblems(template: LoadedTemplate, analysis: CodeAnalysis): Diagnostic[] {
  return gateCode(analysis, { mode: 'template', file: template.file, lineOffset: codeLineOffset(template) });
}

/** Test code is gated as GTM runs it: the setup, then each scenario with the setup's names in scope. */
function testProblems({ file, model, positions }: LoadedTemplate): Diagnostic[] {
  const tests = model.tests;
  if (!tests) return [];
  const maps = positions.testCode();
  const out: Diagnostic[] = [];
  const gate = (code: string, map: LocationMap | undefined, allowedGlobals: readonly string[]) => {
    for (const d of gateCode(code, { mode: 'test', file, allowedGlobals })) {
      const at = map ? map({ line: d.line, column: d.column }) : { line: d.line, column: d.column };
      out.push({ ...d, ...at });
    }
  };
  if (tests.setup) gate(tests.setup, maps.setup, []);
  const declared = tests.setup ? [...setupDeclarations(tests.setup).keys()] : [];
  tests.scenarios.forEach((scenario, i) => gate(scenario.code, maps.scenarios[i], declared));
  return out;
}

/**
 * Permissions derived from the code against the declared ones. Skipped when the code does not
 * parse (the gate reports that); problems the gate already reports at a position are not repeated.
 */
function permissionProblems(template: LoadedTemplate, analysis: CodeAnalysis, gate: Diagnostic[]): Diagnostic[] {
  if (gate.some((d) => d.rule === 'syntax')) return [];
  const { file, model, positions } = template;
  const lineOffset = codeLineOffset(template);
  const permissionsSection = PERMISSIONS_SECTION[model.codeSection];
  const gated = new Set(gate.map((d) => `${d.line}:${d.column}`));
  const derived = deriveUsage(analysis);
  const place = (p: Problem): Diagnostic => {
    const at = p.line !== undefined
      ? { line: p.line + lineOffset, column: p.column ?? 1 }
      : p.about ? positions.permission(permissionsSection, p.about) : { line: positions.bodyLine(permissionsSection), column: 1 };
    return { file, ...at, rule: p.rule, message: p.message };
  };
  const fromDerivation = derived.problems.map(place).filter((d) => !gated.has(`${d.line}:${d.column}`));
  return [...fromDerivation, ...checkPermissions(model.permissions, derived.usage).map(place)];
}
