// MD5 (RFC 1321) of the UTF-8 bytes of a string, in plain sandbox-safe code. The sandbox has
// no charCodeAt, so the bytes come from encodeUriComponent: unreserved ASCII characters are
// looked up in a string of the printable ASCII range, and every other byte arrives as a `%XX`
// escape. Arithmetic is 32-bit through bitwise operators (`| 0`, `>>>`); `~x` is written
// `x ^ -1`. Used for Antsomi customer ids, optional user-id hashing and dedupe signatures.
import { encodeUriComponent } from '../sandbox/lang';

/** Printable ASCII from code 32 (space) to 126 (~): a character's index + 32 is its code. */
const PRINTABLE =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const HEX = '0123456789abcdef';

/**
 * K[i] = floor(abs(sin(i + 1)) * 2^32), RFC 1321 §3.4. The sandbox's Math has no sin: a Taylor
 * series after reducing the angle to [-π, π] is exact to about 1e-6 here, and every K is more
 * than 0.015 from the next integer (test/core/md5.test.ts compares the table with the RFC's).
 */
export function sineTable(): number[] {
  const table: number[] = [];
  const turn = 6.283185307179586;
  for (let i = 1; i <= 64; i++) {
    const x = i - Math.floor(i / turn + 0.5) * turn;
    let term = x;
    let sum = x;
    for (let n = 1; n < 16; n++) {
      term = (-term * x * x) / (2 * n * (2 * n + 1));
      sum += term;
    }
    table.push(Math.floor(Math.abs(sum) * 4294967296));
  }
  return table;
}
const K = sineTable();

/** Per-round left rotations, RFC 1321 §3.4 (four rounds of four amounts). */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** The UTF-8 bytes of a string; null when it cannot be encoded (a lone surrogate). */
export function utf8Bytes(input: string): number[] | null {
  const encoded = encodeUriComponent(input);
  if (encoded === undefined) return null;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charAt(i);
    if (c !== '%') bytes.push(PRINTABLE.indexOf(c) + 32);
    else bytes.push(HEX.indexOf(encoded.charAt(++i).toLowerCase()) * 16 + HEX.indexOf(encoded.charAt(++i).toLowerCase()));
  }
  return bytes;
}

/** Lower-case hex MD5 of a string's UTF-8 bytes; null when it holds a lone surrogate. */
export function md5(input: string): string | null {
  const bytes = utf8Bytes(input);
  if (bytes === null) return null;
  // The padded message as little-endian 32-bit words (RFC 1321 §3.1–3.2).
  const length = bytes.length;
  const words: number[] = [];
  for (let i = (((length + 8) >>> 6) + 1) * 16; i > 0; i--) words.push(0);
  bytes.push(0x80);
  for (let i = 0; i <= length; i++) words[i >>> 2] |= bytes[i] << ((i % 4) * 8);
  words[words.length - 2] = length << 3;
  words[words.length - 1] = length >>> 29;
  let state = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  for (let block = 0; block < words.length; block += 16) {
    // [a, b, c, d] of RFC 1321: each step moves d, c, b one place on and puts the new b second.
    let v = state;
    for (let i = 0; i < 64; i++) {
      // Round r's function and message word (§3.4), then the rotation of its step.
      const r = i >>> 4;
      const b = v[1];
      const c = v[2];
      const d = v[3];
      const f = r === 0 ? (b & c) | ((b ^ -1) & d) : r === 1 ? (d & b) | ((d ^ -1) & c) : r === 2 ? b ^ c ^ d : c ^ (b | (d ^ -1));
      const word = words[block + (r === 0 ? i : r === 1 ? 5 * i + 1 : r === 2 ? 3 * i + 5 : 7 * i) % 16];
      const sum = (v[0] + f + K[i] + word) | 0;
      const shift = SHIFTS[r * 4 + (i % 4)];
      v = [d, (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0, b, c];
    }
    state = state.map((value, j) => (value + v[j]) | 0);
  }
  let out = '';
  for (let i = 0; i < 16; i++) {
    const byte = (state[i >>> 2] >>> ((i % 4) * 8)) & 255;
    out += HEX.charAt(byte >>> 4) + HEX.charAt(byte & 15);
  }
  return out;
}
