// The gtm-tpl command line, independent of process and file system (io.ts) so tests run it
// in-process. `build` is the project's own build, passed in as a hook so this module stays
// generic and works on any web template.
import { parseArgs } from './args';
import { EXIT, type CliIO, type ExitCode } from './io';
import { lintCommand } from './lint-command';
import { testCommand } from './test-command';

export interface CliHooks {
  /** The project build (`npm run build`); true when it succeeded. */
  build(): Promise<boolean>;
}

export const USAGE = [
  'usage: gtm-tpl <command> [options]',
  '',
  '  test <file.tpl> [--filter text] [--verbose] [--coverage [--min-lines N]]',
  "      run the template's ___TESTS___ scenarios in the emulator; --coverage prints which share",
  '      of the code they run and writes coverage/ (lcov.info, HTML); --min-lines fails below N %',
  '  lint <file.tpl>',
  '      check format, fields, sandbox syntax of code and tests, and permissions both ways',
  '  build',
  '      build this project (template/template.tpl and the generated files)',
  '',
  'exit codes: 0 ok, 1 failing scenarios / problems found, 2 unreadable file or bad usage',
];

/** Options each command accepts. */
const OPTIONS: Record<string, readonly string[]> = { test: ['filter', 'verbose', 'coverage', 'min-lines'], lint: [], build: [] };
const OPERANDS: Record<string, number> = { test: 1, lint: 1, build: 0 };

export async function runCli(argv: readonly string[], io: CliIO, hooks: CliHooks): Promise<ExitCode> {
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
      return (await hooks.build()) ? EXIT.ok : EXIT.problems;
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
  const wanted = OPERANDS[command];
  if (operands.length < wanted) return 'missing <file.tpl>';
  if (operands.length > wanted) return `unexpected argument '${operands[wanted]}'`;
  return undefined;
}

const percentOption = (value: string | true | undefined): number | undefined => {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return n >= 0 && n <= 100 ? n : undefined;
};

const stringOption = (value: string | true | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
