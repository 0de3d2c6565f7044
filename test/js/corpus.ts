// JavaScript the scope analysis is checked on: every fixture (.tpl code and tests, .js, and
// .ts stripped of types), the code and tests of our own template, and any .tpl files in the
// folder named by GTM_TPL_CORPUS (public templates kept outside the repository).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { readTemplate } from '../../src/toolchain/tpl';

export interface Source {
  name: string;
  code: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The code, test setup and scenarios of a .tpl (nothing when it cannot be read). */
function tplSources(path: string, name: string): Source[] {
  const { model } = readTemplate(readFileSync(path, 'utf8'));
  const out: Source[] = [{ name, code: model.code }];
  if (model.tests?.setup) out.push({ name: `${name} (setup)`, code: model.tests.setup });
  for (const scenario of model.tests?.scenarios ?? []) out.push({ name: `${name} (${scenario.name})`, code: scenario.code });
  return out.filter((s) => s.code.trim() !== '');
}

function fileSources(path: string): Source[] {
  const name = relative(ROOT, path);
  if (path.endsWith('.tpl')) return tplSources(path, name);
  if (path.endsWith('.js')) return [{ name, code: readFileSync(path, 'utf8') }];
  if (path.endsWith('.ts')) return [{ name, code: transformSync(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' }).code }];
  return [];
}

export function corpus(): Source[] {
  const files = [...filesUnder(join(ROOT, 'test/fixtures')), join(ROOT, 'template/template.tpl')];
  const extra = process.env.GTM_TPL_CORPUS;
  if (extra) files.push(...filesUnder(extra).filter((f) => f.endsWith('.tpl')));
  return files.flatMap(fileSources);
}
