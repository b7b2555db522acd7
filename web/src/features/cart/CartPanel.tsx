import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useCan } from '../auth/session.tsx';
import { useCart, useRemoveCartLine } from './api.ts';

/** The cart of the open account: lines, totals, remove, and Get Quote. */
export function CartPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const canQuote = useCan('quotes.create');
  const cart = useCart(customerId);
  const removeLine = useRemoveCartLine(customerId);

  // The server says whether the cart can be quoted now (not empty, no line with an issue).
  const canGetQuote = cart.data?.actions.getQuote ?? false;
  const blocked = cart.data !== undefined && !canGetQuote && cart.data.lines.some((line) => line.issue);

  return (
    <Stack gap="sm" component="section" aria-labelledby="cart-heading">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h3" id="cart-heading">
            {t('cart.title')}
          </Title>
          {cart.data ? (
            <Text size="sm" c="dimmed">
              {t('cart.discountNote', { percent: cart.data.discountPercent })}
            </Text>
          ) : null}
        </div>
        {canQuote ? (
          <Button
            onClick={() => void navigate('/quotes/new')}
            disabled={!canGetQuote}
            aria-describedby={blocked ? 'cart-blocked' : undefined}
          >
            {t('cart.getQuote')}
          </Button>
        ) : null}
      </Group>
      {blocked && canQuote ? (
        <Text size="sm" c="orange.9" id="cart-blocked">
          {t('cart.getQuoteBlocked')}
        </Text>
      ) : null}
      <QueryState
        query={cart}
        loadingLabel={t('cart.loading')}
        isEmpty={(data) => data.lines.length === 0}
        empty={<EmptyState>{t('cart.empty')}</EmptyState>}
      >
        {(data) => (
          <LinesTable
            lines={data.lines}
            totals={data.totals}
            currency={data.currency}
            renderAction={(line) => (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={t('cart.remove', { product: line.productName })}
                loading={removeLine.isPending && removeLine.variables === line.id}
                onClick={() =>
                  removeLine.mutate(line.id, {
                    onSuccess: () =>
                      notifications.show({
                        color: 'teal',
                        message: t('cart.removed', { product: line.productName }),
                        autoClose: 5000,
                      }),
                    onError: (error) => {
                      if (!isHandledGlobally(error)) {
                        notifications.show({ color: 'red', message: errorMessage(error) });
                      }
                    },
                  })
                }
              >
                {t('cart.removeShort')}
              </Button>
            )}
          />
        )}
      </QueryState>
    </Stack>
  );
}
