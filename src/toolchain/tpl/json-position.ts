// Finds where and why a JSON text is invalid. JSON.parse's messages and positions differ between
// Node versions, so the reader locates errors itself with this small strict scanner (RFC 8259).

export interface JsonProblem {
  /** 0-based offset into the text. */
  offset: number;
  message: string;
}

class Fail {
  constructor(readonly offset: number, readonly message: string) {}
}

export function findJsonProblem(text: string): JsonProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

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
      if (this.text[this.pos] !== '"') {
        const trailing = this.text[this.pos] === '}';
        this.fail(trailing ? "trailing comma before '}'" : `expected a property name in double quotes but found ${this.describe()}`);
      }
      this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name but found ${this.describe()}`);
      this.pos++;
      this.space();
      this.value();
    });
  }

  private array(): void {
    this.sequence(']', 'an array element', () => {
      if (this.text[this.pos] === ']') this.fail("trailing comma before ']'");
      this.value();
    });
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
      this.pos++;
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
