import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type InvoiceListFilters, invoicesApi, type PayInvoiceRequest } from '../../../../contract/index.ts';
import { buildUrl, call } from '../../api/client.ts';
import { listCsvUrl } from '../../api/csv-url.ts';
import { retryLostAnswer } from '../../api/queryClient.ts';

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (filters: InvoiceListFilters) => ['invoices', 'list', filters] as const,
  overdue: () => ['invoices', 'overdue'] as const,
  detail: (invoiceNumber: string) => ['invoices', 'detail', invoiceNumber] as const,
};

export function useInvoices(filters: InvoiceListFilters) {
  return useQuery({
    queryKey: invoiceKeys.list(filters),
    queryFn: ({ signal }) => call(invoicesApi.list, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the list with the filters on screen: every matching invoice, no pages. */
export function invoicesCsvUrl(filters: InvoiceListFilters): string {
  return listCsvUrl(invoicesApi.exportCsv, filters);
}

/** Whether any unpaid invoice is past due: read for the top bar's warning, on every page. */
export function useOverdueInvoices(enabled: boolean) {
  return useQuery({
    queryKey: invoiceKeys.overdue(),
    queryFn: ({ signal }) => call(invoicesApi.overdue, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useInvoice(invoiceNumber: string, enabled = true) {
  return useQuery({
    queryKey: invoiceKeys.detail(invoiceNumber),
    queryFn: ({ signal }) => call(invoicesApi.get, { params: { invoiceNumber }, signal }),
    enabled,
  });
}

export function invoicePdfUrl(invoiceNumber: string, locale: string): string {
  return buildUrl(invoicesApi.pdf.path, { invoiceNumber }, { locale });
}

export function creditNotePdfUrl(invoiceNumber: string, locale: string): string {
  return buildUrl(invoicesApi.creditNotePdf.path, { invoiceNumber }, { locale });
}

/** Pay now: the invoice paid online; the invoice, its order and the lists read again. */
export function usePayInvoice(invoiceNumber: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PayInvoiceRequest; idempotencyKey: string }) =>
      call(invoicesApi.pay, { params: { invoiceNumber }, body, idempotencyKey }),
    retry: retryLostAnswer,
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(invoiceNumber), invoice);
      void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

/** Pay now with PayPal: PayPal's order for the invoice and where the buyer approves it. */
export function useStartInvoicePayPal(invoiceNumber: string) {
  return useMutation({
    mutationFn: ({ idempotencyKey }: { idempotencyKey: string }) =>
      call(invoicesApi.startPayPal, { params: { invoiceNumber }, idempotencyKey }),
    retry: retryLostAnswer,
  });
}
