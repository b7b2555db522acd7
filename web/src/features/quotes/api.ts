import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type CreateQuoteRequest, quotesApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { cartKeys } from '../cart/api.ts';

export interface QuoteFilters {
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const quoteKeys = {
  all: ['quotes'] as const,
  lists: () => [...quoteKeys.all, 'list'] as const,
  list: (filters: QuoteFilters) => [...quoteKeys.lists(), filters] as const,
  details: () => [...quoteKeys.all, 'detail'] as const,
  detail: (quoteNumber: string) => [...quoteKeys.details(), quoteNumber] as const,
};

export function useQuotes(filters: QuoteFilters) {
  return useQuery({
    queryKey: quoteKeys.list(filters),
    queryFn: ({ signal }) => call(quotesApi.list, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQuote(quoteNumber: string, enabled = true) {
  return useQuery({
    queryKey: quoteKeys.detail(quoteNumber),
    queryFn: ({ signal }) => call(quotesApi.get, { params: { quoteNumber }, signal }),
    enabled,
  });
}

export function useCreateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateQuoteRequest>) =>
      call(quotesApi.create, { body, context: { customerId: body.customerId } }),
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteKeys.detail(quote.quoteNumber), quote);
      // The server empties the cart into the quote and the quote lists gain a row. Not awaited: the
      // page moves on to the new quote at once instead of showing the emptied cart first.
      void queryClient.invalidateQueries({ queryKey: quoteKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: cartKeys.all });
    },
  });
}
