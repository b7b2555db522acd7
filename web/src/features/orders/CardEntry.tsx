import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hostedFormUrl } from '../payments/useHostedCardToken.ts';
import type { Card } from './checkoutPayment.ts';

/**
 * Pay by card: the payment provider's own form (the portal gets a token, never the card), or the
 * card it handed over with a way to enter another.
 */
export function CardEntry({
  card,
  formKey,
  onOtherCard,
}: {
  card: Card | null;
  formKey: number;
  onOtherCard: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (card) {
    return (
      <Group gap="sm">
        <Text fw={600}>
          {t('checkout.cardReady', { brand: card.brand.toUpperCase(), last4: card.last4 })}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onOtherCard}>
          {t('checkout.otherCard')}
        </Button>
      </Group>
    );
  }
  return (
    <iframe
      key={formKey}
      title={t('checkout.cardForm')}
      src={hostedFormUrl(i18n.language)}
      style={{
        width: '100%',
        maxWidth: 460,
        height: 290,
        border: '1px solid #dee2e6',
        borderRadius: 4,
      }}
    />
  );
}
