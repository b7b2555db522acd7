import { Grid, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { APP_HEADER_HEIGHT } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useScrollToHash } from '../../ui/useScrollToHash.ts';
import { useCurrentSession } from '../auth/session.tsx';
import { CartPanel } from '../cart/CartPanel.tsx';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
import { useProducts } from './api.ts';
import { ProductForm } from './ProductForm.tsx';
import { ProductList } from './ProductList.tsx';
import { RenewalNotice } from './RenewalNotice.tsx';

/** Space above the sticky product list: the top bar and the page padding. */
const STICKY_TOP = APP_HEADER_HEIGHT + 16;

/**
 * The Product Catalog of the open account: the products on the left; on the right the chosen one
 * above the cart, so that after Add to cart the cart's lines and totals are in view on a laptop.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const products = useProducts();
  const [searchParams, setSearchParams] = useSearchParams();
  // Counts the user's choices of a product: each one puts the focus in its quantity field.
  const [focusRequest, setFocusRequest] = useState(0);
  const account = session.openAccount;
  // With the products in, the page has its height: the cart stays where it is scrolled to.
  useScrollToHash(!products.isPending);

  if (!account) return <NoOpenAccount title={t('catalog.title')}>{t('catalog.noAccount')}</NoOpenAccount>;

  const selectedCode = searchParams.get('product');
  const selected = products.data?.find((product) => product.code === selectedCode) ?? null;
  const select = (code: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('product', code);
        return next;
      },
      { replace: true },
    );
    setFocusRequest((count) => count + 1);
  };

  return (
    <Stack gap="md">
      <Group gap="md" align="baseline" wrap="wrap">
        <PageTitle>{t('catalog.title')}</PageTitle>
        <Text c="dimmed">
          {t('catalog.forAccount', { name: account.name, customerId: account.customerId })}
        </Text>
      </Group>
      <RenewalNotice />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 5, md: 4, lg: 3 }}>
          <QueryState
            query={products}
            loadingLabel={t('catalog.loading')}
            isEmpty={(items) => items.length === 0}
            empty={<EmptyState>{t('catalog.empty')}</EmptyState>}
          >
            {(items) => (
              <Paper
                withBorder
                radius="md"
                p="xs"
                component="section"
                aria-label={t('catalog.productsLabel')}
                style={{ position: 'sticky', top: STICKY_TOP }}
              >
                {/* Short enough to fit below the page title on a 768 px high screen. */}
                <ScrollArea.Autosize
                  mah={`calc(100dvh - ${APP_HEADER_HEIGHT + 90}px)`}
                  type="auto"
                  offsetScrollbars
                >
                  <ProductList products={items} selected={selected?.code ?? null} onSelect={select} />
                </ScrollArea.Autosize>
              </Paper>
            )}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7, md: 8, lg: 9 }}>
          <Stack gap="lg">
            {selected ? (
              <ProductForm
                key={selected.code}
                product={selected}
                customerId={account.customerId}
                focusRequest={focusRequest}
              />
            ) : products.data && products.data.length > 0 ? (
              <EmptyState>{t('catalog.choose')}</EmptyState>
            ) : null}
            <CartPanel customerId={account.customerId} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
