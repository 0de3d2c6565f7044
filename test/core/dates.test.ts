import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatIso, parseDate, toIsoDate, toUnixSeconds } from '../../src/core/dates';

describe('dates', () => {
  it('reads a calendar date as midnight UTC', () => {
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads date-times with seconds, fractions and a space separator', () => {
    expect(toIsoDate('2024-03-10T13:45')).toBe('2024-03-10T13:45:00.000Z');
    expect(toIsoDate('2024-03-10T13:45:30')).toBe('2024-03-10T13:45:30.000Z');
    expect(toIsoDate('2024-03-10 13:45:30.5')).toBe('2024-03-10T13:45:30.500Z');
    expect(toIsoDate('2024-03-10T13:45:30.123456Z')).toBe('2024-03-10T13:45:30.123Z');
  });

  it('applies offsets in every ISO spelling', () => {
    expect(toIsoDate('2024-03-10T01:30:00+02:00')).toBe('2024-03-09T23:30:00.000Z');
    expect(toIsoDate('2024-03-10T01:30:00-0530')).toBe('2024-03-10T07:00:00.000Z');
    expect(toIsoDate('2024-03-10T01:30:00+02')).toBe('2024-03-09T23:30:00.000Z');
    expect(toIsoDate('2024-12-31T23:00:00-02:00')).toBe('2025-01-01T01:00:00.000Z');
  });

  it('knows leap years', () => {
    expect(toIsoDate('2000-02-29')).not.toBeNull();
    expect(toIsoDate('2024-02-29')).not.toBeNull();
    expect(toIsoDate('1900-02-29')).toBeNull();
    expect(toIsoDate('2023-02-29')).toBeNull();
  });

  it('rejects impossible dates and times', () => {
    for (const bad of ['2024-13-01', '2024-04-31', '2024-00-10', '2024-01-01T24:00', '2024-01-01T10:60',
      '2024-01-01T10:00:60', '2024-01-01+02:00', '01/02/2024', 'yesterday', '', '2024-1-1']) {
      expect(toIsoDate(bad), bad).toBeNull();
    }
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate({})).toBeNull();
    expect(toIsoDate(Number.NaN)).toBeNull();
  });

  it('tells epoch seconds from epoch milliseconds by size', () => {
    expect(toIsoDate(1700000000)).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoDate(1700000000000)).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoDate('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoDate('1700000000123')).toBe('2023-11-14T22:13:20.123Z');
    expect(toIsoDate(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoDate(-86400)).toBe('1969-12-31T00:00:00.000Z');
  });

  it('agrees with Date on many instants', () => {
    for (let ms = -2_000_000_000_000; ms < 4_000_000_000_000; ms += 37_123_456_789) {
      expect(formatIso(ms)).toBe(new Date(ms).toISOString());
      expect(parseDate(new Date(ms).toISOString())).toBe(ms);
    }
  });

  it('round-trips civil dates and day counts', () => {
    for (let days = -800_000; days < 800_000; days += 997) {
      const [y, m, d] = civilFromDays(days);
      expect(daysFromCivil(y, m, d)).toBe(days);
    }
  });

  it('gives whole unix seconds for Gist', () => {
    expect(toUnixSeconds('2023-11-14T22:13:20.999Z')).toBe(1700000000);
  });
});
