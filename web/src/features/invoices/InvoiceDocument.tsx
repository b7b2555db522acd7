import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cityLine, type InvoiceDetails } from '../../../../contract/index.ts';
import { countryLabel } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { Fact } from '../../ui/Fact.tsx';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { InvoiceStatusBadge, OverdueBadge } from './InvoiceStatusBadge.tsx';

/**
 * An invoice as the page and its print version show it (SPEC §11): number, dates, payment type,
 * status, order and PO number, bill-to and customer, the lines with their totals, the amount due,
 * and how it was settled — the figures of its PDF.
 */
export function InvoiceDocument({ invoice: i, actions }: { invoice: InvoiceDetails; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const sum = (field: 'listPriceMinor' | 'discountMinor') => i.lines.reduce((a, l) => a + l[field], 0);
  const b = i.billTo;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t('invoiceView.title', { number: i.invoiceNumber })}
          </Title>
          <InvoiceStatusBadge status={i.status} />
          <OverdueBadge overdue={i.overdue} />
        </Group>
        {actions}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
        <Fact label={t('invoicesList.columns.issued')}>{format.date(i.issuedOn)}</Fact>
        <Fact label={t('invoiceView.dueOn')}>{i.dueOn ? format.date(i.dueOn) : t('common.none')}</Fact>
        <Fact label={t('invoicesList.columns.paymentDate')}>
          {i.paidOn ? format.date(i.paidOn) : t('common.none')}
        </Fact>
        <Fact label={t('invoicesList.columns.paymentType')}>{t(`invoice.paymentType.${i.paymentType}`)}</Fact>
        <Fact label={t('invoicesList.columns.orderNumber')}>
          <Anchor component={Link} to={`/orders/${encodeURIComponent(i.orderNumber)}`}>
            {i.orderNumber}
          </Anchor>
        </Fact>
        <Fact label={t('invoicesList.columns.poNumber')}>{i.poNumber ?? t('common.none')}</Fact>
        <Fact label={t('invoicesList.columns.amountDue')}>
          <Text fw={700} span>
            {format.money(i.amountDueMinor, i.currency)}
          </Text>
        </Fact>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h5">
            {t('invoiceView.billTo')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {b
              ? [
                  b.companyName,
                  b.addressLine1,
                  b.addressLine2,
                  cityLine(b),
                  countryLabel(b.country, i18n.language),
                  b.vatId ? t('quoteView.vatId', { vatId: b.vatId }) : undefined,
                ]
                  .filter(Boolean)
                  .join('\n')
              : t('common.none')}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5">
            {t('quoteView.customer')}
          </Title>
          <Text size="sm">{i.customer.name}</Text>
          <Text size="sm">{t('topBar.customerId', { customerId: i.customer.customerId })}</Text>
          {i.customerEmail ? <Text size="sm">{i.customerEmail}</Text> : null}
        </Paper>
      </SimpleGrid>
      <LinesTable
        lines={i.lines}
        totals={{
          listPriceMinor: sum('listPriceMinor'),
          discountMinor: sum('discountMinor'),
          totalMinor: i.amountMinor,
          creditMinor: i.lines.reduce((a, l) => a + (l.credit?.totalMinor ?? 0), 0),
        }}
        currency={i.currency}
      />
      {i.payment ? (
        <Text size="sm">
          {i.payment.brand === 'paypal'
            ? t('order.paidWithPayPal')
            : t('order.paidWith', {
                brand: (i.payment.brand ?? '').toUpperCase(),
                last4: i.payment.last4 ?? '',
              })}
        </Text>
      ) : null}
      {i.creditNote ? (
        <Text size="sm">
          {t('invoiceView.creditNote', {
            number: i.creditNote.creditNoteNumber,
            date: format.date(i.creditNote.issuedOn),
            reason: i.creditNote.reason,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
