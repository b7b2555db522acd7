import { Anchor, Button, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { APP_HEADER_HEIGHT } from '../../ui/Layout.tsx';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useCart, useRemoveCartLine } from './api.ts';
import { CartDetails } from './CartDetails.tsx';
import { CartHeader } from './CartHeader.tsx';
import { LineQuantity } from './LineQuantity.tsx';
import { PeriodControls } from './PeriodControls.tsx';
import { SetCustomModal } from './SetCustomModal.tsx';

/** Room above the cart when scrolled to, so the sticky top bar does not cover its heading. */
const CART_SCROLL_MARGIN = APP_HEADER_HEIGHT + 16;

/**
 * The cart of the open account: lines (quantity in place, Set Custom / Set Default, remove), totals,
 * Get Quote, and the Details tab (SPEC §4).
 */
export function CartPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const cart = useCart(customerId);
  const removeLine = useRemoveCartLine(customerId);
  const [coterming, setCoterming] = useState<CartLine | null>(null);
  const format = useFormat();
  const [tab, setTab] = useState<string | null>('lines');

  return (
    // `#cart` is where "View cart" (after a renewal) and the top bar's cart lead: /catalog#cart.
    <Stack
      id="cart"
      gap="sm"
      component="section"
      aria-labelledby="cart-heading"
      style={{ scrollMarginTop: CART_SCROLL_MARGIN }}
    >
      <CartHeader cart={cart.data} />
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
