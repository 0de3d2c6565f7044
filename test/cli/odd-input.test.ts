// gtm-tpl on files that are not quite what GTM exports: empty, not a template, CRLF line
// endings, a byte-order mark, a missing section, a very long file. Every answer is a message at a
// .tpl line (never a stack trace), and line numbers are those an editor shows.
import { describe, expect, it } from 'vitest';
import { cli, fixtureText } from './harness';

/** Runs `command` on `text` given as the file `odd/<name>`. */
const on = (command: 'lint' | 'test', name: string, text: string) => cli([command, `odd/${name}`], { [`odd/${name}`]: text });

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
/** Each output line with the file name replaced, to compare runs on copies of one template. */
const lines = (run: { out: string[]; err: string[] }, name: string): string[] =>
  [...run.out, ...run.err].map((line) => line.split(`odd/${name}`).join('FILE'));

describe('gtm-tpl on an empty or foreign file', () => {
  it('says an empty file is empty, at line 1, and exits 2 for test and lint', async () => {
    const message = 'odd/empty.tpl:1:1 format the file is empty (a .tpl holds ___INFO___, ___TEMPLATE_PARAMETERS___ and ___SANDBOXED_JS_FOR_WEB_TEMPLATE___)';
    expect(await on('test', 'empty.tpl', '')).toEqual({ code: 2, out: [], err: [message] });
    expect(await on('lint', 'empty.tpl', '\uFEFF\r\n')).toEqual({ code: 2, out: [message], err: [] });
  });

  it('says a file without section markers is not a GTM template export, and exits 2', async () => {
    const run = await on('lint', 'notes.tpl', 'just some notes\nabout a tag\n');
    expect(run.code).toBe(2);
    expect(run.out).toEqual(['odd/notes.tpl:1:1 format no ___SECTION___ marker lines: this is not a GTM template export (a .tpl holds ___INFO___, ___TEMPLATE_PARAMETERS___ and ___SANDBOXED_JS_FOR_WEB_TEMPLATE___)']);
  });

  it('names a missing ___INFO___ and exits 2', async () => {
    const text = fixtureText('passing-tag.tpl').replace(/___INFO___\n\n\{[\s\S]*?\n\}\n\n\n/, '');
    expect(await on('lint', 'no-info.tpl', text)).toEqual({ code: 2, out: ['odd/no-info.tpl:1:1 format missing section ___INFO___'], err: [] });
  });
});

describe('gtm-tpl on sections GTM would never write', () => {
  it('lints fields of an impossible shape as a problem at the field, not a stack trace', async () => {
    const text = fixtureText('passing-tag.tpl')
      .replace(/___TEMPLATE_PARAMETERS___\n\n\[[\s\S]*?\n\]\n/, '___TEMPLATE_PARAMETERS___\n\n[{"type": "SELECT", "name": "mode", "selectItems": 3}]\n');
    const line = text.split('\n').indexOf('___TEMPLATE_PARAMETERS___') + 3;
    const run = await on('lint', 'fields.tpl', text);
    expect(run.code).toBe(1);
    const column = text.split('\n')[line - 1].indexOf('"name"') + 1;
    expect(run.out.filter((l) => l.includes(' fields '))).toEqual([`odd/fields.tpl:${line}:${column} fields mode: selectItems must be a list, not number 3`]);
  });

  it('exits 2 naming the permission entry that is not a GTM permission', async () => {
    const text = fixtureText('passing-tag.tpl').replace(/___WEB_PERMISSIONS___\n\n\[[\s\S]*?\n\]\n/, '___WEB_PERMISSIONS___\n\n[1]\n');
    const run = await on('test', 'permissions.tpl', text);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([expect.stringContaining('format ___WEB_PERMISSIONS___ cannot be read: entry 1 has no "instance"')]);
  });
});

describe('gtm-tpl on CRLF line endings and a byte-order mark', () => {
  it('lints a CRLF or BOM copy with the same problems at the same lines as the original', async () => {
    const text = fixtureText('syntax-violating.tpl');
    const original = await on('lint', 'lf.tpl', text);
    expect(original.code).toBe(1);
    expect(lines(await on('lint', 'crlf.tpl', crlf(text)), 'crlf.tpl')).toEqual(lines(original, 'lf.tpl'));
    expect(lines(await on('lint', 'bom.tpl', '\uFEFF' + text), 'bom.tpl')).toEqual(lines(original, 'lf.tpl'));
  });

  it('runs the scenarios of a CRLF copy with the same results', async () => {
    const text = fixtureText('failing-tag.tpl');
    const original = await on('test', 'lf.tpl', text);
    expect(original.code).toBe(1);
    expect(await on('test', 'crlf.tpl', crlf(text))).toEqual(original);
  });

  it('places broken JSON of a CRLF file at the line an editor shows', async () => {
    const text = fixtureText('broken-json.tpl');
    const original = await on('test', 'lf.tpl', text);
    expect(original.code).toBe(2);
    expect(lines(await on('test', 'crlf.tpl', crlf(text)), 'crlf.tpl')).toEqual(lines(original, 'lf.tpl'));
  });
});

describe('gtm-tpl on a very long file', () => {
  it('tests a template with a 200 000-line ___NOTES___ section as usual', async () => {
    const text = fixtureText('passing-tag.tpl');
    const notes = '___NOTES___\n\n' + 'a line of notes\n'.repeat(200_000) + '\n\n';
    const long = text.includes('___NOTES___') ? text.replace(/___NOTES___\n\n[\s\S]*$/, notes) : text + notes;
    expect(lines(await on('test', 'long.tpl', long), 'long.tpl')).toEqual(lines(await on('test', 'lf.tpl', text), 'lf.tpl'));
  });
});
