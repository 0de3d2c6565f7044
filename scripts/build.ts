// The project build (`npm run build`): every generated file, in dependency order. The template
// comes first because the container embeds it; the gtm-tpl bin comes last. Each step returns its
// problems; any problem fails the build and leaves the previous files in place. (`gtm-tpl build`
// builds any one template; this project's build also makes the bridge, the container and the bin.)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { bundleNodeEntry } from './bundle-node.mjs';
import { formatDiagnostic } from '../src/toolchain/diagnostics/diagnostic';
import { buildTemplate } from '../src/toolchain/builder/template';
import { codeMapFile, codeMapPath } from '../src/toolchain/coverage/code-map-file';
import type { BuildStepResult } from '../src/toolchain/builder/step';
import { TEMPLATE } from '../src/template/index';
import { buildBridge } from '../src/bridge/build';
import { buildContainer } from '../src/container/build';

const TEMPLATE_FILE = 'template/template.tpl';

export interface BuildLog {
  out(line: string): void;
  err(line: string): void;
}

export async function buildProject(root: string, log: BuildLog): Promise<boolean> {
  const template = await buildTemplate(TEMPLATE, { cwd: root });
  if (template.diagnostics.length > 0) {
    for (const d of template.diagnostics) log.err(formatDiagnostic(d));
    return false;
  }
  await write(root, TEMPLATE_FILE, template.text, log);
  if (template.codeMap) {
    const mapFile = codeMapPath(TEMPLATE_FILE);
    const text = codeMapFile(template.codeMap, template.model.code, { tplPath: TEMPLATE_FILE, mapFile: resolve(root, mapFile), root });
    await write(root, mapFile, text, log);
  }

  const steps: [string, () => Promise<BuildStepResult>][] = [
    ['bridge', () => buildBridge(root)],
    ['container', () => buildContainer(root, template.text)],
  ];
  for (const [name, step] of steps) {
    const { files, problems } = await step();
    for (const problem of problems) log.err(`${name}: ${problem}`);
    if (problems.length > 0) return false;
    for (const [path, text] of Object.entries(files)) await write(root, path, text, log);
  }
  await bundleNodeEntry(resolve(root, 'scripts/gtm-tpl.ts'), resolve(root, 'dist/gtm-tpl.js'));
  log.out('wrote dist/gtm-tpl.js');
  return true;
}

async function write(root: string, path: string, text: string, log: BuildLog): Promise<void> {
  const file = resolve(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  log.out(`wrote ${path}`);
}

const log: BuildLog = { out: (line) => console.log(line), err: (line) => console.error(line) };
process.exitCode = (await buildProject(process.cwd(), log)) ? 0 : 1;
