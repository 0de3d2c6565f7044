import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5, sineTable, utf8Bytes } from '../../src/core/md5';

const nodeMd5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

describe('md5', () => {
  it('computes the RFC 1321 sine table without Math.sin', () => {
    expect(sineTable()).toEqual(Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32)));
    expect(sineTable().slice(0, 2)).toEqual([0xd76aa478, 0xe8c7b756]);
  });

  it('matches the RFC 1321 test suite', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toBe('d174ab98d277d9f5a5611c2c9f419d9f');
    expect(md5('12345678901234567890123456789012345678901234567890123456789012345678901234567890'))
      .toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('hashes non-ASCII text as its UTF-8 bytes', () => {
    for (const text of ['é', 'Müller', 'Zoë@example.com', '日本語', '😀 emoji', 'ﬁ', '\u0000\u007f']) {
      expect(md5(text)).toBe(nodeMd5(text));
    }
  });

  it('matches fixed digests of non-ASCII text (computed with coreutils md5sum, not Node)', () => {
    expect(md5('The quick brown fox jumps over the lazy dog')).toBe('9e107d9d372bb6826bd81d3542a419d6');
    expect(md5('é')).toBe('66ddcd97cfdeabb2f6fb8a999b4bc76f');
    expect(md5('Müller')).toBe('e35bc0a78f1c870124dfc1bbbd23721f');
    expect(md5('Zoë@example.com')).toBe('6d7ad22b1b870507a43c0c342191b7fc');
    expect(md5('日本語')).toBe('00110af8b4393ef3f72c50be5b332bec');
    expect(md5('😀 emoji')).toBe('937948e47e1dfa66901634dea84a7092');
  });

  it('hashes every printable ASCII character correctly', () => {
    let ascii = '';
    for (let code = 32; code < 127; code++) ascii += String.fromCharCode(code);
    expect(md5(ascii)).toBe(nodeMd5(ascii));
  });

  it('hashes inputs across block boundaries and long inputs', () => {
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000]) {
      const text = 'x'.repeat(length);
      expect(md5(text), 'length ' + length).toBe(nodeMd5(text));
    }
  });

  it('derives UTF-8 bytes without charCodeAt', () => {
    expect(utf8Bytes('A€')).toEqual([65, 0xe2, 0x82, 0xac]);
  });

  it('returns null for a lone surrogate instead of throwing', () => {
    expect(md5('\ud800')).toBeNull();
  });
});
