// The README and docs/ are read on GitHub: every relative link and #anchor must lead somewhere.
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, brokenLinks, slug } from './links';

const root = join(__dirname, '../..');
const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('the documentation', () => {
  it('has the README plus a page each for the tag, the bridge, gtm-tpl and contributors', () => {
    expect(docs).toEqual(expect.arrayContaining(['README.md', 'docs/bridge.md', 'docs/contributing.md', 'docs/gtm-tpl.md', 'docs/template.md']));
  });

  it.each(docs)('%s has no broken relative link or anchor', (file) => {
    expect(brokenLinks(join(root, file), root)).toEqual([]);
  });
});

describe('the link check', () => {
  it('makes anchors as GitHub does: code and punctuation dropped, spaces to hyphens, repeats numbered', () => {
    expect(slug('For template authors: `gtm-tpl`')).toBe('for-template-authors-gtm-tpl');
    expect(slug('Size and speed (`npm run bench`)')).toBe('size-and-speed-npm-run-bench');
    expect(slug('Worked example: a sign-in, and a "Get Dealer Details" click that sends `brand`'))
      .toBe('worked-example-a-sign-in-and-a-get-dealer-details-click-that-sends-brand');
    expect(slug('Click – All Elements')).toBe('click--all-elements');
    expect([...anchors('# A\n## Tests\n```\n# not a heading\n```\n## Tests\n')]).toEqual(['a', 'tests', 'tests-1']);
  });

  it('reports a missing file, a missing anchor and a missing anchor in another file, and ignores code and URLs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/a.md'), '# A\n## Real heading\n');
    writeFileSync(join(dir, 'README.md'), [
      '# Readme',
      '[ok](docs/a.md#real-heading) [ok](#readme) [web](https://example.com/x#y) `[code](nowhere.md)`',
      '[gone](docs/b.md) [bad anchor](#nope)',
      '```', '[fenced](nowhere.md)', '```',
      '![image](docs/a.md#real) ',
    ].join('\n'));
    expect(brokenLinks(join(dir, 'README.md'), dir)).toEqual([
      { file: 'README.md', line: 3, target: 'docs/b.md', reason: 'no such file' },
      { file: 'README.md', line: 3, target: '#nope', reason: 'no heading #nope' },
      { file: 'README.md', line: 7, target: 'docs/a.md#real', reason: 'no heading #real' },
    ]);
  });
});
