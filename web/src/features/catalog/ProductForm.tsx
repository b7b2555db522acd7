import { Button, Group, NumberInput, Paper, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { limits, type Product } from '../../../../contract/index.ts';
import { FormErrorAlert } from '../../forms/contractForm.tsx';
import { ProductHeading } from './ProductHeading.tsx';
import { termChoice, termOptions } from './term.ts';
import { useAddToCartForm } from './useAddToCartForm.ts';

/**
 * One product's prices and the form that adds new subscriptions of it to the cart of `customerId`
 * (the account the page shows). `focusRequest` above 0 puts the focus in the quantity: the user
 * has just chosen this product.
 */
export function ProductForm({
  product,
  customerId,
  focusRequest,
}: {
  product: Product;
  customerId: string;
  focusRequest: number;
}) {
  const { t } = useTranslation();
  const { form, quantityRef, quantityHandlers, submit, adding } = useAddToCartForm(
    product,
    customerId,
    focusRequest,
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="product-heading">
      <Stack gap="sm">
        <ProductHeading product={product} />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert form={form} />
            <Group align="flex-start" gap="lg">
              <NumberInput
                ref={quantityRef}
                label={t('catalog.quantity')}
                {...form.getInputProps('quantity')}
                onChange={quantityHandlers.onChange}
                onKeyDown={quantityHandlers.onKeyDown}
                onPasteCapture={quantityHandlers.onPasteCapture}
                min={1}
                max={limits.quantityMax}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                inputMode="numeric"
                w={220}
              />
              <Radio.Group
                label={t('catalog.duration')}
                description={t('catalog.durationHint')}
                {...form.getInputProps('termYears')}
                onChange={(value) => form.setFieldValue('termYears', termChoice(value))}
                maw={280}
              >
                <Group gap="md" mt={6}>
                  {termOptions(t).map((option) => (
                    <Radio key={option.value} value={option.value} label={option.label} />
                  ))}
                </Group>
              </Radio.Group>
              {product.requiresServiceDomain ? (
                <TextInput
                  label={t('catalog.serviceDomain')}
                  description={t('catalog.serviceDomainHint')}
                  placeholder={t('catalog.serviceDomainPlaceholder')}
                  {...form.getInputProps('serviceDomain')}
                  autoComplete="off"
                  w={300}
                />
              ) : null}
            </Group>
            <Group>
              <Button type="submit" loading={adding}>
                {t('catalog.addToCart')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
