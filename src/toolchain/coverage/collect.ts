// Counting: V8's own block coverage of the template's script, taken through the inspector of
// this process. The code runs exactly as without coverage — not rewritten, no counters in its
// scope — so the sandbox frame, the permission checks and every error stay what they are.
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';

let runs = 0;

/**
 * A script URL for one coverage run of `file`. Unique per run: scripts of earlier runs in the
 * same process may still be alive and reported.
 */
export const coverageUrl = (file: string): string => `${pathToFileURL(file).href}?coverage=${++runs}`;

export interface Covered<T> {
  value: T;
  /** V8's counts for the script named `url` (none when it was never compiled). */
  functions: Profiler.FunctionCoverage[];
}

/** Runs `run` with precise coverage on (it must compile the script) and returns the counts for `url`. */
export async function collectCoverage<T>(url: string, run: () => Promise<T>): Promise<Covered<T>> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    const value = await run();
    const { result } = await session.post('Profiler.takePreciseCoverage');
    await session.post('Profiler.stopPreciseCoverage');
    return { value, functions: result.find((script) => script.url === url)?.functions ?? [] };
  } finally {
    session.disconnect();
  }
}
