import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDuration,
  formatInteger,
  formatList,
  formatMoney,
  formatTimestamp,
  formatTimestampDate,
} from './format.ts';

describe('formatMoney', () => {
  it('shows minor units exactly, in the locale’s way', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(123456, 'BRL', 'pt-BR')).toBe('R$ 1.234,56');
    expect(formatMoney(5, 'EUR', 'en-US')).toBe('€0.05');
  });

  it('keeps the sign of a negative amount (a credit)', () => {
    expect(formatMoney(-1999, 'USD', 'en-US')).toBe('-$19.99');
  });

  it('does not lose cents to floating point on large amounts', () => {
    expect(formatMoney(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('uses plain spaces, never no-break ones', () => {
    expect(formatMoney(100, 'EUR', 'pt-BR')).not.toMatch(/[\u00a0\u202f]/);
  });
});

describe('formatDate', () => {
  it('shows the calendar date itself, whatever the time zone', () => {
    expect(formatDate('2026-03-01', 'en-US')).toBe('03/01/2026');
    expect(formatDate('2026-03-01', 'pt-BR')).toBe('01/03/2026');
  });

  it('leaves a value that is not a date as it is', () => {
    expect(formatDate('soon', 'en-US')).toBe('soon');
  });
});

describe('timestamps', () => {
  it('leave an unreadable value as it is', () => {
    expect(formatTimestampDate('not a time', 'en-US')).toBe('not a time');
    expect(formatTimestamp('not a time', 'en-US')).toBe('not a time');
  });

  it('show a moment with its date and time', () => {
    expect(formatTimestamp('2026-11-26T15:04:00Z', 'pt-BR')).toMatch(/^\d{2}\/\d{2}\/2026, \d{2}:04$/);
  });
});

describe('formatInteger', () => {
  it('groups thousands per locale and drops fractions', () => {
    expect(formatInteger(1234567, 'en-US')).toBe('1,234,567');
    expect(formatInteger(1234567, 'pt-BR')).toBe('1.234.567');
    expect(formatInteger(2.6, 'en-US')).toBe('3');
  });
});

describe('formatDuration', () => {
  it('counts seconds under two minutes, then minutes, then hours, rounding up', () => {
    expect(formatDuration(45, 'en-US')).toBe('45 seconds');
    expect(formatDuration(0.2, 'en-US')).toBe('1 second');
    expect(formatDuration(150, 'en-US')).toBe('3 minutes');
    expect(formatDuration(3 * 3600, 'pt-BR')).toBe('3 horas');
  });
});

describe('formatList', () => {
  it('joins names the way each language lists them', () => {
    expect(formatList(['PyCharm'], 'en')).toBe('PyCharm');
    expect(formatList(['PyCharm', 'WebStorm'], 'en')).toBe('PyCharm and WebStorm');
    expect(formatList(['GoLand', 'PyCharm', 'WebStorm'], 'en')).toBe('GoLand, PyCharm, and WebStorm');
    expect(formatList(['GoLand', 'PyCharm', 'WebStorm'], 'pt-BR')).toBe('GoLand, PyCharm e WebStorm');
  });
});
