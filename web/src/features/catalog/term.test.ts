import { describe, expect, it } from 'vitest';
import { DEFAULT_TERM, termChoice, termLabelKey, termOptions, termYearsOf } from './term.ts';

describe('terms', () => {
  it('reads a picker’s value: two years, or else the standard one', () => {
    expect(termChoice('2')).toBe('2');
    expect(termChoice('1')).toBe('1');
    expect(termChoice('3')).toBe('1');
    expect(termChoice(null)).toBe('1');
    expect(DEFAULT_TERM).toBe('1');
  });

  it('sends the term in years', () => {
    expect(termYearsOf('1')).toBe(1);
    expect(termYearsOf('2')).toBe(2);
  });

  it('names a line’s term', () => {
    expect(termLabelKey(1)).toBe('catalog.oneYear');
    expect(termLabelKey(2)).toBe('catalog.twoYears');
  });

  it('offers one year then two, labelled by the translation', () => {
    expect(termOptions((key) => `<${key}>`)).toEqual([
      { value: '1', label: '<catalog.oneYear>' },
      { value: '2', label: '<catalog.twoYears>' },
    ]);
  });
});
