import { useQuery } from '@tanstack/react-query';
import { catalogApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

export const catalogKeys = {
  all: ['catalog'] as const,
  products: () => [...catalogKeys.all, 'products'] as const,
};

export function useProducts() {
  return useQuery({
    queryKey: catalogKeys.products(),
    queryFn: async ({ signal }) => (await call(catalogApi.list, { signal })).items,
    staleTime: 5 * 60_000,
  });
}
