import { describe, expect, it } from 'vitest';
import { errorCodes, validationMessages } from '../../../contract/index.ts';
import en from './en.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/**
 * The type checks (errors.ts) make sure every error code and validation rule has a text in each
 * language; this makes sure the text says something, and names the same values in both languages.
 */
const dictionaries = { en, 'pt-BR': ptBR } as const;

const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Every text of a dictionary by its dotted key, as i18next looks it up. */
function textsOf(dictionary: object, prefix = ''): [string, string][] {
  return Object.entries(dictionary).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : textsOf(value as object, `${prefix}${key}.`),
  );
}

describe('the interface dictionaries', () => {
  it.each(Object.keys(dictionaries))('have a text in %s for every error code of the catalog', (language) => {
    const texts: Record<string, string> = dictionaries[language as keyof typeof dictionaries].errors;
    const empty = Object.keys(errorCodes).filter((code) => !texts[code]?.trim());
    expect(empty).toEqual([]);
  });

  it.each(Object.keys(dictionaries))('have a text in %s for every validation rule', (language) => {
    const texts: Record<string, string> = dictionaries[language as keyof typeof dictionaries].validation;
    const empty = Object.keys(validationMessages).filter((rule) => !texts[rule]?.trim());
    expect(empty).toEqual([]);
  });

  it('name the same {{values}} in English and Portuguese', () => {
    const portuguese = new Map(textsOf(ptBR));
    const differing = textsOf(en)
      .filter(([key, text]) => {
        const translated = portuguese.get(key);
        return translated === undefined || placeholdersOf(text).join() !== placeholdersOf(translated).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('give each validation rule the {{values}} the server sends with it', () => {
    const differing = Object.entries(validationMessages)
      .filter(
        ([rule, message]) =>
          placeholdersOf(message).join() !==
          placeholdersOf(en.validation[rule as keyof typeof en.validation]).join(),
      )
      .map(([rule]) => rule);
    expect(differing).toEqual([]);
  });
});
