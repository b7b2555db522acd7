import { Button, Group, NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { InvoiceStatusBadge, OverdueBadge } from '../invoices/InvoiceStatusBadge.tsx';
import { staffStatusFilters, statusFilterOptions } from '../invoices/statusFilter.ts';
import { useAllInvoices } from './api.ts';
import { SettleInvoiceModal, type Settling } from './SettleInvoiceModal.tsx';

/** Every partner's invoices, searched and filtered by status; an unpaid one can be settled here. */
export function InvoicesAdminPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<string>('not_paid');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const invoices = useAllInvoices({
    status: (status || undefined) as never,
    q: q || undefined,
    pageSize: 50,
  });
  const [settling, setSettling] = useState<Settling | null>(null);
  return (
    <Stack gap="lg">
      <PageTitle>{t('backOffice.invoices')}</PageTitle>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setQ(search.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('backOffice.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={320}
          />
          <NativeSelect
            label={t('invoicesList.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={statusFilterOptions(staffStatusFilters, t, t('invoicesList.anyStatus'))}
            w={180}
          />
          <Button type="submit">{t('filters.submit')}</Button>
        </Group>
      </form>
      <QueryState query={invoices} loadingLabel={t('invoicesList.loading')}>
        {(data) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invoicesList.columns.invoiceNumber')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.partner')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.customer')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.issued')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.status')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('backOffice.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('backOffice.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => (
                <Table.Tr key={i.invoiceNumber}>
                  <Table.Td fw={600}>{i.invoiceNumber}</Table.Td>
                  <Table.Td>{i.partnerName}</Table.Td>
                  <Table.Td>{i.customerName}</Table.Td>
                  <Table.Td>{format.date(i.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <InvoiceStatusBadge status={i.status} />
                      <OverdueBadge overdue={i.overdue} />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {format.money(i.amountMinor, i.currency)}
                  </Table.Td>
                  <Table.Td>
                    {i.actions.recordPayment || i.actions.creditNote ? (
                      <Group gap="xs" wrap="nowrap">
                        {i.actions.recordPayment ? (
                          <Button
                            size="compact-sm"
                            onClick={() => setSettling({ invoiceNumber: i.invoiceNumber, action: 'payment' })}
                            aria-label={t('backOffice.recordPaymentOf', { number: i.invoiceNumber })}
                          >
                            {t('backOffice.recordPayment')}
                          </Button>
                        ) : null}
                        {i.actions.creditNote ? (
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setSettling({ invoiceNumber: i.invoiceNumber, action: 'credit' })}
                            aria-label={t('backOffice.creditNoteOf', { number: i.invoiceNumber })}
                          >
                            {t('backOffice.creditNote')}
                          </Button>
                        ) : null}
                      </Group>
                    ) : (
                      (i.creditNoteNumber ?? (i.paidOn ? format.date(i.paidOn) : ''))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <SettleInvoiceModal settling={settling} onClose={() => setSettling(null)} />
    </Stack>
  );
}
