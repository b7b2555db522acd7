import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../contract/index.ts';
import { CardEntry } from './CardEntry.tsx';
import { PaymentMethodChoice } from './PaymentMethodChoice.tsx';
import { PayPalEntry } from './PayPalEntry.tsx';
import { useCheckout } from './useCheckout.ts';

/** The checkout's payment: the method, what it needs, the problem if any, and **Place order**. */
export function PaymentSection({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const checkout = useCheckout(quote);
  const { method } = checkout;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('checkout.payment')}
        </Title>
        <PaymentMethodChoice
          method={method}
          onChange={checkout.chooseMethod}
          creditTerms={checkout.creditTerms}
        />
        {method === 'card' ? (
          <CardEntry card={checkout.card} formKey={checkout.formKey} onOtherCard={checkout.otherCard} />
        ) : method === 'paypal' ? (
          <PayPalEntry
            payPalReturn={checkout.payPalReturn}
            payPalOrder={checkout.payPalOrder}
            onToPayPal={checkout.toPayPal}
            starting={checkout.startingPayPal}
          />
        ) : method === 'postpaid' ? (
          <Text size="sm">{t('checkout.postpaidNote')}</Text>
        ) : null}
        {checkout.problem ? (
          <Alert color="red" variant="light" role="alert">
            {checkout.problem}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={checkout.submit} loading={checkout.placing} size="md">
            {t('checkout.placeOrder')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
