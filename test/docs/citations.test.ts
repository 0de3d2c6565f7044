// Comments cite the project's own reference pages (docs/reference/), so every citation can be
// followed inside the repository: `docs/<page>.md#heading`, and a `#heading` after it in the same
// parentheses names another heading of that page.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, brokenLinks } from './links';

const root = join(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'fixtures' || path === join(root, 'test/docs')) return []; // test/docs holds example links
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = ['src', 'test', 'scripts'].flatMap((dir) => filesUnder(join(root, dir)));

/** `file: docs/page.md#anchor` for every citation in the sources (several anchors may follow one page). */
function citations(): { where: string; page: string; anchor?: string }[] {
  const out: { where: string; page: string; anchor?: string }[] = [];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(docs\/[\w/.-]+\.md)((?:#[\w-]+)?(?:,\s*(?:\/\/\s*)?#[\w-]+)*)/g)) {
      const where = relative(root, file);
      const tags = m[2].match(/#[\w-]+/g) ?? [];
      if (tags.length === 0) out.push({ where, page: m[1] });
      for (const tag of tags) out.push({ where, page: m[1], anchor: tag.slice(1) });
    }
  }
  return out;
}

describe('citations in the code', () => {
  it('each lead to a page and heading of the repository', () => {
    const found = citations();
    expect(found.length).toBeGreaterThan(20);
    const broken = found.filter(({ page, anchor }) => {
      try {
        return anchor !== undefined && !anchors(readFileSync(join(root, page), 'utf8')).has(anchor);
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });

  it('name no document that lives outside the repository', () => {
    const outside = /vendors\.md §|vendor-docs\/|gtm-template-format\.md §|landscape\.md|reference §|\/work\/shared|DESIGN\.md/;
    const offenders = sources.filter((file) => outside.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it.each(readdirSync(join(root, 'docs/reference')).map((f) => `docs/reference/${f}`))('%s has no broken relative link or anchor', (file) => {
    expect(brokenLinks(join(root, file), root)).toEqual([]);
  });
});
