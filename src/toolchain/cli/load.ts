// Reading a .tpl for a command: the file, its model and where its parts sit. Anything that stops
// the model from being trusted (unreadable file, broken JSON or YAML, missing sections, a server
// template) ends the command with exit 2 and messages at .tpl lines, never a stack trace.
import { resolve } from 'node:path';
import { readTemplate, type TemplateModel, type TplError } from '../tpl';
import type { CliIO } from './io';
import { TplPositions } from '../tpl/positions';

export interface LoadedTemplate {
  /** The path as the user gave it, used in every message. */
  file: string;
  /** The file's text. */
  text: string;
  model: TemplateModel;
  positions: TplPositions;
  /** Spots GTM reads leniently (trailing commas, unquoted names): lint reports them. */
  warnings: TplError[];
}

/** The loaded template, or the messages (already formatted) of why it cannot be used. */
export type LoadResult = { template: LoadedTemplate; problems?: undefined } | { template?: undefined; problems: string[] };

export function loadTemplate(file: string, io: CliIO): LoadResult {
  let text: string;
  try {
    text = io.readFile(resolve(io.cwd, file));
  } catch (error) {
    return { problems: [`${file}: cannot read the file (${describeIoError(error)})`] };
  }
  const { model, errors, warnings } = readTemplate(text);
  if (errors.length) return { problems: errors.map((e) => `${file}:${e.line}:${e.column} format ${e.message}`) };
  if (model.codeSection !== 'web') {
    return { problems: [`${file}:1:1 format gtm-tpl handles web templates; this one has ___SANDBOXED_JS_FOR_SERVER___`] };
  }
  return { template: { file, text, model, positions: new TplPositions(text), warnings } };
}

function describeIoError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return typeof e?.message === 'string' ? e.message : String(error);
}
