import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Pay with PayPal: approved on PayPal's pages, which bring the buyer back with the order. */
export function PayPalEntry({
  payPalReturn,
  payPalOrder,
  onToPayPal,
  starting,
}: {
  payPalReturn: string | null;
  payPalOrder: string | null;
  onToPayPal: () => void;
  starting: boolean;
}) {
  const { t } = useTranslation();
  if (payPalOrder) return <Text fw={600}>{t('checkout.payPalApproved')}</Text>;
  return (
    <Stack gap="xs" align="flex-start">
      {payPalReturn === 'cancelled' ? (
        <Alert color="orange" variant="light">
          {t('checkout.payPalCancelled')}
        </Alert>
      ) : null}
      <Text size="sm">{t('checkout.payPalNote')}</Text>
      <Button variant="outline" onClick={onToPayPal} loading={starting}>
        {t('checkout.toPayPal')}
      </Button>
    </Stack>
  );
}
