// The gtm-tpl command line (the package's bin once built to dist/gtm-tpl.js): Node's IO around
// runCli, with this project's build as the `build` command.
import { readFileSync } from 'node:fs';
import type { CliIO } from '../src/toolchain/cli/io';
import { runCli } from '../src/toolchain/cli/main';
import { buildProject } from './build';

const io: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  readFile: (path) => readFileSync(path, 'utf8'),
  cwd: process.cwd(),
};

process.exitCode = await runCli(process.argv.slice(2), io, { build: () => buildProject(process.cwd(), io) });
