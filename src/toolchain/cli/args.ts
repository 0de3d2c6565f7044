// Command-line arguments of gtm-tpl: a command, positional operands and `--name value` options.

export interface ParsedArgs {
  command: string | undefined;
  operands: string[];
  options: Record<string, string | true>;
}

/** Options that take a value; any other `--flag` is boolean. */
const VALUE_OPTIONS = new Set(['filter', 'min-lines', 'out']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const operands: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      operands.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options[name] = inline;
    else if (VALUE_OPTIONS.has(name) && i + 1 < argv.length) options[name] = argv[++i];
    else options[name] = true;
  }
  return { command: operands.shift(), operands, options };
}
