import { useTranslation } from 'react-i18next';
import { type Currency, minorUnitDigits } from '../../../contract/index.ts';

/** Intl separates some parts with (narrow) no-break spaces; show plain spaces (`R$ 1.234,56`). */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** An integer amount in the currency's minor unit, formatted exactly (no float arithmetic). */
export function formatMoney(minor: number, currency: Currency, locale: string): string {
  const digits = minorUnitDigits[currency] ?? 2;
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const major = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return plainSpaces(formatter.format(`${sign}${major}` as `${number}`));
}

/** A date-only value `YYYY-MM-DD`: the calendar date itself, whatever the browser's time zone. */
export function formatDate(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** The local calendar date of a timestamp (ISO 8601 with offset). */
export function formatTimestampDate(isoDateTime: string, locale: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** A moment in the user's time zone: `11/26/2026, 3:04 PM` / `26/11/2026, 15:04`. */
export function formatTimestamp(isoDateTime: string, locale: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return plainSpaces(
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      minute: '2-digit',
    }).format(date),
  );
}

export function formatInteger(value: number, locale: string): string {
  return plainSpaces(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value));
}

/** A wait such as `45 seconds` / `3 minutos`, for rate-limit messages. */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [value, unit] =
    s < 120 ? [s, 'second'] : s < 7200 ? [Math.ceil(s / 60), 'minute'] : [Math.ceil(s / 3600), 'hour'];
  return plainSpaces(
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value),
  );
}

/** Names joined as the language lists them: `PyCharm, WebStorm, and GoLand` / `PyCharm, WebStorm e GoLand`. */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    money: (minor: number, currency: Currency) => formatMoney(minor, currency, locale),
    date: (isoDate: string) => formatDate(isoDate, locale),
    timestampDate: (isoDateTime: string) => formatTimestampDate(isoDateTime, locale),
    timestamp: (isoDateTime: string) => formatTimestamp(isoDateTime, locale),
    integer: (value: number) => formatInteger(value, locale),
    duration: (seconds: number) => formatDuration(seconds, locale),
    list: (items: readonly string[]) => formatList(items, locale),
    period: (start: string, end: string) => `${formatDate(start, locale)} – ${formatDate(end, locale)}`,
  };
}
