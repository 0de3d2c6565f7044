// `gtm-tpl test <file.tpl> [--filter text] [--verbose] [--coverage [--min-lines N]]`: runs the
// template's own ___TESTS___ in the emulator. One line per scenario (`PASS name` / `FAIL name:
// reason`), with --coverage istanbul's summary and where the reports are, then exactly
// `N passed, M failed`. A template without scenarios says so and counts 0 passed, 0 failed:
// nothing failed, so it exits 0 (GTM's editor, too, lets such a template be saved).
// Coverage below --min-lines fails the command (exit 1) with one line that says so.
import { resolve } from 'node:path';
import { parseSandbox } from '../js/parse';
import { collectCoverage, coverageUrl } from '../coverage/collect';
import { reportTemplateCoverage } from '../coverage/template-coverage';
import { runTests, type ScenarioResult, type TemplateType } from '../emulator';
import { CODE_SECTION, type Scenario, type TemplateModel } from '../tpl';
import { EXIT, type CliIO, type ExitCode } from './io';
import { loadTemplate, type LoadedTemplate } from './load';
import type { LocationMap } from '../tpl/tests-yaml';
import { formatDiagnostic } from '../diagnostics/diagnostic';

export interface TestCommandOptions {
  filter?: string;
  /** Also print each scenario's logToConsole lines, indented. */
  verbose?: boolean;
  /** Measure which code lines the scenarios run and write reports to coverage/. */
  coverage?: boolean;
  /** With coverage: fail below this percentage of code lines. */
  minLines?: number;
}

export async function testCommand(file: string, options: TestCommandOptions, io: CliIO): Promise<ExitCode> {
  const loaded = loadTemplate(file, io);
  if (!loaded.template) {
    for (const d of loaded.problems) io.err(formatDiagnostic(d));
    return EXIT.unreadable;
  }
  const { model, positions } = loaded.template;
  const codeLine = positions.bodyLine(CODE_SECTION.web);
  const codeError = syntaxError(model.code, (at) => ({ line: at.line + codeLine - 1, column: at.column }));
  if (codeError) {
    io.err(`${file}:${codeError} (in ___SANDBOXED_JS_FOR_WEB_TEMPLATE___)`);
    return EXIT.unreadable;
  }

  const all = model.tests?.scenarios ?? [];
  const tplPath = resolve(io.cwd, file);
  const url = options.coverage ? coverageUrl(tplPath) : undefined;
  const run = () => runScenarios(loaded.template, options.filter, url);
  const { value: results, functions } = url ? await collectCoverage(url, run) : { value: await run(), functions: [] };
  if (all.length === 0) io.out(`${file} has no ___TESTS___ scenarios`);
  else if (results.length === 0) io.out(`no scenario name contains '${options.filter}'`);
  for (const result of results) {
    io.out(result.passed ? `PASS ${result.name}` : `FAIL ${result.name}: ${result.message ?? 'failed'}`);
    if (options.verbose) for (const log of result.logs) io.out(`  log: ${log}`);
  }
  let exit: ExitCode = EXIT.ok;
  if (url) {
    try {
      const coverage = await reportTemplateCoverage({
        tplPath, tplText: loaded.template.text, code: model.code, codeLine, url, functions, cwd: io.cwd, readFile: io.readFile,
      });
      for (const line of coverage.lines) io.out(line);
      if (options.minLines !== undefined && coverage.linesPct < options.minLines) {
        io.out(`coverage: ${coverage.linesPct}% of code lines run, below --min-lines ${options.minLines}`);
        exit = EXIT.problems;
      }
    } catch (error) {
      io.err(`coverage: cannot write the report (${error instanceof Error ? error.message : String(error)})`);
      exit = EXIT.unreadable;
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  io.out(`${results.length - failed} passed, ${failed} failed`);
  return exit === EXIT.ok && failed ? EXIT.problems : exit;
}

/**
 * Scenarios whose code (or the setup) does not parse fail with the .tpl position of the error;
 * the others run in the emulator, in file order.
 */
async function runScenarios(template: LoadedTemplate, filter: string | undefined, sourceUrl?: string): Promise<ScenarioResult[]> {
  const { model, positions, file } = template;
  const tests = model.tests ?? { scenarios: [] };
  const maps = positions.testCode();
  const setupError = tests.setup ? syntaxError(tests.setup, maps.setup) : undefined;
  const wanted = (s: Scenario) => !filter || s.name.toLowerCase().includes(filter.toLowerCase());

  const runnable: Scenario[] = [];
  const broken = new Map<Scenario, string>();
  tests.scenarios.forEach((scenario, i) => {
    if (!wanted(scenario)) return;
    const error = setupError ? `${setupError} (in the setup)` : syntaxError(scenario.code, maps.scenarios[i]);
    if (error) broken.set(scenario, `SyntaxError at ${file}:${error}`);
    else runnable.push(scenario);
  });
  const ran = await runTests(underTest(model, runnable, tests.setup), { sourceUrl });
  const byScenario = new Map(runnable.map((s, i) => [s, ran[i]]));
  return tests.scenarios.filter(wanted).map((s) =>
    byScenario.get(s) ?? { name: s.name, passed: false, message: broken.get(s), logs: [] });
}

function underTest(model: TemplateModel, scenarios: Scenario[], setup: string | undefined) {
  const type: TemplateType = model.info.type === 'MACRO' ? 'MACRO' : 'TAG';
  return {
    code: model.code,
    permissions: model.permissions,
    type,
    tests: setup === undefined ? { scenarios } : { scenarios, setup },
    templateId: typeof model.info.id === 'string' ? model.info.id : undefined,
  };
}

/** `line:col message` of the first syntax error (positions through `map`), or undefined. */
function syntaxError(code: string, map: LocationMap | undefined): string | undefined {
  const parsed = parseSandbox(code);
  if (!parsed.error) return undefined;
  const { line, column, message } = parsed.error;
  const at = (map ?? ((p) => p))({ line, column });
  return `${at.line}:${at.column} ${message}`;
}
