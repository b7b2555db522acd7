import type { Locale } from '../../contract/catalog.ts';

const names = new Map<Locale, Intl.DisplayNames>();

/** A country's name in the document's language (`Brasil`, `United States`); the code if unknown. */
export function countryName(code: string, locale: Locale): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: 'region' });
    names.set(locale, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    // A code Intl does not know as a region (never one of the contract's) is shown as it is.
    return code;
  }
}
