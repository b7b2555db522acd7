import { Anchor, Stack, Table } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QuoteListQuery, QuoteStatus } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { useListState } from '../../ui/backLink.ts';
import { CsvDownload } from '../../ui/CsvDownload.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PagedResults, Truncated } from '../../ui/PagedResults.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { quotesCsvUrl, useQuotes } from './api.ts';
import { QuoteStatusBadge } from './StatusBadge.tsx';

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * Quotes: date range and search by quote number, customer name, Customer ID or email, paginated on
 * the server. The filters live in the URL, checked by the contract's QuoteListQuery.
 */
export function QuotesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(QuoteListQuery);
  // The quote page's "Back to Quotes" returns to this list as filtered now.
  const listState = useListState();
  const quotes = useQuotes(filters.values);

  return (
    <Stack gap="lg">
      <PageTitle>{t('quotesList.title')}</PageTitle>
      <FilterBar
        filters={filters}
        label={t('quotesList.filtersLabel')}
        searchLabel={t('quotesList.search')}
        searchPlaceholder={t('quotesList.searchPlaceholder')}
        selects={[
          {
            name: 'status',
            label: t('quotesList.status'),
            anyLabel: t('quotesList.anyStatus'),
            options: QuoteStatus.options.map((value) => ({ value, label: t(`quoteStatus.${value}`) })),
          },
        ]}
      />
      <CsvDownload href={quotesCsvUrl(filters.values)} />
      <PagedResults query={quotes} filters={filters} texts="quotesList" minWidth={1000}>
        {(data) => (
          <>
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
                      state={listState}
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
          </>
        )}
      </PagedResults>
    </Stack>
  );
}
