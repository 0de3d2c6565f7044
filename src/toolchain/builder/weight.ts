// What each source module adds to a compiled template's code section: the code is cut at the
// `// src/x.ts` comments esbuild writes before each module's code (kept by compaction too); the
// require lines before the first module are their own row.

export interface ModuleWeight {
  module: string;
  bytes: number;
}

const MODULE_COMMENT = /^\/\/ (\S+\.[cm]?[jt]sx?)$/;
export const REQUIRES_ROW = '(require lines)';

/** UTF-8 bytes per module, heaviest first; the rows add up to the whole code. */
export function moduleWeights(code: string): ModuleWeight[] {
  const totals = new Map<string, number>();
  let current = REQUIRES_ROW;
  for (const line of code.split(/(?<=\n)/)) {
    const marker = MODULE_COMMENT.exec(line.trimEnd());
    if (marker) current = marker[1];
    totals.set(current, (totals.get(current) ?? 0) + Buffer.byteLength(line));
  }
  return [...totals].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}
