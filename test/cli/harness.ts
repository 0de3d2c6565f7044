// Runs gtm-tpl in-process with an IO that records what it prints and reads files from disk
// (relative to the repository root), and positions of snippets in fixture files.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/toolchain/cli/io';
import { runCli } from '../../src/toolchain/cli/main';
import { positionIn } from '../snippet-position';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = 'test/fixtures/cli';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * Runs gtm-tpl; `files` (path relative to the root → text) stand in for files on disk; `cwd` is
 * where it runs (default: the root).
 */
export async function cli(argv: string[], files: Record<string, string> = {}, cwd = ROOT): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const readFile = (path: string): string => files[relative(ROOT, path)] ?? readFileSync(path, 'utf8');
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), readFile, cwd };
  const code = await runCli(argv, io);
  return { code, out, err };
}

export const fixture = (name: string): string => `${FIXTURES}/${name}`;

/** The text of a fixture. */
export const fixtureText = (name: string): string => readFileSync(new URL(`../../${fixture(name)}`, import.meta.url), 'utf8');

/** `line:col` where `snippet` (which must occur once) starts in a fixture, plus `shift` characters on its line. */
export function positionOf(name: string, snippet: string, shift = 0): string {
  const { line, column } = positionIn(fixtureText(name), snippet, shift, name);
  return `${line}:${column}`;
}
