import { Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CartLine } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useCan } from '../auth/session.tsx';
import { useCart, useRemoveCartLine } from './api.ts';
import { CartDetails } from './CartDetails.tsx';
import { LineQuantity } from './LineQuantity.tsx';
import { PeriodControls } from './PeriodControls.tsx';
import { SetCustomModal } from './SetCustomModal.tsx';

/**
 * The cart of the open account: lines (quantity in place, Set Custom / Set Default, remove), totals,
 * Get Quote, and the Details tab (SPEC §4).
 */
export function CartPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const canQuote = useCan('quotes.create');
  const cart = useCart(customerId);
  const removeLine = useRemoveCartLine(customerId);
  const [coterming, setCoterming] = useState<CartLine | null>(null);
  const format = useFormat();
  const [tab, setTab] = useState<string | null>('lines');

  // The server says whether the cart can be quoted now (not empty, no line with an issue).
  const canGetQuote = cart.data?.actions.getQuote ?? false;
  const canOrder = useCan('orders.create');
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
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lines">{t('cart.linesTab')}</Tabs.Tab>
          <Tabs.Tab value="details" disabled={!cart.data || cart.data.lines.length === 0}>
            {t('cart.detailsTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines" pt="sm">
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
                renderQuantity={(line) => <LineQuantity line={line} customerId={customerId} />}
                renderPeriodEnd={(line) =>
                  // Renewals, upgrades and downgrades: the end in blue opens the calendar (SPEC §6).
                  line.kind !== 'new' && !line.issue ? (
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setCoterming(line)}
                      title={t('coterm.chooseEnd')}
                      fz="sm"
                    >
                      {format.date(line.periodEnd)}
                    </Anchor>
                  ) : null
                }
                renderPeriodControls={(line) => (
                  <PeriodControls line={line} customerId={customerId} onSetCustom={setCoterming} />
                )}
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
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="sm">
          {cart.data ? <CartDetails cart={cart.data} /> : null}
        </Tabs.Panel>
      </Tabs>
      <SetCustomModal line={coterming} customerId={customerId} onClose={() => setCoterming(null)} />
    </Stack>
  );
}
