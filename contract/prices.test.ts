import { describe, expect, it } from 'vitest';
import { typedYearlyListPrice } from './admin.ts';
import { ruleOf } from './validation.ts';

/** What staff typing `text` as a USD price gets: the minor units, or the rule it breaks. */
function typed(text: string): number | string {
  const parsed = typedYearlyListPrice('USD').safeParse(text);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  return issue ? ruleOf(issue).rule : 'no issue';
}

describe('a yearly list price as staff type it', () => {
  it('reads whole units, one or two decimals, with a point or a comma', () => {
    expect(typed('599')).toBe(59_900);
    expect(typed('599.9')).toBe(59_990);
    expect(typed('599,90')).toBe(59_990);
    expect(typed(' 0.01 ')).toBe(1);
    expect(typed('1000000.00')).toBe(100_000_000);
  });

  it('refuses anything that could be read as another amount than it says', () => {
    // "-5" was once read as 5.00 while the field showed 0.01.
    for (const text of ['-5', '+5', '5.001', '1,000.00', '1,000', '1e3', '5 00', '$5', 'abc', '', '.5', '5.'])
      expect(typed(text), text).toBe('amount_format');
    expect(typed('0')).toBe('price_positive');
    expect(typed('0.00')).toBe('price_positive');
    expect(typed('1000000.01')).toBe('price_max');
    expect(typed('999999999999')).toBe('price_max');
  });
});
