import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogApi, Locale } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

export const catalogKeys = {
  all: ['catalog'] as const,
  products: (locale: Locale) => [...catalogKeys.all, 'products', locale] as const,
};

/** The catalog described in the interface language (product names are brands and stay as they are). */
export function useProducts() {
  const { i18n } = useTranslation();
  const parsed = Locale.safeParse(i18n.language);
  const locale: Locale = parsed.success ? parsed.data : 'en';
  return useQuery({
    queryKey: catalogKeys.products(locale),
    queryFn: async ({ signal }) => (await call(catalogApi.list, { query: { locale }, signal })).items,
    staleTime: 5 * 60_000,
    // While the catalog loads in another language, the page (and the product being added) stays.
    placeholderData: keepPreviousData,
  });
}
