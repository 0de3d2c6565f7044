// Bounded input: what one identify carries is capped at limits no real user reaches, each cap
// reported instead of silently cutting; inputs far beyond the caps finish quickly (their time is
// measured by `npm run bench`, not here).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/limits';
import { applyKeyMapping } from '../../src/core/mapping';
import type { Destination, IdentifyInput } from '../../src/core/model';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, antsomiSdk, connectoSdk, gistSdk, mutinySdk, notes, run, texts } from './helpers';

const ALL: Destination[] = [
  { vendor: 'segment' }, { vendor: 'customerio' }, { vendor: 'gist' }, { vendor: 'mutiny' }, { vendor: 'connecto' }, { vendor: 'antsomi' },
];

function loadedPage() {
  const platform = new FakePlatform();
  const segment = analyticsSdk(platform.win);
  analyticsSdk(platform.win, 'cioanalytics');
  gistSdk(platform.win);
  mutinySdk(platform.win);
  connectoSdk(platform.win);
  antsomiSdk(platform.win);
  return { platform, segment };
}

function sendToAll(input: IdentifyInput) {
  const { platform, segment } = loadedPage();
  const { outcome } = run(platform, { userId: 'u-1', email: 'ann@example.com', ...input }, { source: 'gtm_template', destinations: ALL, dedupe: true });
  const traits = segment[0][2] as Record<string, unknown>;
  return { outcome, traits, messages: texts(outcome.messages) };
}

const many = (count: number, make: (i: number) => unknown) => Array.from({ length: count }, (_, i) => make(i));

describe('bounded input', () => {
  it('a 100,000-key traits object sent to six vendors with dedupe carries the first traits up to the cap and says the rest were left out', () => {
    const traits: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) traits['k' + i] = 'v' + i;
    const { outcome, traits: sent, messages } = sendToAll({ traits });
    expect(outcome.results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'sent']);
    expect(Object.keys(sent)).toHaveLength(LIMITS.values + 1); // + email
    expect(sent[`k${LIMITS.values - 1}`]).toBe(`v${LIMITS.values - 1}`);
    expect(messages).toContain(`more than ${LIMITS.values} values in traits; the rest left out`);
  });

  it('a nested traits object counts every value towards the cap', () => {
    const traits = { a: { b: many(5_000, (i) => i) } };
    const { traits: sent, messages } = sendToAll({ traits });
    expect((sent.a as { b: number[] }).b.length).toBeLessThan(LIMITS.values);
    expect(messages).toContain(`more than ${LIMITS.values} values in traits; the rest left out`);
  });

  it('8,000 tag rows: the first rows up to the cap become tags, and the run says the rest were left out', () => {
    const { traits: sent, messages } = sendToAll({ tags: many(8_000, (i) => ({ name: 't' + i, value: 'x' })) });
    expect(sent[`t${LIMITS.tags - 1}`]).toBe('x');
    expect(sent[`t${LIMITS.tags}`]).toBeUndefined();
    expect(messages).toContain(`more than ${LIMITS.tags} tags; the rest left out`);
  });

  it('100,000 labels in one tags text are capped the same way', () => {
    const { traits: sent, messages } = sendToAll({ tags: many(100_000, (i) => 'l' + i).join(',') });
    expect(sent.tags).toHaveLength(LIMITS.tags);
    expect(messages).toContain(`more than ${LIMITS.tags} tags; the rest left out`);
  });

  it('a tag named again later still replaces the earlier one in its place', () => {
    const { traits: sent } = sendToAll({ tags: 'brand=Audi, vip, brand=BMW' });
    expect(sent.brand).toBe('BMW');
    expect(sent.tags).toEqual(['vip']);
  });

  it('8,000 dated traits table rows: the rows up to the cap are used, and the run says the rest were left out', () => {
    const rows = many(8_000, (i) => ({ key: 'd' + i, value: '2024-01-31', type: 'date' }));
    const { traits: sent, messages } = sendToAll({ traitRows: rows });
    expect(sent[`d${LIMITS.rows - 1}`]).toBe('2024-01-31T00:00:00.000Z');
    expect(sent[`d${LIMITS.rows}`]).toBeUndefined();
    expect(messages).toContain(`traits table has 8000 rows; only the first ${LIMITS.rows} are used`);
  });

  it('a later traits row of the same name that is not a date stops the key from being sent as a date', () => {
    const rows = [{ key: 'seen', value: '2024-01-31', type: 'date' }, { key: 'seen', value: 'never', type: 'text' }];
    const { traits: sent } = sendToAll({ traitRows: rows });
    expect(sent.seen).toBe('never');
  });

  it('8,000 key mapping rows: the rows up to the cap are read, and the mapping says the rest were left out', () => {
    const source: Record<string, string> = {};
    for (let i = 0; i < 8_000; i++) source['k' + i] = 'v' + i;
    const { note, list } = notes();
    const input = applyKeyMapping(source, many(8_000, (i) => ({ from: 'k' + i, to: 'b' + i })), {}, note);
    expect(input.traitRows).toHaveLength(LIMITS.rows);
    expect(texts(list)).toContain(`key mapping has 8000 rows; only the first ${LIMITS.rows} are used`);
  });

  it('a trait value longer than the text cap is left out with a warning instead of being cut', () => {
    const long = 'x'.repeat(LIMITS.textLength + 1);
    const { traits: sent, messages } = sendToAll({ traits: { bio: long, plan: 'pro' } });
    expect(sent.bio).toBeUndefined();
    expect(sent.plan).toBe('pro');
    expect(messages).toContain(`traits.bio is longer than ${LIMITS.textLength} characters; left out`);
  });

  it('a trait value exactly at the text cap is sent whole', () => {
    const long = 'x'.repeat(LIMITS.textLength);
    const { traits: sent } = sendToAll({ traits: { bio: long } });
    expect(sent.bio).toBe(long);
  });

  it('text past the characters cap of all the traits together is left out, and the run says so', () => {
    const chunk = 'y'.repeat(LIMITS.textLength);
    const traits: Record<string, string> = {};
    for (let i = 0; i < 10; i++) traits['c' + i] = chunk;
    const { traits: sent, messages } = sendToAll({ traits });
    const whole = LIMITS.characters / LIMITS.textLength;
    expect(Object.keys(sent).filter((key) => key.startsWith('c'))).toHaveLength(whole);
    expect(messages).toContain(`more than ${LIMITS.characters} characters of text in traits; the rest left out`);
  });

  it('a tag value longer than the text cap is left out with a warning', () => {
    const { traits: sent, messages } = sendToAll({ tags: [{ name: 'note', value: 'y'.repeat(LIMITS.textLength + 1) }] });
    expect(sent.note).toBeUndefined();
    expect(messages).toContain(`tag "note" is longer than ${LIMITS.textLength} characters; left out`);
  });
});
