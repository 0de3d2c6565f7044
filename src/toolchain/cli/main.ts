// The gtm-tpl command line, independent of process output (io.ts) so tests run it in-process.
// Every command works on any web template: test and lint take a .tpl, build a template written
// in TypeScript.
import { parseArgs } from './args';
import { buildCommand, DEFAULT_OUT } from './build-command';
import { EXIT, type CliIO, type ExitCode } from './io';
import { lintCommand } from './lint-command';
import { testCommand } from './test-command';

export const USAGE = [
  'usage: gtm-tpl <command> [options]',
  '',
  '  test <file.tpl> [--filter text] [--verbose] [--coverage [--min-lines N]]',
  "      run the template's ___TESTS___ scenarios in the emulator; --coverage prints which share",
  '      of the code they run and writes coverage/ (lcov.info, HTML); --min-lines fails below N %',
  '  lint <file.tpl>',
  '      check format, fields, sandbox syntax of code and tests, and permissions both ways',
  '  build <template.ts> [--out file.tpl]',
  '      compile a template written in TypeScript (a TemplateSource export) to a .tpl (default ' + DEFAULT_OUT + ')',
  '',
  'exit codes: 0 ok, 1 failing scenarios / problems found, 2 unreadable file or bad usage',
];

/** Options each command accepts. */
const OPTIONS: Record<string, readonly string[]> = { test: ['filter', 'verbose', 'coverage', 'min-lines'], lint: [], build: ['out'] };
const OPERANDS: Record<string, number> = { test: 1, lint: 1, build: 1 };

export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { command, operands, options } = parseArgs(argv);
  if (options.help || command === 'help' || command === '-h') {
    for (const line of USAGE) io.out(line);
    return EXIT.ok;
  }
  if (command === undefined || !(command in OPTIONS)) {
    io.err(command === undefined ? 'gtm-tpl: no command given' : `gtm-tpl: unknown command '${command}'`);
    for (const line of USAGE) io.err(line);
    return EXIT.unreadable;
  }
  const usageError = checkUsage(command, operands, options);
  if (usageError) {
    io.err(`gtm-tpl ${command}: ${usageError}`);
    return EXIT.unreadable;
  }
  switch (command) {
    case 'test':
      return testCommand(operands[0], {
        filter: stringOption(options.filter),
        verbose: options.verbose === true,
        coverage: options.coverage === true,
        minLines: percentOption(options['min-lines']),
      }, io);
    case 'lint':
      return lintCommand(operands[0], io);
    default:
      return buildCommand(operands[0], stringOption(options.out) ?? DEFAULT_OUT, io);
  }
}

function checkUsage(command: string, operands: string[], options: Record<string, string | true>): string | undefined {
  const unknown = Object.keys(options).find((name) => !OPTIONS[command].includes(name));
  if (unknown) return `unknown option --${unknown}`;
  if (options.filter === true) return '--filter needs a text';
  if (options.coverage !== undefined && options.coverage !== true) return '--coverage takes no value';
  const minLines = options['min-lines'];
  if (minLines !== undefined) {
    if (percentOption(minLines) === undefined) return '--min-lines needs a percentage from 0 to 100';
    if (options.coverage !== true) return '--min-lines needs --coverage';
  }
  if (options.out === true) return '--out needs a file';
  const wanted = OPERANDS[command];
  if (operands.length < wanted) return command === 'build' ? 'missing <template.ts>' : 'missing <file.tpl>';
  if (operands.length > wanted) return `unexpected argument '${operands[wanted]}'`;
  return undefined;
}

const percentOption = (value: string | true | undefined): number | undefined => {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return n >= 0 && n <= 100 ? n : undefined;
};

const stringOption = (value: string | true | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
