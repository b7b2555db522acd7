import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InvoiceFilterStatus, InvoiceListQuery, type InvoiceSummary } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { useListState } from '../../ui/backLink.ts';
import { CsvDownload } from '../../ui/CsvDownload.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PagedResults } from '../../ui/PagedResults.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { invoicesCsvUrl, useInvoices } from './api.ts';
import { InvoiceStatusBadge, OverdueBadge } from './InvoiceStatusBadge.tsx';
import { statusFilterOptions } from './statusFilter.ts';

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };
/** Free text (emails, PO numbers, names) wraps, even inside a word, rather than being cut. */
const anywhere: CSSProperties = { overflowWrap: 'anywhere' };
/** An overdue unpaid row is pink (SPEC §11); its text stays at 4.5:1 or more on it. */
const overdueRow: CSSProperties = { backgroundColor: '#ffdeeb' };

/**
 * Invoices (SPEC §11): date range of issue, status (or overdue), search by invoice number, customer
 * name or customer email; every field of the invoice in its row; overdue unpaid rows pink and
 * marked overdue. Paginated on the server, the filters in the URL.
 */
export function InvoicesPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(InvoiceListQuery);
  const invoices = useInvoices(filters.values);

  return (
    <Stack gap="lg">
      <PageTitle>{t('invoicesList.title')}</PageTitle>
      <FilterBar
        filters={filters}
        label={t('invoicesList.filtersLabel')}
        searchLabel={t('invoicesList.search')}
        searchPlaceholder={t('invoicesList.searchPlaceholder')}
        selects={[
          {
            name: 'status',
            label: t('invoicesList.status'),
            anyLabel: t('invoicesList.anyStatus'),
            options: statusFilterOptions(InvoiceFilterStatus.options, t),
          },
        ]}
      />
      <CsvDownload href={invoicesCsvUrl(filters.values)} />
      <PagedResults query={invoices} filters={filters} texts="invoicesList" minWidth={1000}>
        {(data) => (
          <>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invoicesList.columns.invoice')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.status')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('invoicesList.columns.amountDue')}
                </Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.payment')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.order')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.customer')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.products')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((invoice) => (
                <InvoiceRow key={invoice.invoiceNumber} invoice={invoice} />
              ))}
            </Table.Tbody>
          </>
        )}
      </PagedResults>
    </Stack>
  );
}

/**
 * One invoice in the tab: pink and marked when it is unpaid past its due date. Related fields share
 * a cell (number and issue date, payment type and date, order and PO, customer name, ID and email)
 * so that every field shows whole on a 1366 px screen without scrolling sideways.
 */
function InvoiceRow({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Links keep 4.5:1 on the pink of an overdue row with the darker shade.
  const linkColor = invoice.overdue ? 'indigo.9' : undefined;
  // The invoice page's "Back to Invoices" returns to this tab as filtered now.
  const listState = useListState();
  return (
    <Table.Tr style={invoice.overdue ? overdueRow : undefined} data-overdue={invoice.overdue || undefined}>
      <Table.Td style={nowrap}>
        <Anchor
          component={Link}
          to={`/invoices/${encodeURIComponent(invoice.invoiceNumber)}`}
          state={listState}
          c={linkColor}
          fw={600}
          size="sm"
        >
          {invoice.invoiceNumber}
        </Anchor>
        <Text size="xs">{t('invoicesList.issuedOn', { date: format.date(invoice.issuedOn) })}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <InvoiceStatusBadge status={invoice.status} />
          <OverdueBadge overdue={invoice.overdue} />
        </Group>
        {invoice.dueOn && invoice.status === 'not_paid' ? (
          <Text size="xs" style={nowrap}>
            {t('invoicesList.dueOn', { date: format.date(invoice.dueOn) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ ...nowrap, textAlign: 'right' }}>
        {format.money(invoice.amountDueMinor, invoice.currency)}
      </Table.Td>
      <Table.Td style={nowrap}>
        <Text size="sm">{t(`invoice.paymentType.${invoice.paymentType}`)}</Text>
        <Text size="xs">
          {invoice.paidOn
            ? t('invoicesList.paidOn', { date: format.date(invoice.paidOn) })
            : t('invoicesList.notPaidYet')}
        </Text>
      </Table.Td>
      <Table.Td style={nowrap}>
        <Anchor
          component={Link}
          to={`/orders/${encodeURIComponent(invoice.orderNumber)}`}
          c={linkColor}
          size="sm"
        >
          {invoice.orderNumber}
        </Anchor>
        {invoice.poNumber ? (
          <Text size="xs" maw={160} style={anywhere}>
            {t('invoicesList.poNumber', { po: invoice.poNumber })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm" maw={220} style={anywhere}>
          {invoice.customer.name}
        </Text>
        <Text size="xs">{t('invoicesList.customerId', { id: invoice.customer.customerId })}</Text>
        {invoice.customerEmail ? (
          <Text size="xs" maw={220} style={anywhere}>
            {invoice.customerEmail}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {invoice.products.map((p) => (
          <Text size="sm" key={`${p.productCode}-${p.kind}`}>
            {t('invoicesList.product', {
              quantity: format.integer(p.quantity),
              product: p.productName,
              kind: t(`lineKinds.${p.kind}`),
            })}
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}
