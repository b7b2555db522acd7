import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetails } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { CardEntry } from '../orders/CardEntry.tsx';
import { PaymentMethodChoice } from '../orders/PaymentMethodChoice.tsx';
import { PayPalEntry } from '../orders/PayPalEntry.tsx';
import { usePayNow } from './usePayInvoice.ts';

/**
 * Pay now (issue 18): an unpaid postpaid invoice paid online with the checkout's own parts — the
 * stored methods, the provider's card form, PayPal — and then shown Paid.
 */
export function PayInvoice({ invoice, onDone }: { invoice: InvoiceDetails; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const payNow = usePayNow(invoice, onDone);
  const amount = format.money(invoice.amountDueMinor, invoice.currency);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pay-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pay-heading">
          {t('invoiceView.payTitle', { number: invoice.invoiceNumber })}
        </Title>
        <Text size="sm">{t('invoiceView.payIntro', { amount })}</Text>
        <PaymentMethodChoice method={payNow.method} onChange={payNow.chooseMethod} creditTerms={false} />
        {payNow.method === 'card' ? (
          <CardEntry card={payNow.card} formKey={payNow.formKey} onOtherCard={payNow.otherCard} />
        ) : payNow.method === 'paypal' ? (
          <PayPalEntry
            payPalReturn={payNow.payPalReturn}
            payPalOrder={payNow.payPalOrder}
            onToPayPal={payNow.toPayPal}
            starting={payNow.startingPayPal}
          />
        ) : null}
        {payNow.problem ? (
          <Alert color="red" variant="light" role="alert">
            {payNow.problem}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={payNow.submit} loading={payNow.paying} size="md">
            {t('invoiceView.payConfirm', { amount })}
          </Button>
          <Button variant="default" onClick={onDone} size="md">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
