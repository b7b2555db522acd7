import { Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Cart } from '../../../../contract/index.ts';
import { useCan } from '../auth/session.tsx';

/**
 * The cart's title and discount, Get Quote and Checkout, and why a quote cannot be had yet when a
 * line has an issue.
 */
export function CartHeader({ cart }: { cart: Cart | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canQuote = useCan('quotes.create');
  const canOrder = useCan('orders.create');
  // The server says whether the cart can be quoted now (not empty, no line with an issue).
  const canGetQuote = cart?.actions.getQuote ?? false;
  const blocked = cart !== undefined && !canGetQuote && cart.lines.some((line) => line.issue);

  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h3" id="cart-heading">
            {t('cart.title')}
          </Title>
          {cart ? (
            <Text size="sm" c="dimmed">
              {t('cart.discountNote', { percent: cart.discountPercent })}
            </Text>
          ) : null}
        </div>
        {canQuote ? (
          <Group gap="xs">
            <Button
              onClick={() => void navigate('/quotes/new')}
              disabled={!canGetQuote}
              aria-describedby={blocked ? 'cart-blocked' : undefined}
            >
              {t('cart.getQuote')}
            </Button>
            {canOrder ? (
              <Button
                variant="outline"
                onClick={() => void navigate('/quotes/new?next=checkout')}
                disabled={!canGetQuote}
              >
                {t('cart.checkout')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {blocked && canQuote ? (
        <Text size="sm" c="var(--portal-color-warning)" id="cart-blocked">
          {t('cart.getQuoteBlocked')}
        </Text>
      ) : null}
    </>
  );
}
