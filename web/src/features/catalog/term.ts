import type { z } from 'zod';
import type { TermYears } from '../../../../contract/index.ts';

/** A term in years, as the contract's requests carry it. */
export type Term = z.infer<typeof TermYears>;

/** A term as a picker holds it (radio and select values are strings). */
export type TermChoice = '1' | '2';

/** The standard term, chosen until the user picks another. */
export const DEFAULT_TERM: TermChoice = '1';

/** A picker's value as a term: `'2'` is two years; anything else, the standard one year. */
export function termChoice(value: string | null | undefined): TermChoice {
  return value === '2' ? '2' : '1';
}

/** The term a request sends (the contract's TermYears). */
export function termYearsOf(choice: TermChoice): Term {
  return choice === '2' ? 2 : 1;
}

/** The interface text naming a term (a line's term in years: 2, or else the standard one). */
export function termLabelKey(years: number): 'catalog.oneYear' | 'catalog.twoYears' {
  return years === 2 ? 'catalog.twoYears' : 'catalog.oneYear';
}

/** The terms a user may choose, shortest first, labelled by `translate`. */
export function termOptions(translate: (key: string) => string): { value: TermChoice; label: string }[] {
  return (['1', '2'] as const).map((value) => ({
    value,
    label: translate(termLabelKey(termYearsOf(value))),
  }));
}
