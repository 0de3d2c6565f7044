// Reading a .tpl for a command, once: the file, its model and where its parts sit. Anything that
// stops the model from being trusted (unreadable file, broken JSON or YAML, missing sections, a
// server template) ends the command with exit 2 and diagnostics at .tpl lines, never a stack trace.
import { resolve } from 'node:path';
import { failing, type Diagnostic } from '../diagnostics/diagnostic';
import { readTemplate, type TemplateModel } from '../tpl';
import type { TplPositions } from '../tpl/positions';
import type { CliIO } from './io';

export interface LoadedTemplate {
  /** The path as the user gave it, used in every message. */
  file: string;
  /** The file's text. */
  text: string;
  model: TemplateModel;
  positions: TplPositions;
  /** Spots GTM reads leniently (trailing commas, unquoted names; rule lenient-json): lint reports them. */
  warnings: Diagnostic[];
}

/** The loaded template, or why it cannot be used. */
export type LoadResult = { template: LoadedTemplate; problems?: undefined } | { template?: undefined; problems: Diagnostic[] };

export function loadTemplate(file: string, io: CliIO): LoadResult {
  let text: string;
  try {
    text = io.readFile(resolve(io.cwd, file));
  } catch (error) {
    return { problems: [{ file, rule: 'unreadable', message: `cannot read the file (${describeIoError(error)})` }] };
  }
  const { model, problems, positions } = readTemplate(text, file);
  const errors = failing(problems);
  if (errors.length) return { problems: errors };
  if (model.codeSection !== 'web') {
    return { problems: [{ file, line: 1, column: 1, rule: 'format', message: 'gtm-tpl handles web templates; this one has ___SANDBOXED_JS_FOR_SERVER___' }] };
  }
  return { template: { file, text, model, positions, warnings: problems } };
}

function describeIoError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return typeof e?.message === 'string' ? e.message : String(error);
}
