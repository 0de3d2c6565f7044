// The production engine's messages (build time only). In src/core, a `note('info' | 'warning',
// text)` is dropped, and the text a module writes with `note('error', text)`, `outcome(status,
// text)` or `{status, message: text}` becomes a code such as "gist.3" (the module, and the text's
// place in it), and so does every other text a module builds (a string literal of two words or
// more, with the `+` chain around it: the reasons helpers return, labels, a vendor's 'sent'
// message), so that the production engine carries no message texts: they matter in debug
// mode, and debug mode loads the debug engine, which keeps them all. Only texts are replaced or
// dropped — expressions holding a string literal and nothing that assigns, and an `if` around a
// dropped note whose test only reads (a list looked up for the warning goes with it) — so that
// what a module does is the same in both builds.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';
import { ancestor, simple } from 'acorn-walk';
import { transform } from 'esbuild';
import type { Plugin } from 'esbuild';

type Node = { type: string; start: number; end: number; [key: string]: any };

const LEVELS = ['info', 'warning', 'error', 'sent', 'queued', 'skipped', 'failed'];
const isLevel = (node: Node | undefined) => !!node && node.type === 'Literal' && LEVELS.indexOf(node.value) >= 0;

/** An expression that builds a text and does nothing else. */
function isText(node: Node): boolean {
  let literal = false;
  let acts = false;
  simple(node as any, {
    Literal: (n: any) => void (literal = literal || typeof n.value === 'string'),
    TemplateLiteral: () => void (literal = true),
    AssignmentExpression: () => void (acts = true),
    UpdateExpression: () => void (acts = true),
  });
  return literal && !acts;
}

/** The texts of `node`'s note/outcome calls and result objects, and the info and warning notes (`drop`). */
const calleeName = (callee: Node) =>
  callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : '';

/** An info or warning note (which the production build drops). */
function isDroppedNote(node: Node): boolean {
  const [level, text] = node.type === 'CallExpression' ? node.arguments : [];
  return calleeName(node.callee || node) === 'note' && isLevel(level) && level.value !== 'error' && !!text && isText(text);
}

/** A test that only reads: nothing assigns, and the only calls are `indexOf` (a list looked up for a note). */
function onlyReads(node: Node): boolean {
  let acts = false;
  simple(node as any, {
    AssignmentExpression: () => void (acts = true),
    UpdateExpression: () => void (acts = true),
    CallExpression: (call: any) => void (acts = acts || call.callee.type !== 'MemberExpression' || calleeName(call.callee) !== 'indexOf'),
  });
  return !acts;
}

