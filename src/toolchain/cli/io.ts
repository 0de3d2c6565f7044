// Where the CLI writes and how it ends: injectable so tests can run commands in-process.

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): string;
  cwd: string;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
