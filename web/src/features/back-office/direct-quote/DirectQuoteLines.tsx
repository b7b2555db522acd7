import { Button, Fieldset, Group, NativeSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../../../contract/index.ts';
import { useAdminProducts } from '../api.ts';
import { type DirectQuoteValues, emptyLine } from './directQuoteValues.ts';

/** The most lines a direct quote takes (the contract's limit). */
const MAX_LINES = 50;

/**
 * The products of a direct quote, one row each: the product chosen from the catalog's products sold
 * in the quote's currency, the number of seats and the term; rows added and removed.
 */
export function DirectQuoteLines({
  form,
  currency,
}: {
  form: UseFormReturnType<DirectQuoteValues, unknown>;
  currency: Currency;
}) {
  const { t } = useTranslation();
  const products = useAdminProducts();
  const choices = (products.data?.items ?? [])
    .filter((p) => p.active && p.prices.some((price) => price.currency === currency))
    .map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  const lines = form.values.lines;
  return (
    <Fieldset legend={t('backOffice.directQuoteLines')}>
      <Stack gap="sm">
        {lines.map((line, index) => {
          const n = index + 1;
          return (
            <Group
              key={line.key}
              align="flex-start"
              gap="sm"
              wrap="nowrap"
              role="group"
              aria-label={t('backOffice.lineN', { n })}
            >
              <Select
                label={t('backOffice.lineProduct', { n })}
                placeholder={t('backOffice.chooseProduct')}
                data={choices}
                searchable
                nothingFoundMessage={t('backOffice.noProduct', { currency })}
                style={{ flex: 3 }}
                {...form.getInputProps(`lines.${index}.productCode`)}
                value={line.productCode || null}
                onChange={(code) => form.setFieldValue(`lines.${index}.productCode`, code ?? '')}
              />
              <NumberInput
                label={t('backOffice.lineQuantity', { n })}
                min={1}
                max={10_000}
                allowDecimal={false}
                style={{ flex: 1 }}
                {...form.getInputProps(`lines.${index}.quantity`)}
              />
              <NativeSelect
                label={t('backOffice.lineTerm', { n })}
                data={[
                  { value: '1', label: t('catalog.oneYear') },
                  { value: '2', label: t('catalog.twoYears') },
                ]}
                style={{ flex: 1 }}
                {...form.getInputProps(`lines.${index}.termYears`)}
              />
              <Button
                variant="subtle"
                color="red.9"
                c="red.9"
                mt={25}
                disabled={lines.length === 1}
                aria-label={t('backOffice.removeLine', { n })}
                onClick={() => form.removeListItem('lines', index)}
              >
                {t('cart.removeShort')}
              </Button>
            </Group>
          );
        })}
        {form.errors.lines ? (
          <Text size="sm" c="red.8">
            {form.errors.lines}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="default"
            disabled={lines.length >= MAX_LINES}
            onClick={() => form.insertListItem('lines', emptyLine())}
          >
            {t('backOffice.addLine')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
