import { Anchor, Stack, Table } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderListQuery } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { useListState } from '../../ui/backLink.ts';
import { CsvDownload } from '../../ui/CsvDownload.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PagedResults, Truncated } from '../../ui/PagedResults.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { InvoiceStatusBadge } from '../invoices/InvoiceStatusBadge.tsx';
import { ordersCsvUrl, useOrders } from './api.ts';

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * Orders (SPEC §9): date range and search by order number, PO number, customer name or customer
 * email, with no account open; paginated on the server, the filters in the URL.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(OrderListQuery);
  const orders = useOrders(filters.values);
  // The order page's "Back to Orders" returns to this list as filtered now.
  const listState = useListState();

  return (
    <Stack gap="lg">
      <PageTitle>{t('ordersList.title')}</PageTitle>
      <FilterBar
        filters={filters}
        label={t('ordersList.filtersLabel')}
        searchLabel={t('ordersList.search')}
        searchPlaceholder={t('ordersList.searchPlaceholder')}
      />
      <CsvDownload href={ordersCsvUrl(filters.values)} />
      <PagedResults query={orders} filters={filters} texts="ordersList" minWidth={1000}>
        {(data) => (
          <>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ordersList.columns.orderNumber')}</Table.Th>
                <Table.Th scope="col">{t('ordersList.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('ordersList.columns.customer')}</Table.Th>
                <Table.Th scope="col">{t('ordersList.columns.customerId')}</Table.Th>
                <Table.Th scope="col">{t('ordersList.columns.endUserEmail')}</Table.Th>
                <Table.Th scope="col">{t('ordersList.columns.poNumber')}</Table.Th>
                <Table.Th scope="col">{t('ordersList.columns.invoice')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('ordersList.columns.total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((order) => (
                <Table.Tr key={order.orderNumber}>
                  <Table.Td style={nowrap}>
                    <Anchor
                      component={Link}
                      to={`/orders/${encodeURIComponent(order.orderNumber)}`}
                      state={listState}
                      fw={600}
                      size="sm"
                    >
                      {order.orderNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={nowrap}>{format.timestampDate(order.createdAt)}</Table.Td>
                  <Table.Td>
                    <Truncated value={order.customer.name} maxWidth={220} />
                  </Table.Td>
                  <Table.Td style={nowrap}>{order.customer.customerId}</Table.Td>
                  <Table.Td>
                    {order.endUserEmail ? <Truncated value={order.endUserEmail} maxWidth={220} /> : null}
                  </Table.Td>
                  <Table.Td>
                    {order.poNumber ? <Truncated value={order.poNumber} maxWidth={140} /> : null}
                  </Table.Td>
                  <Table.Td style={nowrap}>
                    {order.invoice ? <InvoiceStatusBadge status={order.invoice.status} /> : null}
                  </Table.Td>
                  <Table.Td style={{ ...nowrap, textAlign: 'right' }}>
                    {format.money(order.totalMinor, order.currency)}
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
