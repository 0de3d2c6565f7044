// The production snippet's messages (build time only). Each text the snippet's modules write — a
// string literal or template part of two words or more: 'the engine threw: ', ' is not an array;
// …' — becomes a code in braces such as {w2} (the module's letter, and the text's place in it), so
// that the snippet every page loads carries none of them: only its words in braces change, never
// what it does. The debug engine carries the table (snippet-texts.ts) and the snippet prints
// every line in words once that engine is there (in debug mode it is loaded at start, and the
// snippet holds its lines until then); dist/identify-bridge.codes.json lists the codes too. What
// the snippet says when the engine cannot be loaded stays in words (engine-files.ts and loader.ts
// are not coded): no debug engine is at hand then to explain it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { ancestor } from 'acorn-walk';
import { transform } from 'esbuild';
import type { Plugin } from 'esbuild';
import { TEXT } from './message-codes';

/** The snippet's modules whose texts are codes, with their code letters. */
export const CODED_MODULES: Record<string, string> = {
  'src/bridge/snippet.ts': 's',
  'src/bridge/clicks.ts': 'c',
  'src/bridge/config-read.ts': 'r',
  'src/bridge/datalayer/watch.ts': 'w',
};

/**
 * A text: a word, a space and another word ('a cycle', ' is not an array; …'), not a key, a
 * selector, a type tag ('[object RegExp]') nor a list a method is called on ('a b'.split(' ')).
 */
const isText = (value: string) => TEXT.test(value) && !/^\[object /.test(value);

/** `file` (TypeScript, under `root`) as JavaScript with its texts replaced by codes; `table` gets code → text. */
async function coded(root: string, file: string, table: Record<string, string>): Promise<string> {
  const js = (await transform(readFileSync(join(root, file), 'utf8'), { loader: 'ts', format: 'esm', target: 'esnext' })).code;
  const texts: Array<{ start: number; end: number; text: string; quoted: boolean }> = [];
  /* eslint-disable @typescript-eslint/no-explicit-any */
  ancestor(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }) as any, {
    Literal: (node: any, _state: unknown, ancestors: any[]) => {
      const parent = ancestors[ancestors.length - 2];
      const called = parent && parent.type === 'MemberExpression' && parent.object === node;
      if (typeof node.value === 'string' && isText(node.value) && !called) texts.push({ ...node, text: node.value, quoted: true });
    },
    TemplateElement: (node: any) => void (isText(node.value.cooked) && texts.push({ ...node, text: node.value.cooked, quoted: false })),
  });
  /* eslint-enable @typescript-eslint/no-explicit-any */
  let out = '';
  let at = 0;
  texts.sort((a, b) => a.start - b.start).forEach((text, i) => {
    const code = CODED_MODULES[file] + (i + 1);
    table[code] = text.text;
    out += js.slice(at, text.start) + (text.quoted ? JSON.stringify(`{${code}}`) : `{${code}}`);
    at = text.end;
  });
  return out + js.slice(at);
}

/** Every code of the production snippet under `root` and the text it stands for. */
export async function snippetTable(root: string): Promise<Record<string, string>> {
  const table: Record<string, string> = {};
  for (const file of Object.keys(CODED_MODULES)) await coded(root, file, table);
  return table;
}

/** `{w2}` → its text, by `table`; codes the table does not know stay as they are. */
export const inWords = (line: string, table: Record<string, string>) => line.replace(/\{(\w+)\}/g, (code, key: string) => table[key] ?? code);

const pathOf = (root: string, path: string) => path.slice(root.length + 1).split('\\').join('/');

/** An esbuild plugin giving the snippet's modules codes in place of their texts (see the header). */
export function snippetCodes(root: string): Plugin {
  return {
    name: 'snippet-codes',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]bridge[\\/](snippet|clicks|config-read|datalayer[\\/]watch)\.ts$/ }, async (args) => ({
        contents: await coded(root, pathOf(root, args.path), {}),
        loader: 'js',
      }));
    },
  };
}

/** An esbuild plugin filling snippet-texts.ts with the table, for the debug engine. */
export function snippetTexts(root: string): Plugin {
  return {
    name: 'snippet-texts',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]bridge[\\/]snippet-texts\.ts$/ }, async () => ({
        contents: `export const SNIPPET_TEXTS = ${JSON.stringify(await snippetTable(root))};\n`,
        loader: 'js',
      }));
    },
  };
}
