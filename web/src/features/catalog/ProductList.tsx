import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Product, ProductKind } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

// The order of the product kinds in the list is the contract's.
export const KIND_ORDER = ProductKind.options;

export function ProductList({
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
            <Text component="legend" size="xs" fw={700} c="dimmed" mb={4} p={0}>
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
