// The gtm-tpl command line (the package's bin, built to dist/gtm-tpl.js by `npm run build`):
// Node's IO around runCli.
import { readFileSync } from 'node:fs';
import type { CliIO } from '../src/toolchain/cli/io';
import { runCli } from '../src/toolchain/cli/main';

const io: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  readFile: (path) => readFileSync(path, 'utf8'),
  cwd: process.cwd(),
};

process.exitCode = await runCli(process.argv.slice(2), io);
