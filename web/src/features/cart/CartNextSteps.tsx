import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Cart } from '../../../../contract/index.ts';
import { useCan } from '../auth/session.tsx';

/** What comes after the Details tab: Get Quote and Checkout, for those who may. */
export function CartNextSteps({ cart }: { cart: Cart }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canQuote = useCan('quotes.create');
  const canOrder = useCan('orders.create');
  return (
    <Stack gap={4} component="section" aria-labelledby="details-next">
      <Title order={3} size="h5" id="details-next">
        {t('details.next')}
      </Title>
      <Group gap="sm">
        {canQuote ? (
          <Button onClick={() => void navigate('/quotes/new')} disabled={!cart.actions.getQuote}>
            {t('cart.getQuote')}
          </Button>
        ) : null}
        {canOrder ? (
          <Button
            variant="outline"
            onClick={() => void navigate('/quotes/new?next=checkout')}
            disabled={!cart.actions.getQuote}
          >
            {t('cart.checkout')}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('cart.checkoutNote')}
      </Text>
    </Stack>
  );
}
