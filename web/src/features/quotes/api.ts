import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type CheckDirectQuoteRequest,
  type ConvertDirectQuoteRequest,
  type CreateQuoteRequest,
  type EmailQuoteRequest,
  type Quote,
  type QuoteCopy,
  type QuoteListFilters,
  quotesApi,
  type SetResalePricesRequest,
} from '../../../../contract/index.ts';
import { buildUrl, call } from '../../api/client.ts';
import { listCsvUrl } from '../../api/csv-url.ts';
import { retryLostAnswer } from '../../api/queryClient.ts';
import { inUserDays } from '../../api/utc-offset.ts';
import { cartKeys } from '../cart/api.ts';

export const quoteKeys = {
  all: ['quotes'] as const,
  lists: () => [...quoteKeys.all, 'list'] as const,
  list: (filters: QuoteListFilters) => [...quoteKeys.lists(), filters] as const,
  details: () => [...quoteKeys.all, 'detail'] as const,
  detail: (quoteNumber: string) => [...quoteKeys.details(), quoteNumber] as const,
};

export function useQuotes(filters: QuoteListFilters) {
  return useQuery({
    queryKey: quoteKeys.list(filters),
    queryFn: ({ signal }) => call(quotesApi.list, { query: inUserDays(filters), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the list with the filters on screen: every matching quote, no pages. */
export function quotesCsvUrl(filters: QuoteListFilters): string {
  return listCsvUrl(quotesApi.exportCsv, inUserDays(filters));
}

export function useQuote(quoteNumber: string, enabled = true) {
  return useQuery({
    queryKey: quoteKeys.detail(quoteNumber),
    queryFn: ({ signal }) => call(quotesApi.get, { params: { quoteNumber }, signal }),
    enabled,
  });
}

/** Get Quote: `idempotencyKey` is the user's attempt (useAttemptKey), the same for a retry of it. */
export function useCreateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: z.input<typeof CreateQuoteRequest>;
      idempotencyKey: string;
    }) => call(quotesApi.create, { body, idempotencyKey, context: { customerId: body.customerId } }),
    retry: retryLostAnswer,
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteKeys.detail(quote.quoteNumber), quote);
      // The server empties the cart into the quote and the quote lists gain a row. Not awaited: the
      // page moves on to the new quote at once instead of showing the emptied cart first.
      void queryClient.invalidateQueries({ queryKey: quoteKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: cartKeys.all });
    },
  });
}

/** Cancel quote: the answer is the quote as it is now (status, actions), shown at once. */
export function useCancelQuote(quoteNumber: string) {
  const queryClient = useQueryClient();
  const store = (quote: Quote) => queryClient.setQueryData(quoteKeys.detail(quote.quoteNumber), quote);
  return useMutation({
    mutationFn: () => call(quotesApi.cancel, { params: { quoteNumber } }),
    onSuccess: (quote) => {
      store(quote);
      void queryClient.invalidateQueries({ queryKey: quoteKeys.lists() });
    },
    // Refused because the quote is no longer what the page shows (expired, cancelled in another
    // tab): show it as the server has it now, with the actions it allows.
    onError: () => queryClient.invalidateQueries({ queryKey: quoteKeys.detail(quoteNumber) }),
  });
}

/** A vendor direct quote checked before the licensee is asked for: refused at once if it cannot be converted. */
export function useCheckDirectQuote() {
  return useMutation({
    mutationFn: (body: z.input<typeof CheckDirectQuoteRequest>) =>
      call(quotesApi.checkDirect, { body, context: { quoteNumber: body.quoteNumber } }),
  });
}

/** A vendor direct quote becomes this partner's quote (SPEC §3 item 4). */
export function useConvertDirectQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ConvertDirectQuoteRequest>) =>
      call(quotesApi.convertDirect, { body, context: { quoteNumber: body.quoteNumber } }),
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteKeys.detail(quote.quoteNumber), quote);
      void queryClient.invalidateQueries({ queryKey: quoteKeys.lists() });
    },
  });
}

/** A copy of an open quote by email, in the chosen language. */
export function useEmailQuote(quoteNumber: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof EmailQuoteRequest>) =>
      call(quotesApi.email, { params: { quoteNumber }, body }),
  });
}

/** Where the quote's PDF is, as the customer copy or the internal one (opened with the session cookie). */
export function quotePdfUrl(quoteNumber: string, locale: string, copy: QuoteCopy): string {
  return buildUrl(quotesApi.pdf.path, { quoteNumber }, { locale, copy });
}

/** The resale prices the customer copy shows; the answer is the quote as it is now. */
export function useSetResalePrices(quoteNumber: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SetResalePricesRequest>) =>
      call(quotesApi.setResalePrices, { params: { quoteNumber }, body }),
    onSuccess: (quote) => queryClient.setQueryData(quoteKeys.detail(quote.quoteNumber), quote),
    // Refused because the quote closed meanwhile: show it as the server has it now.
    onError: () => queryClient.invalidateQueries({ queryKey: quoteKeys.detail(quoteNumber) }),
  });
}
