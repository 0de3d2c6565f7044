// Dates without `Date` (the sandbox has none): ISO-8601 strings and epoch numbers are turned
// into epoch milliseconds with civil-from-days arithmetic (Howard Hinnant's algorithms), and
// back into ISO-8601 UTC strings shaped like Date.prototype.toISOString.
//
// Accepted inputs (docs/template.md, "The fields": Traits):
//   - '2024-02-29'                      a calendar date, read as midnight UTC
//   - '2024-02-29T13:45', '…T13:45:30', '…T13:45:30.123' (also with a space instead of 'T')
//     a date-time without an offset is read as UTC (the sandbox knows no time zone)
//   - any of those followed by 'Z', '+02:00', '-0530' or '+02': that offset is applied
//   - a number or a string of digits: epoch seconds when its size is below 1e11 (until the
//     year 5138), otherwise epoch milliseconds — so 1700000000 and 1700000000000 are the
//     same instant
// Anything else, and impossible dates such as 2023-02-29 or 24:00, is not a date (null).
import { getType, makeNumber, makeString } from '../sandbox/lang';
import { isFiniteNumber } from './checks';

const DAY_MS = 86400000;
const EPOCH_SECONDS_BELOW = 100000000000;
// The largest instant with a four-digit year (9999-12-31T23:59:59.999Z) and the smallest (0000-01-01).
const MAX_MS = 253402300799999;
const MIN_MS = -62167219200000;

const ISO_PATTERN =
  '^([0-9]{4})-([0-9]{2})-([0-9]{2})' +
  '(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?)?' +
  '([Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?)?$';
const NUMBER_PATTERN = '^-?[0-9]+(?:[.][0-9]+)?$';

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/** [year, month, day] of a count of days since 1970-01-01. */
export function civilFromDays(days: number): number[] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

/** `value` (0 to 9999) in `width` digits (at most 4), with leading zeros. */
function pad(value: number, width: number): string {
  const digits = '000' + makeString(value);
  return digits.substring(digits.length - width);
}

/** Epoch milliseconds as 'YYYY-MM-DDTHH:mm:ss.sssZ' (what toISOString gives). */
export function formatIso(ms: number): string {
  const whole = Math.floor(ms);
  const days = Math.floor(whole / DAY_MS);
  const civil = civilFromDays(days);
  const time = whole - days * DAY_MS;
  /** The time of day in units of `size` ms, modulo `count`, padded to `width` digits. */
  const unit = (size: number, count: number, width: number) => pad(Math.floor(time / size) % count, width);
  return pad(civil[0], 4) + '-' + pad(civil[1], 2) + '-' + pad(civil[2], 2) + 'T' + unit(3600000, 24, 2) + ':' +
    unit(60000, 60, 2) + ':' + unit(1000, 60, 2) + '.' + unit(1, 1000, 3) + 'Z';
}

/** Epoch milliseconds as 'YYYY-MM-DD HH:mm:ss' in UTC (the shape Antsomi's lead time uses). */
export function formatSpaced(ms: number): string {
  const iso = formatIso(ms);
  return iso.substring(0, 10) + ' ' + iso.substring(11, 19);
}

const inRange = (ms: number): number | null => ms >= MIN_MS && ms <= MAX_MS ? ms : null;

function fromEpochNumber(value: number): number | null {
  if (!isFiniteNumber(value)) return null;
  const ms = Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value;
  return inRange(Math.round(ms));
}

function fromIsoString(value: string): number | null {
  const parts = value.match(ISO_PATTERN);
  if (!parts) return null;
  const given = (i: number) => getType(parts[i]) === 'string';
  const part = (i: number) => (given(i) ? makeNumber(parts[i]) : 0);
  const days = daysFromCivil(part(1), part(2), part(3));
  const civil = civilFromDays(days);
  // An impossible date (2023-02-29, month 13, day 0) comes back from the round trip as another.
  if (civil[0] !== part(1) || civil[1] !== part(2) || civil[2] !== part(3)) return null;
  // Groups: 4-7 the time, 8 the offset (9 its sign, 10-11 hours and minutes); no offset without a time.
  if (part(4) > 23 || part(5) > 59 || part(6) > 59 || part(10) > 23 || part(11) > 59 || (given(8) && !given(4))) return null;
  const minutes = (days * 24 + part(4)) * 60 + part(5) - (parts[9] === '-' ? -1 : 1) * (part(10) * 60 + part(11));
  const fraction = given(7) ? makeNumber((parts[7] + '00').substring(0, 3)) : 0;
  return inRange((minutes * 60 + part(6)) * 1000 + fraction);
}

/** Epoch milliseconds of an ISO-8601 string or an epoch number (see the header); null otherwise. */
export function parseDate(value: unknown): number | null {
  const type = getType(value);
  if (type === 'number') return fromEpochNumber(value as number);
  if (type !== 'string') return null;
  const trimmed = (value as string).trim();
  if (trimmed.match(NUMBER_PATTERN)) return fromEpochNumber(makeNumber(trimmed));
  return fromIsoString(trimmed);
}

/** The ISO-8601 UTC form of a date value, or null when it is not a date. */
export function toIsoDate(value: unknown): string | null {
  const ms = parseDate(value);
  return ms === null ? null : formatIso(ms);
}

/** Whole unix seconds of a date value (Gist's `_at` properties), or null. */
export function toUnixSeconds(value: unknown): number | null {
  const ms = parseDate(value);
  return ms === null ? null : Math.floor(ms / 1000);
}
