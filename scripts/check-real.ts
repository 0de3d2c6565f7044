// Checks real GTM exports kept outside the repository (third-party files are never committed):
//   npm run check:real -- <dir>      (node scripts/run.mjs scripts/check-real.ts <dir>)
// For every .tpl in <dir>: does it read without errors, does writing it back give the same bytes
// (as read, and in GTM's canonical format), and what does `gtm-tpl test` say. Prints a table;
// exits 1 when a file does not round-trip or a scenario fails, 2 on bad usage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../src/toolchain/cli/io';
import { runCli } from '../src/toolchain/cli/main';
import { readTemplate, renderTemplate } from '../src/toolchain/tpl';
import { failing } from '../src/toolchain/diagnostics/diagnostic';

interface Row {
  name: string;
  read: string;
  roundTrip: string;
  canonical: string;
  tests: string;
  note: string;
}

async function checkFile(dir: string, name: string): Promise<Row> {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  const { model, problems } = readTemplate(text);
  const errors = failing(problems);
  const row: Row = { name, read: errors.length ? `${errors.length} errors` : 'ok', roundTrip: '-', canonical: '-', tests: '-', note: '' };
  if (errors.length) {
    row.note = `line ${errors[0].line}: ${errors[0].message}`;
    return row;
  }
  row.roundTrip = renderTemplate(model).text === text ? 'same' : 'DIFFERS';
  const canonical = renderTemplate(model, { keepSource: false });
  row.canonical = canonical.text === text ? 'same' : 'differs';
  const out: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => out.push(l), readFile: (p) => readFileSync(p, 'utf8'), cwd: process.cwd() };
  const code = await runCli(['test', path], io);
  row.tests = code === 2 ? 'not run' : out[out.length - 1];
  row.note = code === 2 ? out[0].slice(path.length + 1) : out.filter((l) => l.startsWith('FAIL ')).join(' | ');
  return row;
}

function printTable(rows: Row[]): void {
  const header: Row = { name: 'template', read: 'read', roundTrip: 'round trip', canonical: 'canonical', tests: 'gtm-tpl test', note: 'failures / notes' };
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.slice(0, -1).map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
  const line = (r: Row) => keys.map((k, i) => (i < widths.length ? r[k].padEnd(widths[i]) : r[k])).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run check:real -- <directory of .tpl files>');
  process.exit(2);
}
const names = readdirSync(dir).filter((f) => f.endsWith('.tpl')).sort();
if (!names.length) {
  console.error(`no .tpl files in ${dir}`);
  process.exit(2);
}
const rows: Row[] = [];
for (const name of names) rows.push(await checkFile(dir, name));
printTable(rows);
const bad = rows.filter((r) => r.read !== 'ok' || r.roundTrip !== 'same' || / [1-9]\d* failed$/.test(r.tests));
process.exitCode = bad.length ? 1 : 0;
