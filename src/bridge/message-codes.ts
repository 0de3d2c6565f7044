// The production engine's short message codes (build time only). In src/core, the text a module
// writes with `note(level, text)`, `outcome(status, text)` or `{status, message: text}` becomes a
// code such as "gist.3" (the module, and the text's place in it), so that the production engine
// carries no message texts: they only matter in debug mode, and debug mode loads the debug
// engine, which keeps them. Only texts are replaced — an expression holding a string literal and
// nothing that assigns — so that what a module does is the same in both builds.
import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
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

/** The texts of `node`'s note/outcome calls and result objects. */
function textsIn(ast: Node): Node[] {
  const texts: Node[] = [];
  simple(ast as any, {
    CallExpression(node: any) {
      const callee = node.callee;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : '';
      if ((name === 'note' || name === 'outcome') && isLevel(node.arguments[0]) && node.arguments[1] && isText(node.arguments[1])) texts.push(node.arguments[1]);
    },
    ObjectExpression(node: any) {
      const prop = (key: string) => node.properties.find((p: any) => p.type === 'Property' && !p.computed && p.key.name === key);
      const status = prop('status');
      const message = prop('message');
      if (status && message && isLevel(status.value) && isText(message.value)) texts.push(message.value);
    },
  });
  return texts.sort((a, b) => a.start - b.start);
}

/** `source` (TypeScript) as JavaScript with its texts replaced by codes `<module>.<n>`; `table` gets code → text. */
export async function withCodes(source: string, module: string, table: Record<string, string>): Promise<string> {
  const js = (await transform(source, { loader: 'ts', format: 'esm', target: 'esnext' })).code;
  const texts = textsIn(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as Node);
  let out = '';
  let at = 0;
  texts.forEach((text, i) => {
    const code = module + '.' + (i + 1);
    table[code] = js.slice(text.start, text.end);
    out += js.slice(at, text.start) + JSON.stringify(code);
    at = text.end;
  });
  return out + js.slice(at);
}

/** An esbuild plugin giving src/core's modules codes in place of message texts; `table` gets code → text. */
export function messageCodes(table: Record<string, string> = {}): Plugin {
  return {
    name: 'message-codes',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/].*\.ts$/ }, async (args) => {
        const module = args.path.replace(/^.*[\\/]/, '').replace(/\.ts$/, '');
        return { contents: await withCodes(readFileSync(args.path, 'utf8'), module, table), loader: 'js' };
      });
    },
  };
}
