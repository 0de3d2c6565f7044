// Optional step 3 of compileSandbox: compact whitespace without renaming anything, so the code
// in GTM's editor keeps the source's names and one statement per line (auditable), but not
// esbuild's indentation and operator spacing (a fifth of a readable bundle's bytes).
//  - between two tokens: nothing, or one space where the tokens would otherwise merge;
//  - a line break esbuild wrote is kept inside blocks and object literals (statements, members)
//    and joined inside parentheses and brackets (argument and array lists); a closing brace
//    ends the line of the block's last statement instead of taking a line of its own;
//  - lines are not indented (the code is checked and traced to its TypeScript, where it is);
//  - `const` is written `let` (TypeScript has already checked that nothing is reassigned);
//  - comments (esbuild's `// src/x.ts` module markers) are kept on lines of their own.
// The result is re-tokenized and must equal the input token for token (`let` for `const`), or
// the input is returned.
import { tokenizer, type Comment, type Token } from 'acorn';
import { applyEdits, type Edit, type MappedText } from './mapped-text';

const WORD = /[\w$\\]/;
const OPENERS = new Set(['{', '${', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);

/** Tokens (with comments among them, in source order), or undefined when the code does not tokenize. */
function lex(code: string): Array<Token | Comment> | undefined {
  const comments: Comment[] = [];
  const tokens: Array<Token | Comment> = [];
  try {
    for (const token of tokenizer(code, { ecmaVersion: 'latest', allowReturnOutsideFunction: true, onComment: comments })) {
      tokens.push(token);
    }
  } catch {
    return undefined;
  }
  return [...tokens, ...comments].sort((a, b) => a.start - b.start);
}

const isComment = (token: Token | Comment): token is Comment => typeof token.type === 'string';
const isLineComment = (token: Token | Comment): boolean => isComment(token) && token.type === 'Line';
/** Line breaks are statement and member breaks at the top level and in braces; in lists they are joined. */
const inBlock = (open: readonly string[]): boolean => open.length === 0 || open[open.length - 1] === '{' || open[open.length - 1] === '${';

/** What separates `before` from `after` so that they still read as two tokens. */
function separator(code: string, before: Token | Comment, after: Token | Comment): string {
  const last = code[before.end - 1];
  const first = code[after.start];
  if (WORD.test(last) && WORD.test(first)) return ' ';
  if ((last === '+' || last === '-') && first === last) return ' ';
  if (last === '/' && (first === '/' || first === '*')) return ' ';
  return '';
}

export function compactCode(code: string): MappedText {
  const tokens = lex(code);
  if (!tokens) return applyEdits(code, []);
  const edits: Edit[] = [];
  const open: string[] = [];
  let previous: Token | Comment | undefined;
  for (const token of tokens) {
    const gapStart = previous ? previous.end : 0;
    const gap = code.slice(gapStart, token.start);
    const label = isComment(token) ? '' : code.slice(token.start, token.end);
    let text = '';
    const lineBreak = gap.indexOf('\n') >= 0 && inBlock(open) && label !== '}';
    if (previous && (isLineComment(previous) || isLineComment(token) || lineBreak)) text = '\n';
    else if (previous) text = isComment(previous) || isComment(token) ? ' ' : separator(code, previous, token);
    if (gap !== text) edits.push({ start: gapStart, end: token.start, text });
    if (isDeclaration(code, previous, token, label)) edits.push({ start: token.start, end: token.end, text: 'let' });
    if (CLOSERS.has(label)) open.pop();
    if (OPENERS.has(label)) open.push(label);
    previous = token;
  }
  if (previous && previous.end < code.length) edits.push({ start: previous.end, end: code.length, text: '\n' });
  const compacted = applyEdits(code, edits);
  return sameTokens(code, compacted.toString()) ? compacted : applyEdits(code, []);
}

/** `const` as the declaration keyword (not a property name such as `x.const` or `{const: 1}`). */
function isDeclaration(code: string, previous: Token | Comment | undefined, token: Token | Comment, label: string): boolean {
  if (label !== 'const' || (previous && code.slice(previous.start, previous.end) === '.')) return false;
  return code.slice(token.end).trimStart().charAt(0) !== ':';
}

const sameToken = (a: string, b: string): boolean => a === b || (a === 'const' && b === 'let');

function sameTokens(a: string, b: string): boolean {
  const left = lex(a);
  const right = lex(b);
  if (!left || !right || left.length !== right.length) return false;
  return left.every((token, i) => sameToken(a.slice(token.start, token.end), b.slice(right[i].start, right[i].end)));
}
