import { Badge, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

/** A product's name, code and description, with its list price and the partner's price. */
export function ProductHeading({ product }: { product: Product }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" align="flex-start" gap="md">
      <div style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Group gap="sm" align="center" wrap="nowrap">
          <Title order={2} size="h3" id="product-heading">
            {product.name}
          </Title>
          <Badge variant="light" color="gray">
            {product.code}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" mt={2}>
          {product.description}
        </Text>
      </div>
      <Group gap="lg" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed">
            {t('catalog.listPrice')}
          </Text>
          <Text size="sm" data-testid="product-list-price">
            {t('catalog.perSeatYear', { price: format.money(product.listPriceMinor, product.currency) })}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('catalog.yourPrice')}
          </Text>
          <Text size="sm" fw={700} data-testid="product-your-price">
            {t('catalog.perSeatYear', { price: format.money(product.buyPriceMinor, product.currency) })}
          </Text>
        </div>
      </Group>
    </Group>
  );
}