function textsIn(ast: Node): Node[] {
  const texts: Node[] = [];
  simple(ast as any, {
    CallExpression(node: any) {
      const name = calleeName(node.callee);
      const [level, text] = node.arguments;
      if (isDroppedNote(node)) return void texts.push({ ...node, drop: true });
      if ((name === 'note' || name === 'outcome') && isLevel(level) && text && isText(text)) texts.push(text);
    },
    // `if (test) note('warning', …)` goes whole when the test only reads: what it reads is for the note
    IfStatement(node: any) {
      const body = node.consequent.type === 'BlockStatement' && node.consequent.body.length === 1 ? node.consequent.body[0] : node.consequent;
      if (node.alternate || body.type !== 'ExpressionStatement' || !isDroppedNote(body.expression) || !onlyReads(node.test)) return;
      texts.push({ ...node, drop: true, replacement: ';' });
    },
    ObjectExpression(node: any) {
      const prop = (key: string) => node.properties.find((p: any) => p.type === 'Property' && !p.computed && p.key.name === key);
      const status = prop('status');
      const message = prop('message');
      if (status && message && isLevel(status.value) && isText(message.value)) texts.push(message.value);
    },
  });
  return texts.concat(builtTexts(ast)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A literal that is a text (a word, a space and another word: 'cannot load ', 'a number'), not
 * a pattern ('^…') nor a list a method splits ('a b c'.split(' ')).
 */
export const TEXT = /[A-Za-z][^A-Za-z]* [^A-Za-z]*[A-Za-z]/;

/**
 * Every other text of a module, wherever it goes (an outcome of a helper, a label, a returned
 * reason): each literal that is a text, with the `+` chain it is part of.
 */
function builtTexts(ast: Node): Node[] {
  const texts: Node[] = [];
  const visit = (node: Node, value: string, ancestors: Node[]) => {
    const parent = ancestors[ancestors.length - 2];
    if (!TEXT.test(value) || value[0] === '^' || (parent && parent.type === 'MemberExpression' && parent.object === node)) return;
    let top = node;
    for (let i = ancestors.length - 2; i >= 0 && ancestors[i].type === 'BinaryExpression' && ancestors[i].operator === '+'; i--) top = ancestors[i];
    if (isText(top)) texts.push(top);
  };
  ancestor(ast as any, {
    Literal: (node: any, _state: unknown, ancestors: any) => void (typeof node.value === 'string' && visit(node, node.value, ancestors)),
    TemplateLiteral: (node: any, _state: unknown, ancestors: any) =>
      visit(node, node.quasis.map((quasi: any) => quasi.value.cooked).join('${}'), ancestors),
  });
  return texts;
}

/** `source` (TypeScript) as JavaScript with its texts replaced by codes `<module>.<n>` and its info and warning notes dropped; `table` gets code → text. */
export async function withCodes(source: string, module: string, table: Record<string, string>): Promise<string> {
  const js = (await transform(source, { loader: 'ts', format: 'esm', target: 'esnext' })).code;
  const texts = textsIn(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as Node);
  let out = '';
  let at = 0;
  let n = 0;
  for (const text of texts) {
    if (text.start < at) continue; // inside a note already dropped
    let replacement = text.replacement || 'void 0'; // what note() returns
    if (!text.drop) {
      const code = module + '.' + ++n;
      table[code] = js.slice(text.start, text.end);
      replacement = JSON.stringify(code);
    }
    out += js.slice(at, text.start) + replacement;
    at = text.end;
  }
  return out + js.slice(at);
}

const moduleOf = (path: string) => path.replace(/^.*[\\/]/, '').replace(/\.ts$/, '');

/**
 * Modules of the engine outside src/core whose texts are codes too, by their code's module
 * name; the snippet's texts are its own business.
 */
const ENGINE_MODULES: Record<string, string> = {
  'src/bridge/platform.ts': 'bridge-platform', 'src/bridge/runs.ts': 'bridge-runs', 'src/bridge/engine.ts': 'bridge-engine',
  'src/bridge/datalayer/snapshot.ts': 'bridge-snapshot', 'src/bridge/datalayer/consent.ts': 'bridge-consent', 'src/datalayer/model.ts': 'datalayer-model',
};
/** Those modules' paths as an esbuild onLoad filter (either slash). */
const ENGINE_MODULE_PATH = new RegExp(
  '[\\\\/](' + Object.keys(ENGINE_MODULES).map((file) => file.replace(/\./g, '\\.').replace(/\//g, '[\\\\/]')).join('|') + ')$');

/** Every code of src/core under `root` and the text it stands for (the source expression), in code order. */
export async function codeTable(root: string): Promise<Record<string, string>> {
  const table: Record<string, string> = {};
  const dir = join(root, 'src/core');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).sort();
  for (const file of files) await withCodes(readFileSync(join(dir, file), 'utf8'), moduleOf(file), table);
  for (const file of Object.keys(ENGINE_MODULES)) await withCodes(readFileSync(join(root, file), 'utf8'), ENGINE_MODULES[file], table);
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

/** An esbuild plugin giving src/core's modules codes in place of message texts (see the header); `table` gets code → text. */
export function messageCodes(table: Record<string, string> = {}): Plugin {
  return {
    name: 'message-codes',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/].*\.ts$/ }, async (args) => {
        return { contents: await withCodes(readFileSync(args.path, 'utf8'), moduleOf(args.path), table), loader: 'js' };
      });
      build.onLoad({ filter: ENGINE_MODULE_PATH }, async (args) => {
        const file = relative(build.initialOptions.absWorkingDir || process.cwd(), args.path).split('\\').join('/');
        return { contents: await withCodes(readFileSync(args.path, 'utf8'), ENGINE_MODULES[file], table), loader: 'js' };
      });
    },
  };
}
