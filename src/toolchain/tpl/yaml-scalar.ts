// Writes YAML scalars the way GTM's exporter does. GTM's ___TESTS___ output follows SnakeYAML's
// emitter rules (observed in real exports): multi-line strings become literal blocks (`|-`, `|`,
// `|+`, with an indentation digit when the text starts with a space or a line break), unless a line
// ends in a space or the text holds a tab/control character — then a double-quoted scalar folded
// at column 80 with `\` continuations; single-line strings are plain when YAML 1.1 would read them
// back as the same string, else single-quoted. Plain and quoted scalars fold at the first single
// space after column 80. The `yaml` library folds differently, hence this writer.

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const LINE_BREAKS = '\n\r\u0085\u2028\u2029';
const BLANK_OR_BREAK = '\0 \t' + LINE_BREAKS;

export class YamlWriter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;

  write(data: string): void {
    this.out += data;
    this.column += data.length;
  }

  lineBreak(data = '\n'): void {
    this.out += data;
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }

  /** Starts a line at `indent` unless the cursor already sits at a fresh indentation. */
  indent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.lineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
    }
  }

  indicator(text: string, needWhitespace: boolean, whitespace = false, indentation = false): void {
    this.write(this.whitespace || !needWhitespace ? text : ' ' + text);
    this.whitespace = whitespace;
    this.indention = this.indention && indentation;
  }

  /** A mapping key (plain, never folded). */
  key(text: string): void {
    this.whitespace = false;
    this.indention = false;
    this.write(text);
    this.indicator(':', false);
  }

  /** A string value at `indent` (the indentation of its continuation lines). */
  scalar(text: string, indent: number): void {
    const style = chooseStyle(text);
    if (style === 'plain') this.plain(text, indent);
    else if (style === 'single') this.singleQuoted(text, indent);
    else if (style === 'literal') this.literal(text, indent);
    else this.doubleQuoted(text, indent);
  }

  private plain(text: string, indent: number): void {
    if (!this.whitespace) this.write(' ');
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH) {
            this.indent(indent);
            this.whitespace = false;
            this.indention = false;
          } else {
            this.write(text.slice(start, end));
          }
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        this.write(text.slice(start, end));
        start = end;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
  }

  private singleQuoted(text: string, indent: number): void {
    this.indicator("'", true);
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && start !== 0 && end !== text.length) {
            this.indent(indent);
          } else {
            this.write(text.slice(start, end));
          }
          start = end;
        }
      } else if (ch === undefined || ch === ' ' || ch === "'") {
        if (start < end) {
          this.write(text.slice(start, end));
          start = end;
        }
      }
      if (ch === "'") {
        this.write("''");
        start = end + 1;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
    this.indicator("'", false);
  }

  private doubleQuoted(text: string, indent: number): void {
    this.indicator('"', true);
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (ch === undefined || '"\\\u0085\u2028\u2029\uFEFF'.includes(ch) || !(ch >= ' ' && ch <= '~')) {
        if (start < end) {
          this.write(text.slice(start, end));
          start = end;
        }
        if (ch !== undefined) {
          const pair = isHighSurrogate(ch) && end + 1 < text.length ? ch + text[end + 1] : ch;
          this.write(escapeDoubleQuoted(pair));
          if (pair.length === 2) end++;
          start = end + 1;
        }
      }
      if (0 < end && end < text.length - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > BEST_WIDTH) {
        const data = start >= end ? '\\' : text.slice(start, end) + '\\';
        if (start < end) start = end;
        this.write(data);
        this.indent(indent);
        this.whitespace = false;
        this.indention = false;
        if (text[start] === ' ') this.write('\\');
      }
    }
    this.indicator('"', false);
  }

  private literal(text: string, indent: number): void {
    this.indicator('|' + blockHints(text), true);
    this.lineBreak();
    let breaks = true;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (breaks) {
        if (ch === undefined || !LINE_BREAKS.includes(ch)) {
          for (const br of text.slice(start, end)) this.lineBreak(br);
          if (ch !== undefined) this.indent(indent);
          start = end;
        }
      } else if (ch === undefined || LINE_BREAKS.includes(ch)) {
        this.write(text.slice(start, end));
        if (ch === undefined) this.lineBreak();
        start = end;
      }
      if (ch !== undefined) breaks = LINE_BREAKS.includes(ch);
    }
  }
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(text: string): Style {
  const a = analyze(text);
  if (/[\n\u0085\u2028\u2029]/.test(text)) return a.allowBlock ? 'literal' : 'double';
  if (a.allowBlockPlain && text !== '' && readsAsString(text)) return 'plain';
  return a.allowSingleQuoted ? 'single' : 'double';
}

interface Analysis {
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
  allowBlock: boolean;
}

function analyze(text: string): Analysis {
  if (text === '') return { allowBlockPlain: true, allowSingleQuoted: true, allowBlock: false };
  let indicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = text.length === 1 || BLANK_OR_BREAK.includes(text[1]);
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    const last = i + ch.length >= text.length;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) indicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) indicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) indicators = true;
      if (ch === '#' && precededByWhitespace) indicators = true;
    }
    const isBreak = LINE_BREAKS.includes(ch);
    if (isBreak) lineBreaks = true;
    if (!(ch === '\n' || (code >= 0x20 && code <= 0x7e)) && !isPrintableUnicode(code)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak) {
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    i += ch.length;
    precededByWhitespace = '\0 \t'.includes(ch) || isBreak;
    followedByWhitespace = i + 1 >= text.length || BLANK_OR_BREAK.includes(text[i + 1]) || isBreak;
  }
  let allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let allowSingleQuoted = true;
  let allowBlock = !trailingSpace;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = allowBlock = false;
  if (lineBreaks || indicators) allowBlockPlain = false;
  return { allowBlockPlain, allowSingleQuoted, allowBlock };
}

function isPrintableUnicode(code: number): boolean {
  return code === 0x85 || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function isHighSurrogate(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff;
}

// YAML 1.1 implicit types: a plain scalar matching one of these would not read back as a string.
const IMPLICIT_NON_STRINGS = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F]+[0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:\.[0-9]+|[0-9_]+(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:~|null|Null|NULL| )$/,
  /^(?:<<|=)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
];

function readsAsString(text: string): boolean {
  return !IMPLICIT_NON_STRINGS.some((re) => re.test(text));
}

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  '\0': '0',
  '\u0007': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\u000b': 'v',
  '\f': 'f',
  '\r': 'r',
  '\u001b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escapeDoubleQuoted(ch: string): string {
  const short = DOUBLE_QUOTED_ESCAPES[ch];
  if (short) return '\\' + short;
  const code = ch.codePointAt(0)!;
  if (isPrintableUnicode(code)) return ch;
  if (code <= 0xff) return '\\x' + code.toString(16).padStart(2, '0');
  return '\\u' + code.toString(16).padStart(4, '0');
}

/** Indentation digit when the text starts with a space or break; chomping from its ending. */
function blockHints(text: string): string {
  let hints = ' \n\r\u0085\u2028\u2029'.includes(text[0]) ? String(BEST_INDENT) : '';
  const last = text[text.length - 1];
  if (!LINE_BREAKS.includes(last)) hints += '-';
  else if (text.length === 1 || LINE_BREAKS.includes(text[text.length - 2])) hints += '+';
  return hints;
}
