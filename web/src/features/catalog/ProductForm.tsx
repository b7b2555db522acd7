import {
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
import { type ClipboardEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddCartLineRequest, limits, type Product } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { useFormat } from '../../i18n/format.ts';
import { keyText } from '../../i18n/messages.tsx';
import { useAddCartLine } from '../cart/api.ts';
import { DEFAULT_TERM, type TermChoice, termChoice, termOptions, termYearsOf } from './term.ts';

type Values = { quantity: number | string; termYears: TermChoice; serviceDomain: string };

/** The quantity as the contract expects it: a number, or undefined when the field holds no number. */
function quantityValue(raw: number | string): number | undefined {
  if (typeof raw === 'number') return raw;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

const initialValues: Values = { quantity: 1, termYears: DEFAULT_TERM, serviceDomain: '' };

const digitsOnly = () => keyText('forms.quantityDigitsOnly', { max: limits.quantityMax });

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
  const format = useFormat();
  const addLine = useAddCartLine(customerId);
  const attempt = useAttemptKey();
  const quantityRef = useRef<HTMLInputElement>(null);
  // A key that is not a digit was refused ("1.5", "-5"): what is left in the field is not what the
  // user typed, so it is not added until they correct it.
  const [refusedKey, setRefusedKey] = useState(false);
  const lastKeyAt = useRef(0);

  const form = useContractForm({
    schema: AddCartLineRequest,
    initialValues,
    toInput: (values: Values) => ({
      productCode: product.code,
      quantity: quantityValue(values.quantity),
      termYears: termYearsOf(values.termYears),
      serviceDomain: product.requiresServiceDomain ? values.serviceDomain.trim() || undefined : undefined,
    }),
    // Messages of this form only: an emptied or refused quantity, a missing service domain.
    refine: (values: Values) => {
      const errors: Record<string, ReactNode> = {};
      if (refusedKey) errors.quantity = digitsOnly();
      else if (values.quantity === '')
        errors.quantity = keyText('forms.quantityRequired', { max: limits.quantityMax });
      if (product.requiresServiceDomain && !values.serviceDomain.trim()) {
        errors.serviceDomain = keyText('errors.cart.service_domain_required');
      }
      return errors;
    },
    // Anything else typed is a new attempt, with a new Idempotency-Key.
    onValuesChange: () => attempt.changed(),
  });

  useEffect(() => {
    if (focusRequest > 0) {
      quantityRef.current?.focus();
      quantityRef.current?.select();
    }
  }, [focusRequest]);

  const refuse = () => {
    setRefusedKey(true);
    form.setFieldError('quantity', digitsOnly());
  };

  const accept = () => {
    setRefusedKey(false);
    form.clearFieldError('quantity');
  };

  const quantityKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    lastKeyAt.current = performance.now();
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const input = event.currentTarget;
    if (event.key.length === 1 && !/^[0-9]$/.test(event.key)) {
      // The field would drop it silently ("1.5" → 15, "-5" → 5): refuse it and say why.
      event.preventDefault();
      refuse();
      return;
    }
    const replacesAll =
      event.key.length === 1 &&
      input.value.length > 0 &&
      input.selectionStart === 0 &&
      input.selectionEnd === input.value.length;
    const edits = ['Backspace', 'Delete', 'ArrowUp', 'ArrowDown'].includes(event.key);
    if (refusedKey && (edits || replacesAll)) accept();
  };

  const quantityChange = (value: number | string) => {
    form.setFieldValue('quantity', value);
    // Emptied, or a whole new value not typed key by key (autofill, drag and drop): start afresh.
    // Otherwise a refused key still stands, and so does its message.
    const typed = performance.now() - lastKeyAt.current < 100;
    if (refusedKey && (value === '' || !typed)) accept();
    else if (refusedKey) form.setFieldError('quantity', digitsOnly());
  };

  const quantityPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    if (!/^\s*\d+\s*$/.test(event.clipboardData.getData('text'))) {
      // Pasted "1.5" or "-5" would lose its point or sign too: refuse it whole.
      event.preventDefault();
      event.stopPropagation();
      form.setFieldError('quantity', digitsOnly());
    } else if (refusedKey) {
      accept();
    }
  };

  const submit = form.onSubmit(
    (body) =>
      addLine.mutate(
        { body, idempotencyKey: attempt.key() },
        {
          onSuccess: () => {
            attempt.succeeded();
            notifications.show({
              color: 'teal',
              message: t('catalog.added', { quantity: format.integer(body.quantity), product: product.name }),
              autoClose: 5000,
            });
          },
          onError: (error) => placeApiError(form, error),
        },
      ),
    (errors) => {
      if (errors.quantity) quantityRef.current?.focus();
    },
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="product-heading">
      <Stack gap="sm">
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
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert form={form} />
            <Group align="flex-start" gap="lg">
              <NumberInput
                ref={quantityRef}
                label={t('catalog.quantity')}
                {...form.getInputProps('quantity')}
                onChange={quantityChange}
                onKeyDown={quantityKeyDown}
                onPasteCapture={quantityPaste}
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
