import { Button, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { QueryState } from './QueryState.tsx';
import { EmptyState } from './states.tsx';
import type { UrlFilters } from './useUrlFilters.ts';

interface Page {
  items: unknown[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The results of a server-paginated list of documents (quotes, orders, invoices): the count, the
 * table the page draws, and the pagination; an empty result says whether the filters or the
 * page are why. Texts come from `<texts>.loading`, `.none`, `.noMatch`, `.count`, `.pastLastPage`
 * and `.firstPage` of the translations.
 */
export function PagedResults<T extends Page>({
  query,
  filters,
  texts,
  minWidth,
  children,
}: {
  query: UseQueryResult<T>;
  filters: UrlFilters<{ page: number }>;
  texts: 'quotesList' | 'ordersList' | 'invoicesList' | 'licensingReport' | 'auditLog';
  minWidth: number;
  /** The table's head and body for the page's items. */
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { page } = filters.values;
  const setPage = (next: number) => filters.apply({ page: next });
  return (
    <QueryState
      query={query}
      loadingLabel={t(`${texts}.loading`)}
      isEmpty={(data) => data.items.length === 0}
      empty={(data) =>
        // A page past the last one (an old link, a shrunk result): say so rather than "no match".
        data.total > 0 && page > 1 ? (
          <EmptyState
            action={
              <Button variant="light" onClick={() => setPage(1)}>
                {t(`${texts}.firstPage`)}
              </Button>
            }
          >
            {t(`${texts}.pastLastPage`, {
              page: format.integer(page),
              last: format.integer(Math.max(1, Math.ceil(data.total / data.pageSize))),
            })}
          </EmptyState>
        ) : (
          <EmptyState
            action={
              filters.hasFilters ? (
                <Button variant="subtle" onClick={filters.clear}>
                  {t('filters.clear')}
                </Button>
              ) : null
            }
          >
            {filters.hasFilters ? t(`${texts}.noMatch`) : t(`${texts}.none`)}
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
                {t(`${texts}.count`, {
                  from: format.integer(firstRow),
                  to: format.integer(lastRow),
                  total: format.integer(data.total),
                  count: data.total,
                })}
              </Text>
              {query.isFetching ? <Loader size="xs" aria-label={t('states.loading')} /> : null}
            </Group>
            <Table.ScrollContainer minWidth={minWidth}>
              <Table striped highlightOnHover withTableBorder aria-busy={query.isFetching}>
                {children(data)}
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
  );
}

/**
 * Free text of any length in a table cell: one line, cut with an ellipsis at `maxWidth`, the whole
 * value in the tooltip, so that long emails or PO numbers never push the amounts out of view.
 */
export function Truncated({ value, maxWidth }: { value: string; maxWidth: number }) {
  return (
    <Text size="sm" truncate="end" maw={maxWidth} title={value}>
      {value}
    </Text>
  );
}
