// buildTemplate: a template's TypeScript sources → .tpl text. Each section has one source: the
// info and fields objects, the compiled entry (code), the permissions derived from that code,
// the compiled scenario files (tests) and the notes text. Any problem fails the build.
import type { EncodedSourceMap } from '@jridgewell/gen-mapping';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { compileSandbox } from '../pipeline/sandbox';
import { compileScenarios } from '../scenarios/scenarios';
import { checkFields, type Field } from '../fields';
import { deriveUsage } from '../permissions/derive';
import type { QueriedKeys } from '../permissions/requirements';
import { toPermissions } from '../permissions/to-permissions';
import { GALLERY_TERMS_OF_SERVICE, writeTemplate, type Info, type TemplateModel } from '../tpl';

/** What a template author writes; everything GTM fills in itself has a default. */
export interface TemplateSource {
  info: Pick<Info, 'displayName' | 'description'> & Partial<Info>;
  fields: readonly Field[];
  /** The sandbox entry module, e.g. src/template/code.ts. */
  entry: string;
  /** Modules whose named imports are sandbox APIs (e.g. src/sandbox/lang.ts). */
  sandboxModules?: string[];
  tests?: { setup?: string; files: string[] };
  notes?: string;
  /** Compact the code's whitespace (names and one statement per line are kept; default false). */
  compact?: boolean;
  /** Accept the Community Template Gallery terms (default true, as gallery templates must). */
  galleryTerms?: boolean;
  /**
   * The keys the code asks GTM about at run time (queryPermission guards) instead of carrying
   * them, by API name (DeriveOptions.queried): the build declares them in ___WEB_PERMISSIONS___.
   */
  queried?: QueriedKeys;
}

export interface TemplateBuild {
  text: string;
  model: TemplateModel;
  /** Empty when the build succeeded. */
  diagnostics: Diagnostic[];
  /** The code's source map to the TypeScript sources (paths relative to cwd), for coverage. */
  codeMap?: EncodedSourceMap;
}

export async function buildTemplate(source: TemplateSource, options: { cwd?: string } = {}): Promise<TemplateBuild> {
  const diagnostics: Diagnostic[] = [];
  const compiled = await compileSandbox({
    entry: source.entry, sandboxModules: source.sandboxModules, cwd: options.cwd, compact: source.compact,
  });
  diagnostics.push(...compiled.diagnostics);

  const derived = deriveUsage(compiled.analysis ?? compiled.code, { queried: source.queried });
  for (const problem of derived.problems) {
    const at = compiled.locate(problem.line ?? 1, problem.column ?? 1);
    diagnostics.push({ ...at, rule: problem.rule, message: problem.message });
  }
  for (const problem of checkFields(source.fields)) {
    diagnostics.push({ file: 'fields', line: 1, column: 1, rule: 'fields', message: `${problem.about}: ${problem.message}` });
  }

  const tests = source.tests ? await compileScenarios({ ...source.tests, cwd: options.cwd }) : undefined;
  if (tests) diagnostics.push(...tests.diagnostics);

  const model: TemplateModel = {
    termsOfService: source.galleryTerms === false ? undefined : GALLERY_TERMS_OF_SERVICE,
    info: infoOf(source.info),
    parameters: source.fields,
    code: compiled.code,
    codeSection: 'web',
    permissions: toPermissions(derived.usage),
    tests: tests && { scenarios: tests.scenarios, setup: tests.setup },
    notes: source.notes,
    bom: false,
  };
  const text = writeTemplate(model, { keepSource: false });
  return { text, model, diagnostics: sortDiagnostics(diagnostics), codeMap: compiled.map };
}

/** ___INFO___ with GTM's keys in the order GTM exports them. */
function infoOf(info: TemplateSource['info']): Info {
  return {
    type: info.type ?? 'TAG',
    id: 'cvt_temp_public_id',
    version: 1,
    securityGroups: info.securityGroups ?? [],
    displayName: info.displayName,
    ...(info.categories ? { categories: info.categories } : {}),
    ...(info.brand ? { brand: info.brand } : {}),
    description: info.description,
    containerContexts: info.containerContexts ?? ['WEB'],
  };
}
