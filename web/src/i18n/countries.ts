import { countryCodes } from '../../../contract/index.ts';

export interface CountryOption {
  value: string;
  label: string;
}

const cache = new Map<string, { options: CountryOption[]; byCode: Map<string, string> }>();

function build(locale: string) {
  let entry = cache.get(locale);
  if (!entry) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    const options = countryCodes
      .map((code) => {
        const name = names?.of(code);
        return { value: code, label: name && name !== code ? `${name} (${code})` : code };
      })
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    entry = { options, byCode: new Map(options.map((option) => [option.value, option.label])) };
    cache.set(locale, entry);
  }
  return entry;
}

/** Every country of the contract, named in the user's language: `United States (US)`, `Brasil (BR)`. */
export function countryOptions(locale: string): CountryOption[] {
  return build(locale).options;
}

/** `Brasil (BR)`; a code the list does not know is shown as it is. */
export function countryLabel(code: string, locale: string): string {
  return build(locale).byCode.get(code) ?? code;
}
