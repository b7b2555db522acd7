import { Anchor, Button, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QuoteListQuery, QuoteStatus } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { useQuotes } from './api.ts';
import { QuoteStatusBadge } from './StatusBadge.tsx';

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
 * the server. The filters live in the URL, checked by the contract's QuoteListQuery.
 */
export function QuotesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(QuoteListQuery);
  const { page } = filters.values;
  const quotes = useQuotes(filters.values);

  const setPage = (next: number) => filters.apply({ page: next });
  const clearButton = filters.hasFilters ? (
    <Button variant="subtle" onClick={filters.clear}>
      {t('filters.clear')}
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <PageTitle>{t('quotesList.title')}</PageTitle>
      <FilterBar
        filters={filters}
        label={t('quotesList.filtersLabel')}
        searchLabel={t('quotesList.search')}
        searchPlaceholder={t('quotesList.searchPlaceholder')}
        status={{
          label: t('quotesList.status'),
          anyLabel: t('quotesList.anyStatus'),
          options: QuoteStatus.options.map((value) => ({ value, label: t(`quoteStatus.${value}`) })),
        }}
      />
      <QueryState
        query={quotes}
        loadingLabel={t('quotesList.loading')}
        isEmpty={(data) => data.items.length === 0}
        empty={(data) =>
          // A page past the last one (an old link, a shrunk result): say so rather than "no match".
          data.total > 0 && page > 1 ? (
            <EmptyState
              action={
                <Button variant="light" onClick={() => setPage(1)}>
                  {t('quotesList.firstPage')}
                </Button>
              }
            >
              {t('quotesList.pastLastPage', {
                page: format.integer(page),
                last: format.integer(Math.max(1, Math.ceil(data.total / data.pageSize))),
              })}
            </EmptyState>
          ) : (
            <EmptyState action={clearButton}>
              {filters.hasFilters ? t('quotesList.noMatch') : t('quotesList.none')}
            </EmptyState>
          )
        }
      >
        {(data) => {
          const totalPages = Math.max(1, Math.ceil(data.total / data.pageSize));
          const firstRow = (data.page - 1) * data.pageSize + 1;
          const lastRow = firstRow + data.items.length - 1;
          return (
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
                    value={Math.min(page, totalPages)}
                    onChange={setPage}
                    getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                    getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
                  />
                </Group>
              ) : null}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
