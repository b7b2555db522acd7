import dayjs from 'dayjs';
import 'dayjs/locale/pt-br';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../contract/index.ts';
import en from './en.json' with { type: 'json' };
// Portuguese comes in a chunk of its own when first wanted: the first screen carries English only.
import type ptBR from './pt-BR.json';

/** Every text of the English interface has its Portuguese translation (a missing key is a type error). */
type Complete<Dictionary extends typeof en> = Dictionary;
export type PortugueseDictionary = Complete<typeof ptBR>;

/**
 * The interface languages; each is named in its own language in the switch. `firstDayOfWeek` is
 * the first column of the calendars (0 = Sunday): Sunday in Brazil, and in the United States, whose
 * MM/DD/YYYY dates the English interface uses.
 */
export const languages = [
  { code: 'en', label: 'English', dayjsLocale: 'en', firstDayOfWeek: 0 },
  { code: 'pt-BR', label: 'Português (Brasil)', dayjsLocale: 'pt-br', firstDayOfWeek: 0 },
] as const satisfies readonly { code: Locale; label: string; dayjsLocale: string; firstDayOfWeek: 0 | 1 }[];
export type LanguageCode = (typeof languages)[number]['code'];

const STORAGE_KEY = 'partner-portal.language';

function isLanguage(value: unknown): value is LanguageCode {
  return languages.some((language) => language.code === value);
}

function readStoredLanguage(): LanguageCode | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

function initialLanguage(): LanguageCode {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.some((tag) => tag.toLowerCase().startsWith('pt')) ? 'pt-BR' : 'en';
}

export function dayjsLocaleOf(code: string): string {
  return languages.find((language) => language.code === code)?.dayjsLocale ?? 'en';
}

export function firstDayOfWeekOf(code: string): 0 | 1 {
  return languages.find((language) => language.code === code)?.firstDayOfWeek ?? 0;
}

function applyLanguage(code: string): void {
  document.documentElement.lang = code;
  dayjs.locale(dayjsLocaleOf(code));
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
}

const dictionaries: Record<LanguageCode, () => Promise<typeof en>> = {
  en: async () => en,
  'pt-BR': () => import('./pt-BR.json').then((module) => module.default),
};

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: languages.map((language) => language.code),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

i18n.on('languageChanged', applyLanguage);

/** The language asked for last: a slower load of an earlier choice never undoes a later one. */
let wanted: LanguageCode = 'en';

async function switchTo(code: LanguageCode): Promise<void> {
  wanted = code;
  if (!i18n.hasResourceBundle(code, 'translation'))
    i18n.addResourceBundle(code, 'translation', await dictionaries[code]());
  if (wanted === code) await i18n.changeLanguage(code);
}

/** The first language's texts are in: the app renders after this, so no English flashes first. */
export const i18nReady: Promise<void> = switchTo(initialLanguage()).catch(() => {
  // The Portuguese chunk failed to load (network): the interface starts in English.
  applyLanguage('en');
});

export function changeLanguage(code: string): Promise<void> {
  return isLanguage(code) ? switchTo(code) : Promise.resolve();
}

export { isLanguage };
export default i18n;
