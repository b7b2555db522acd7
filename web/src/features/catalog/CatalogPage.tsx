import { Anchor, Grid, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Product } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { CartPanel } from '../cart/CartPanel.tsx';
import { useProducts } from './api.ts';
import { ProductForm } from './ProductForm.tsx';

const KIND_ORDER: Product['kind'][] = ['pack', 'ide', 'tool', 'cloud'];

function ProductList({
  products,
  selected,
  onSelect,
}: {
  products: Product[];
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      {KIND_ORDER.map((kind) => {
        const ofKind = products.filter((product) => product.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <fieldset key={kind} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <Text component="legend" size="xs" fw={700} tt="uppercase" c="dimmed" mb={4} p={0}>
              {t(`productKinds.${kind}`)}
            </Text>
            {ofKind.map((product) => (
              <NavLink
                key={product.code}
                component="button"
                type="button"
                label={product.name}
                rightSection={
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(product.buyPriceMinor, product.currency)}
                  </Text>
                }
                active={product.code === selected}
                aria-pressed={product.code === selected}
                onClick={() => onSelect(product.code)}
              />
            ))}
          </fieldset>
        );
      })}
    </Stack>
  );
}

/** The Product Catalog of the open account: products left, the chosen one right, the cart below. */
export function CatalogPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const products = useProducts();
  const [searchParams, setSearchParams] = useSearchParams();
  const account = session.openAccount;

  if (!account) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('catalog.title')}
        </Title>
        <EmptyState
          title={t('catalog.noAccountTitle')}
          action={
            <Anchor component={Link} to="/">
              {t('catalog.findCustomer')}
            </Anchor>
          }
        >
          {t('catalog.noAccount')}
        </EmptyState>
      </Stack>
    );
  }

  const selectedCode = searchParams.get('product');
  const selected = products.data?.find((product) => product.code === selectedCode) ?? null;
  const select = (code: string) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('product', code);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('catalog.title')}
        </Title>
        <Text c="dimmed">
          {t('catalog.forAccount', { name: account.name, customerId: account.customerId })}
        </Text>
      </div>
      {products.isPending ? (
        <LoadingState label={t('catalog.loading')} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.length === 0 ? (
        <EmptyState>{t('catalog.empty')}</EmptyState>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <Paper withBorder radius="md" p="xs" component="section" aria-label={t('catalog.productsLabel')}>
              <ScrollArea.Autosize mah={420} type="auto">
                <ProductList products={products.data} selected={selected?.code ?? null} onSelect={select} />
              </ScrollArea.Autosize>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
            {selected ? (
              <ProductForm key={selected.code} product={selected} />
            ) : (
              <EmptyState>{t('catalog.choose')}</EmptyState>
            )}
          </Grid.Col>
        </Grid>
      )}
      <CartPanel customerId={account.customerId} />
    </Stack>
  );
}
