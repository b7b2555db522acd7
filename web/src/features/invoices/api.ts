import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type InvoiceListFilters, invoicesApi } from '../../../../contract/index.ts';
import { buildUrl, call } from '../../api/client.ts';

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
