// The file that ties a built .tpl's code to its TypeScript sources: a standard v3 source map,
// written by the build as dist/<name>.tpl.map (never into template/, which GTM users import),
// plus the SHA-256 of the code it maps, so coverage never applies a map to code it was not
// built from.
import type { EncodedSourceMap } from '@jridgewell/trace-mapping';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';

const CODE_HASH = 'x_gtm_tpl_code_sha256';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Where the build writes the map of `tplPath`, relative to the project root. */
export const codeMapPath = (tplPath: string): string => join('dist', `${basename(tplPath)}.map`);

/**
 * The text of the map of `tplPath`'s code, to be written at `mapFile`. `map.sources` are relative
 * to `root`; `sourceRoot` makes them resolve from the map's own directory.
 */
export function codeMapFile(map: object, code: string, paths: { tplPath: string; mapFile: string; root: string }): string {
  const sourceRoot = `${relative(dirname(paths.mapFile), paths.root).split('\\').join('/') || '.'}/`;
  return JSON.stringify({ ...map, file: basename(paths.tplPath), sourceRoot, [CODE_HASH]: sha256(code) }) + '\n';
}

export type CodeMapLookup =
  | { map: EncodedSourceMap; file: string; note?: undefined }
  | { map?: undefined; file?: string; note?: string };

/** Where a .tpl's map may be: beside it, or dist/<name>.tpl.map in its directory, a parent, or cwd. */
function candidates(tplPath: string, cwd: string): string[] {
  const found = [`${tplPath}.map`];
  for (let dir = dirname(tplPath); ; dir = dirname(dir)) {
    found.push(resolve(dir, codeMapPath(tplPath)));
    if (dirname(dir) === dir) break;
  }
  return [...new Set([...found, resolve(cwd, codeMapPath(tplPath))])];
}

/**
 * The map of a .tpl's code (see candidates), with absolute source paths. The first one found is
 * used; one built from other code is refused with a note.
 */
export function findCodeMap(tplPath: string, cwd: string, code: string, readFile: (path: string) => string): CodeMapLookup {
  for (const file of candidates(tplPath, cwd)) {
    let parsed: EncodedSourceMap & { [CODE_HASH]?: unknown };
    try {
      parsed = JSON.parse(readFile(file));
    } catch {
      continue;
    }
    const shown = relative(cwd, file) || file;
    if (parsed[CODE_HASH] !== sha256(code)) {
      return { file: shown, note: `${shown} was built from other code: build again to see TypeScript lines` };
    }
    const root = resolve(dirname(file), parsed.sourceRoot ?? '');
    const sources = parsed.sources.map((source) => resolve(root, source ?? ''));
    return { map: { ...parsed, sources, sourceRoot: undefined }, file: shown };
  }
  return {};
}
