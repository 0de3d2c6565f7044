// One-way layering: the toolchain (gtm-tpl) and the bottom rooms it shares with the product
// (src/sandbox: GTM's sandbox semantics; src/datalayer: data-layer-helper's) import nothing of
// the product, so gtm-tpl could be lifted out as a package of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const PRODUCT = ['src/core', 'src/bridge', 'src/template', 'src/container', 'src/demo'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `file → imported path` for every relative import of a product folder. */
function productImports(dir: string): string[] {
  const out: string[] = [];
  for (const file of filesUnder(join(root, dir))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = relative(root, resolve(dirname(file), m[1]));
      if (PRODUCT.some((room) => target === room || target.startsWith(room + '/'))) out.push(`${relative(root, file)} → ${target}`);
    }
  }
  return out;
}

describe('layering', () => {
  it.each(['src/toolchain', 'src/sandbox', 'src/datalayer'])('nothing under %s imports src/core, src/bridge, src/template, src/container or src/demo', (dir) => {
    expect(filesUnder(join(root, dir)).length).toBeGreaterThan(0);
    expect(productImports(dir)).toEqual([]);
  });

  it('would notice such an import', () => {
    expect(productImports('src/bridge').length).toBeGreaterThan(0);
  });
});
