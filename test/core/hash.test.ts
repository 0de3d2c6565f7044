import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashValue, readHashMethod } from '../../src/core/hash';
import { FakePlatform } from './fake-platform';
import { notes } from './helpers';

function hash(value: string, method: 'none' | 'sha256' | 'md5', platform = new FakePlatform()) {
  const { note, list } = notes();
  const results: Array<[string | null, string | null]> = [];
  hashValue(value, method, platform, note, (hashed, error) => results.push([hashed, error]));
  platform.flush();
  return { results, list, platform };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('hashing the user id', () => {
  it('hashes with sha256 through the platform', () => {
    const { results, platform } = hash('user-42', 'sha256');
    expect(results).toEqual([[sha('user-42'), null]]);
    expect(platform.callsTo('sha256')).toEqual([['user-42']]);
  });

  it('hashes with md5 locally', () => {
    expect(hash('user-42', 'md5').results).toEqual([[createHash('md5').update('user-42').digest('hex'), null]]);
  });

  it('trims and lower-cases an email before hashing it', () => {
    expect(hash('  Ann@Example.COM ', 'sha256').results[0][0]).toBe(sha('ann@example.com'));
  });

  it('passes through a value that already is a sha256 hash, in either case', () => {
    const digest = sha('x').toUpperCase();
    const { results, list, platform } = hash(digest, 'sha256');
    expect(results).toEqual([[digest, null]]);
    expect(platform.callsTo('sha256')).toEqual([]);
    expect(list[0].text).toContain('already');
  });

  it('passes through a value that already is an md5 hash', () => {
    expect(hash('0cc175b9c0f1b6a831c399e269772661', 'md5').results[0][0]).toBe('0cc175b9c0f1b6a831c399e269772661');
  });

  it('does not mistake a 32-hex id for a sha256 hash', () => {
    expect(hash('0cc175b9c0f1b6a831c399e269772661', 'sha256').results[0][0]).toBe(sha('0cc175b9c0f1b6a831c399e269772661'));
  });

  it('leaves the id alone with none', () => {
    expect(hash('User-42', 'none').results).toEqual([['User-42', null]]);
  });

  it('reports a sha256 failure once', () => {
    const platform = new FakePlatform();
    platform.sha256Fails = true;
    expect(hash('user-42', 'sha256', platform).results).toEqual([[null, 'SHA-256 hashing failed']]);
  });
});

describe('reading the hash method', () => {
  it('accepts none in any case and spacing without a warning, and warns about an unknown method', () => {
    const { note, list } = notes();
    expect([readHashMethod('NONE', note), readHashMethod(' none ', note), readHashMethod('', note)]).toEqual(['none', 'none', 'none']);
    expect(list).toEqual([]);
    expect(readHashMethod('sha1', note)).toBe('none');
    expect(list.map((m) => m.text)).toEqual(['hash method "sha1" is not none, sha256 or md5; none is used']);
  });
});
