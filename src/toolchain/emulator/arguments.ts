// GTM's `arguments`, which differs from standard JavaScript in two ways, both [REAL]: published
// ___TESTS___ that pass in GTM rely on them (stape's user-data-extractor and Amazon's amznjs
// templates mock APIs with `() => { const name = arguments[0]; … }`; TikTok's pixel template
// calls `arguments[0].substring` on a mock's argument):
// - every function has its own `arguments`, arrows included;
// - `arguments` is an array (isEqualTo(['a', 1]) holds, array methods work).
// The emulator runs code natively, so before compiling it rewrites every function that reads
// `arguments`: a plain function starts with `arguments = [].slice.call(arguments);`, and an
// arrow becomes a function expression doing the same (`this`, the only other difference, does
// not exist in the sandbox). Line breaks are kept, so error positions stay on their lines, and
// `originalOffset` maps offsets in the rewritten code back (coverage counts the code as written).
import { ancestor } from 'acorn-walk';
import { parseSandbox, type AnyNode } from '../js/parse';

const TO_ARRAY = 'arguments = [].slice.call(arguments);';

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Among edits at one position, lower first. */
  order: number;
}

// Orders at one position: a function's first statement, then an arrow's opening `{… return (`,
// then an arrow's head; closings sort among themselves, an inner arrow's before an outer one's.
const FIRST = Number.MIN_SAFE_INTEGER;
const OPENING = -1;
const closing = (arrow: AnyNode): number => -2 - arrow.start;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export interface RewrittenCode {
  code: string;
  /** An offset in `code` → the offset in the code as written (inserted text → where it was inserted). */
  originalOffset(offset: number): number;
}

const unchanged = (code: string): RewrittenCode => ({ code, originalOffset: (offset) => offset });

/** The code with GTM's `arguments`; unchanged when it reads no `arguments` or does not parse. */
export function withGtmArguments(code: string): RewrittenCode {
  if (!code.includes('arguments')) return unchanged(code);
  const parsed = parseSandbox(code);
  if (!parsed.program) return unchanged(code);
  const owners = new Set<AnyNode>();
  ancestor(parsed.program, {
    Identifier(node, _state, ancestors) {
      if ((node as AnyNode).name !== 'arguments') return;
      const owner = [...ancestors].reverse().find((a) => FUNCTION_TYPES.has(a.type));
      if (owner) owners.add(owner as AnyNode);
    },
  });
  const edits = [...owners].flatMap((fn) => (fn.type === 'ArrowFunctionExpression' ? arrowEdits(code, fn) : [insertAt(fn.body.start + 1, TO_ARRAY, FIRST)]));
  return applyEdits(code, edits);
}

const insertAt = (at: number, text: string, order: number): Edit => ({ start: at, end: at, text, order });

/** `(a, b) => x` → `(function (a, b) {arguments = …; return (x); })`, keeping the text after `=>`. */
function arrowEdits(code: string, arrow: AnyNode): Edit[] {
  const lastParam = arrow.params[arrow.params.length - 1];
  const arrowToken = code.indexOf('=>', lastParam ? lastParam.end : arrow.start);
  const head = code.slice(arrow.start, arrowToken); // its line breaks kept
  const params = head.trimStart().startsWith('(') ? head : `(${head})`;
  const body = arrow.body as AnyNode;
  const afterToken = arrowToken + 2;
  const edits = [{ start: arrow.start, end: afterToken, text: `(function ${params}`, order: 0 }];
  if (body.type === 'BlockStatement') return [...edits, insertAt(body.start + 1, TO_ARRAY, FIRST), insertAt(arrow.end, ')', closing(arrow))];
  return [...edits, insertAt(afterToken, ` {${TO_ARRAY} return (`, OPENING), insertAt(arrow.end, '); })', closing(arrow))];
}

function applyEdits(code: string, edits: Edit[]): RewrittenCode {
  edits.sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  /** Per edit: where its text starts in the output, how long it is, and the original range. */
  const placed: { from: number; length: number; start: number; end: number }[] = [];
  for (const edit of edits) {
    out += code.slice(at, edit.start);
    placed.push({ from: out.length, length: edit.text.length, start: edit.start, end: edit.end });
    out += edit.text;
    at = Math.max(at, edit.end);
  }
  const originalOffset = (offset: number): number => {
    let shift = 0;
    for (const p of placed) {
      if (offset < p.from) break;
      if (offset < p.from + p.length) return p.start;
      shift = p.from + p.length - p.end;
    }
    return offset - shift;
  };
  return { code: out + code.slice(at), originalOffset };
}
