import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { identifierPatterns, type Order } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBackTo } from '../../ui/backLink.ts';
import { Fact } from '../../ui/Fact.tsx';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { NotFoundPage } from '../../ui/NotFoundPage.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RelatedDocuments } from '../../ui/RelatedDocuments.tsx';
import { InvoiceStatusBadge } from '../invoices/InvoiceStatusBadge.tsx';
import { useOrder } from './api.ts';
import { Renew, SendLicenses } from './OrderActions.tsx';

/** The order page (SPEC §8), reached from the order email: lines, licenses, invoice, payment. */
export function OrderPage() {
  const { t } = useTranslation();
  const orderNumber = (useParams().orderNumber ?? '').toUpperCase();
  // Not this organisation's, or no order number at all: the same answer, as the API gives.
  const wellFormed = identifierPatterns.orderNumber.test(orderNumber);
  const order = useOrder(orderNumber, wellFormed);
  if (!wellFormed || order.error?.status === 404) {
    return (
      <NotFoundPage title={t('order.notFoundTitle')} back={{ to: '/orders', label: t('order.backToOrders') }}>
        {t('order.notFound', { number: orderNumber })}
      </NotFoundPage>
    );
  }
  return (
    <QueryState query={order} loadingLabel={t('order.loading')}>
      {(o) => <OrderView order={o} />}
    </QueryState>
  );
}

function OrderView({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invoice = o.invoice;
  // Back to the Orders list as it was filtered when the order was opened from it.
  const back = useBackTo('/orders');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to={back} size="sm">
            {t('order.backToOrders')}
          </Anchor>
          <PageTitle>{t('order.title', { number: o.orderNumber })}</PageTitle>
          <Text size="sm" c="dimmed">
            {o.customer.name} · {t('topBar.customerId', { customerId: o.customer.customerId })}
          </Text>
        </div>
        <Group gap="sm">
          {o.actions.renew ? <Renew order={o} /> : null}
          {o.actions.sendActivation ? <SendLicenses order={o} /> : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
        <Fact label={t('order.placed')}>{format.timestampDate(o.createdAt)}</Fact>
        <Fact label={t('order.quote')}>{o.quoteNumber ?? t('common.none')}</Fact>
        <Fact label={t('order.customer')}>
          {o.customer.name}
          <Text size="xs" c="dimmed">
            {t('topBar.customerId', { customerId: o.customer.customerId })}
          </Text>
        </Fact>
        <Fact label={t('order.licensee')}>
          {o.endUser ? (
            <>
              {o.endUser.name}
              <Text size="xs" c="dimmed">
                {o.endUser.email}
              </Text>
            </>
          ) : (
            t('common.none')
          )}
        </Fact>
        <Fact label={t('quoteView.poNumber')}>{o.poNumber ?? t('common.none')}</Fact>
        <Fact label={t('quoteView.total')}>
          <Text component="span" fw={700}>
            {format.money(o.totalMinor, o.currency)}
          </Text>
        </Fact>
      </SimpleGrid>
      <LinesTable
        lines={o.lines}
        totals={{
          listPriceMinor: sum(o, 'listPriceMinor'),
          discountMinor: sum(o, 'discountMinor'),
          totalMinor: o.totalMinor,
          creditMinor: o.lines.reduce((a, l) => a + (l.credit?.totalMinor ?? 0), 0),
        }}
        currency={o.currency}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="invoice-heading">
          <Title order={2} size="h5" id="invoice-heading">
            {t('order.invoice', { number: invoice.invoiceNumber })}
          </Title>
          <Group gap="xs" mt={6}>
            <Badge variant="light">{t(`invoice.paymentType.${invoice.paymentType}`)}</Badge>
            <InvoiceStatusBadge status={invoice.status} />
          </Group>
          <Text size="sm" mt={6}>
            {invoice.dueOn
              ? t('order.due', {
                  amount: format.money(invoice.amountDueMinor, o.currency),
                  date: format.date(invoice.dueOn),
                })
              : t('order.paidOn', { date: format.date(invoice.paidOn ?? invoice.issuedOn) })}
          </Text>
          {o.payment ? (
            <Text size="sm">
              {o.payment.brand === 'paypal'
                ? t('order.paidWithPayPal')
                : t('order.paidWith', {
                    brand: (o.payment.brand ?? '').toUpperCase(),
                    last4: o.payment.last4 ?? '',
                  })}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="licenses-heading">
          <Title order={2} size="h5" id="licenses-heading">
            {t('order.licenses', { count: o.licenses.length })}
          </Title>
          <Table mt={6} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assignments.licenseId')}</Table.Th>
                <Table.Th scope="col">{t('lines.product')}</Table.Th>
                <Table.Th scope="col">{t('order.key')}</Table.Th>
                <Table.Th scope="col">{t('order.assignedTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.licenses.map((l) => (
                <Table.Tr key={`${l.lineNo}-${l.licenseId}`}>
                  <Table.Td>{l.licenseId}</Table.Td>
                  <Table.Td>{o.lines[l.lineNo - 1]?.productName ?? l.productCode}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {l.key ?? t('common.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{l.assignedTo ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <RelatedDocuments documents={o.related} />
    </Stack>
  );
}

const sum = (o: Order, field: 'listPriceMinor' | 'discountMinor') =>
  o.lines.reduce((a, l) => a + l[field], 0);
