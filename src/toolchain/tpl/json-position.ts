// Finds where and why a JSON text is invalid. JSON.parse's messages and positions differ between
// Node versions, so the reader locates errors itself with this small strict scanner (RFC 8259).
// In lenient mode it also reads JSON as GTM imports ___TEMPLATE_PARAMETERS___ and
// ___WEB_PERMISSIONS___: trailing commas and unquoted property names are accepted [REAL:
// Conviva's gallery template, at the commit its gallery entry names, has `subParams:[` and
// `…,\n]` and imports into GTM]. Nothing else is [INF: the stricter reading].
// Problems are Diagnostics at 1-based lines and columns of the text: rule `format` for what
// cannot be read, `lenient-json` (a warning) for each spot only a lenient reading accepts.
import type { Diagnostic } from '../diagnostics/diagnostic';
import { LineIndex } from '../diagnostics/lines';

/** A problem at a 0-based offset, while scanning. */
interface Spot {
  offset: number;
  message: string;
}

class Fail {
  constructor(readonly offset: number, readonly message: string) {}
}

const at = (text: string, { offset, message }: Spot, rule: string): Diagnostic => ({ ...new LineIndex(text).location(offset), rule, message });

/** Where and why `text` is not JSON (rule `format`); undefined when it is. */
export function findJsonProblem(text: string): Diagnostic | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return at(text, e, 'format');
    throw e;
  }
}

/** Where a text departs from strict JSON in a way GTM accepts, and the edit that makes it strict. */
interface Leniency extends Spot {
  edit: { at: number; remove: number; insert: string };
}

export type LenientJson = { value: unknown; leniencies: Diagnostic[]; problem?: undefined } | { problem: Diagnostic };

/** The value of a JSON text read as GTM reads its JSON sections, with each lenient spot. */
export function parseLenientJson(text: string): LenientJson {
  const scanner = new Scanner(text, true);
  try {
    scanner.document();
  } catch (e) {
    if (e instanceof Fail) return { problem: at(text, e, 'format') };
    throw e;
  }
  let strict = text;
  for (const { edit } of [...scanner.leniencies].reverse()) {
    strict = strict.slice(0, edit.at) + edit.insert + strict.slice(edit.at + edit.remove);
  }
  const leniencies = scanner.leniencies.map((spot): Diagnostic => ({ ...at(text, spot, 'lenient-json'), severity: 'warning' }));
  return { value: JSON.parse(strict), leniencies };
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const BARE_NAME = /[A-Za-z_$][A-Za-z0-9_$]*/y;

class Scanner {
  private pos = 0;
  /** Lenient spots, in text order. */
  readonly leniencies: Leniency[] = [];
  constructor(private readonly text: string, private readonly lenient = false) {}

  document(): void {
    this.space();
    this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
  }

  private fail(message: string, offset = this.pos): never {
    throw new Fail(offset, message);
  }

  private describe(): string {
    return this.pos >= this.text.length ? 'the end of the text' : `'${this.text[this.pos]}'`;
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private value(): void {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`expected a JSON value but found ${this.describe()}`);
  }

  private object(): void {
    this.sequence('}', 'a property value', () => {
      if (this.text[this.pos] === '"') this.string();
      else this.bareName();
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name but found ${this.describe()}`);
      this.pos++;
      this.space();
      this.value();
    });
  }

  private array(): void {
    this.sequence(']', 'an array element', () => this.value());
  }

  /** An unquoted property name (lenient mode only). */
  private bareName(): void {
    BARE_NAME.lastIndex = this.pos;
    const name = this.lenient ? BARE_NAME.exec(this.text)?.[0] : undefined;
    if (!name) this.fail(`expected a property name in double quotes but found ${this.describe()}`);
    this.tolerate(`property name ${name} without double quotes`, { at: this.pos, remove: name.length, insert: JSON.stringify(name) });
    this.pos += name.length;
  }

  private tolerate(what: string, edit: Leniency['edit']): void {
    this.leniencies.push({ offset: edit.at, message: `${what} (GTM imports it; strict JSON does not allow it)`, edit });
  }

  /** `{…}` or `[…]` from its opening bracket: items separated by commas, none after the last. */
  private sequence(close: '}' | ']', itemName: string, item: () => void): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      item();
      this.space();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      if (this.text[this.pos] !== ',') this.fail(`expected ',' or '${close}' after ${itemName} but found ${this.describe()}`);
      const comma = this.pos++;
      this.space();
      if (this.text[this.pos] === close) {
        if (!this.lenient) this.fail(`trailing comma before '${close}'`);
        this.tolerate(`trailing comma before '${close}'`, { at: comma, remove: 1, insert: '' });
        this.pos++;
        return;
      }
    }
  }

  private string(): void {
    const start = this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === '\n') this.fail('unterminated string', start);
      if (ch < ' ') this.fail('control character in a string (escape it)');
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('bad \\u escape: four hex digits expected');
          this.pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail(`bad escape '\\${next ?? ''}' in a string`);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.fail('unterminated string', start);
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('malformed number');
    this.pos += match[0].length;
  }
}
