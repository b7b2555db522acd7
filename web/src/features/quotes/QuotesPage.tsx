import { Anchor, Button, Group, Loader, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { type CSSProperties, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { type QuoteFilters, useQuotes } from './api.ts';
import { QuoteStatusBadge } from './StatusBadge.tsx';

const DEFAULT_PAGE_SIZE = 20;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

/** The filters live in the URL (?from=&to=&q=&page=&pageSize=) so a search can be shared and reloaded. */
function filtersFrom(params: URLSearchParams): QuoteFilters {
  const from = params.get('from');
  const to = params.get('to');
  const q = params.get('q')?.trim();
  return {
    from: from && isoDate.test(from) ? from : undefined,
    to: to && isoDate.test(to) ? to : undefined,
    q: q ? q : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
  };
}

function paramsFrom(filters: QuoteFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.q) params.set('q', filters.q);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * Free text of any length in a table cell: one line, cut with an ellipsis at `maxWidth`, the whole
 * value in the tooltip, so that long emails or PO numbers never push Status and Total out of view.
 */
function Truncated({ value, maxWidth }: { value: string; maxWidth: number }) {
  return (
    <Text size="sm" truncate="end" maw={maxWidth} title={value}>
      {value}
    </Text>
  );
}

/**
 * Quotes: date range and search by quote number, customer name, Customer ID or email, paginated on
 * the server. A date range applies as soon as it is complete (or cleared); the text on Search.
 */
export function QuotesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const quotes = useQuotes(filters);

  const [range, setRange] = useState<[string | null, string | null]>([
    filters.from ?? null,
    filters.to ?? null,
  ]);
  const [search, setSearch] = useState(filters.q ?? '');

  // Back/forward navigation changes the URL: show its filters in the form.
  const paramsKey = searchParams.toString();
  useEffect(() => {
    const current = filtersFrom(new URLSearchParams(paramsKey));
    setRange([current.from ?? null, current.to ?? null]);
    setSearch(current.q ?? '');
  }, [paramsKey]);

  const hasFilters = Boolean(filters.from || filters.to || filters.q);

  // Both dates picked, or the range cleared: apply it at once, from page 1, with the search text
  // already applied (text typed but not yet searched waits for Search).
  const changeRange = (next: [string | null, string | null]) => {
    setRange(next);
    const [from, to] = next;
    if ((from && !to) || (!from && to)) return;
    if ((from ?? undefined) === filters.from && (to ?? undefined) === filters.to) return;
    setSearchParams(
      paramsFrom({
        from: from ?? undefined,
        to: to ?? undefined,
        q: filters.q,
        page: 1,
        pageSize: filters.pageSize,
      }),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = search.trim();
    // A range with one date picked is not a range yet: keep the one applied.
    const complete = Boolean(range[0]) === Boolean(range[1]);
    setSearchParams(
      paramsFrom({
        from: complete ? (range[0] ?? undefined) : filters.from,
        to: complete ? (range[1] ?? undefined) : filters.to,
        q: q ? q : undefined,
        page: 1,
        pageSize: filters.pageSize,
      }),
    );
  };

  const clear = () => setSearchParams(paramsFrom({ page: 1, pageSize: filters.pageSize }));

  const setPage = (page: number) => setSearchParams(paramsFrom({ ...filters, page }));

  const data = quotes.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const firstRow = data ? (data.page - 1) * data.pageSize + 1 : 0;
  const lastRow = data ? firstRow + data.items.length - 1 : 0;
  // A page past the last one (an old link, a shrunk result): say so rather than "no match".
  const pastLastPage = data !== undefined && data.items.length === 0 && data.total > 0 && filters.page > 1;

  return (
    <Stack gap="lg">
      <PageTitle>{t('quotesList.title')}</PageTitle>
      <search aria-label={t('quotesList.filtersLabel')}>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DatePickerInput
              type="range"
              label={t('quotesList.dateRange')}
              placeholder={t('quotesList.dateRangePlaceholder')}
              value={range}
              onChange={changeRange}
              valueFormat={t('quotesList.dateFormat')}
              clearable
              clearButtonProps={{ 'aria-label': t('quotesList.clearDates') }}
              allowSingleDateInRange
              w={300}
            />
            <TextInput
              label={t('quotesList.search')}
              placeholder={t('quotesList.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              autoComplete="off"
              w={360}
            />
            <Button type="submit">{t('quotesList.submit')}</Button>
            {hasFilters ? (
              <Button variant="subtle" onClick={clear}>
                {t('quotesList.clear')}
              </Button>
            ) : null}
          </Group>
        </form>
      </search>

      {quotes.isPending ? (
        <LoadingState label={t('quotesList.loading')} />
      ) : quotes.isError ? (
        <ErrorState error={quotes.error} onRetry={() => void quotes.refetch()} />
      ) : pastLastPage ? (
        <EmptyState
          action={
            <Button variant="light" onClick={() => setPage(1)}>
              {t('quotesList.firstPage')}
            </Button>
          }
        >
          {t('quotesList.pastLastPage', {
            page: format.integer(filters.page),
            last: format.integer(totalPages),
          })}
        </EmptyState>
      ) : data && data.items.length === 0 ? (
        <EmptyState
          action={
            hasFilters ? (
              <Button variant="subtle" onClick={clear}>
                {t('quotesList.clear')}
              </Button>
            ) : null
          }
        >
          {hasFilters ? t('quotesList.noMatch') : t('quotesList.none')}
        </EmptyState>
      ) : data ? (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('quotesList.count', {
                from: format.integer(firstRow),
                to: format.integer(lastRow),
                total: format.integer(data.total),
                count: data.total,
              })}
            </Text>
            {quotes.isFetching ? <Loader size="xs" aria-label={t('states.loading')} /> : null}
          </Group>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover withTableBorder aria-busy={quotes.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('quotesList.columns.quoteNumber')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.customer')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.customerId')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.endUserEmail')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.poNumber')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.created')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.validUntil')}</Table.Th>
                  <Table.Th scope="col">{t('quotesList.columns.status')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('quotesList.columns.total')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((quote) => (
                  <Table.Tr key={quote.quoteNumber}>
                    <Table.Td style={nowrap}>
                      <Anchor
                        component={Link}
                        to={`/quotes/${encodeURIComponent(quote.quoteNumber)}`}
                        fw={600}
                        size="sm"
                      >
                        {quote.quoteNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Truncated value={quote.customer.name} maxWidth={220} />
                    </Table.Td>
                    <Table.Td style={nowrap}>{quote.customer.customerId}</Table.Td>
                    <Table.Td>
                      <Truncated value={quote.endUserEmail} maxWidth={220} />
                    </Table.Td>
                    <Table.Td>
                      {quote.poNumber ? <Truncated value={quote.poNumber} maxWidth={140} /> : null}
                    </Table.Td>
                    <Table.Td style={nowrap}>{format.timestampDate(quote.createdAt)}</Table.Td>
                    <Table.Td style={nowrap}>{format.date(quote.validUntil)}</Table.Td>
                    <Table.Td style={nowrap}>
                      <QuoteStatusBadge status={quote.status} />
                    </Table.Td>
                    <Table.Td style={{ ...nowrap, textAlign: 'right' }}>
                      {format.money(quote.totalMinor, quote.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {totalPages > 1 ? (
            <Group justify="center" component="nav" aria-label={t('pagination.label')}>
              <Pagination
                total={totalPages}
                value={Math.min(filters.page, totalPages)}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
              />
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
