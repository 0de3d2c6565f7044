// Relative links in Markdown, checked the way GitHub renders them: the target file must exist and
// a #fragment must be the slug of one of its headings (GitHub's rules: the heading's text,
// lower-cased, punctuation dropped, spaces turned into hyphens, repeats numbered -1, -2, …).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Lines outside fenced code blocks, with inline code spans blanked out (links there are text). */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
  });
}

/** The text GitHub shows for a heading line: code, emphasis and link syntax removed. */
function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '');
}

export function slug(heading: string): string {
  return headingText(heading).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor GitHub generates for the headings of a Markdown text. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

export interface BrokenLink { file: string; line: number; target: string; reason: string }

/** Broken relative links (file and #anchor) in one Markdown file; absolute URLs are not checked. */
export function brokenLinks(file: string, root: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const name = relative(root, file);
  proseLines(readFileSync(file, 'utf8')).forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const reason = whyBroken(file, target);
      if (reason) broken.push({ file: name, line: i + 1, target, reason });
    }
  });
  return broken;
}

function whyBroken(from: string, target: string): string | undefined {
  const [pathPart, fragment] = target.split('#', 2) as [string, string | undefined];
  const path = pathPart === '' ? from : join(dirname(from), decodeURIComponent(pathPart));
  if (!existsSync(path)) return 'no such file';
  if (fragment === undefined || fragment === '') return undefined;
  if (!statSync(path).isFile() || !path.endsWith('.md')) return 'an anchor into a file that is not Markdown';
  return anchors(readFileSync(path, 'utf8')).has(decodeURIComponent(fragment)) ? undefined : `no heading #${fragment}`;
}
