// The template built in-process once per test file, as `npm run build` builds it.
import { resolve } from 'node:path';
import { buildTemplate, type TemplateBuild } from '../../src/toolchain/build/template';
import { TEMPLATE } from '../../src/template/index';

export const ROOT = resolve(import.meta.dirname, '../..');

let build: Promise<TemplateBuild> | undefined;

export function builtTemplate(): Promise<TemplateBuild> {
  build ??= buildTemplate(TEMPLATE, { cwd: ROOT });
  return build;
}
