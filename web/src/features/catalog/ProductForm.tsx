import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddCartLineRequest, type Product } from '../../../../contract/index.ts';
import { placeApiError, zodFieldErrors } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAddCartLine } from '../cart/api.ts';

type Field = 'quantity' | 'termYears' | 'serviceDomain';
const FIELDS: readonly Field[] = ['quantity', 'termYears', 'serviceDomain'];

/** One product's prices and the form that adds new subscriptions of it to the cart. */
export function ProductForm({ product }: { product: Product }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const addLine = useAddCartLine();
  const [quantity, setQuantity] = useState<number | string>(1);
  const [termYears, setTermYears] = useState<'1' | '2'>('1');
  const [serviceDomain, setServiceDomain] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = AddCartLineRequest.safeParse({
      productCode: product.code,
      quantity: typeof quantity === 'number' ? quantity : undefined,
      termYears: Number(termYears),
      serviceDomain: product.requiresServiceDomain ? serviceDomain.trim() || undefined : undefined,
    });
    const errors: Partial<Record<string, string>> = parsed.success ? {} : zodFieldErrors(t, parsed.error);
    if (product.requiresServiceDomain && !serviceDomain.trim()) {
      errors.serviceDomain = t('validation.serviceDomainRequired');
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      if (errors.productCode) setFormError(errors.productCode);
      return;
    }
    setFieldErrors({});
    addLine.mutate(parsed.data, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: t('catalog.added', { quantity: parsed.data.quantity, product: product.name }),
        }),
      onError: (error) => {
        const placed = placeApiError(t, i18n.language, error, FIELDS);
        setFieldErrors(placed.fieldErrors);
        setFormError(placed.formError);
      },
    });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="product-heading">
      <Stack gap="md">
        <div>
          <Group gap="sm" align="center">
            <Title order={2} size="h3" id="product-heading">
              {product.name}
            </Title>
            <Badge variant="light" color="gray">
              {product.code}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {product.description}
          </Text>
        </div>
        <Group gap="xl">
          <div>
            <Text size="sm" c="dimmed">
              {t('catalog.listPrice')}
            </Text>
            <Text data-testid="product-list-price">
              {t('catalog.perSeatYear', { price: format.money(product.listPriceMinor, product.currency) })}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('catalog.yourPrice')}
            </Text>
            <Text fw={700} data-testid="product-your-price">
              {t('catalog.perSeatYear', { price: format.money(product.buyPriceMinor, product.currency) })}
            </Text>
          </div>
        </Group>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" variant="light">
                {formError}
              </Alert>
            ) : null}
            <Group align="flex-start" gap="xl">
              <NumberInput
                label={t('catalog.quantity')}
                value={quantity}
                onChange={setQuantity}
                min={1}
                max={10_000}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={fieldErrors.quantity}
                w={200}
              />
              <Radio.Group
                label={t('catalog.duration')}
                description={t('catalog.durationHint')}
                value={termYears}
                onChange={(value) => setTermYears(value === '2' ? '2' : '1')}
                error={fieldErrors.termYears}
              >
                <Group gap="md" mt={6}>
                  <Radio value="1" label={t('catalog.oneYear')} />
                  <Radio value="2" label={t('catalog.twoYears')} />
                </Group>
              </Radio.Group>
            </Group>
            {product.requiresServiceDomain ? (
              <TextInput
                label={t('catalog.serviceDomain')}
                description={t('catalog.serviceDomainHint')}
                placeholder={t('catalog.serviceDomainPlaceholder')}
                value={serviceDomain}
                onChange={(event) => setServiceDomain(event.currentTarget.value)}
                error={fieldErrors.serviceDomain}
                autoComplete="off"
                maw={420}
              />
            ) : null}
            <Group>
              <Button type="submit" loading={addLine.isPending}>
                {t('catalog.addToCart')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
