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
import { type ClipboardEvent, type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddCartLineRequest, type Product } from '../../../../contract/index.ts';
import { isHandledGlobally, placeApiError, zodFieldErrors } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAddCartLine } from '../cart/api.ts';

type Field = 'quantity' | 'termYears' | 'serviceDomain';
const FIELDS: readonly Field[] = ['quantity', 'termYears', 'serviceDomain'];
const MAX_QUANTITY = 10_000;

/** The quantity as the contract expects it: a number, or undefined when the field holds no number. */
function quantityValue(raw: number | string): number | undefined {
  if (typeof raw === 'number') return raw;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

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
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const addLine = useAddCartLine(customerId);
  const quantityRef = useRef<HTMLInputElement>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  // A key that is not a digit was refused ("1.5", "-5"): what is left in the field is not what the
  // user typed, so it is not added until they correct it.
  const [refusedKey, setRefusedKey] = useState(false);
  const lastKeyAt = useRef(0);
  const [termYears, setTermYears] = useState<'1' | '2'>('1');
  const [serviceDomain, setServiceDomain] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      quantityRef.current?.focus();
      quantityRef.current?.select();
    }
  }, [focusRequest]);

  const refuse = () => {
    setRefusedKey(true);
    setFieldErrors((previous) => ({ ...previous, quantity: t('validation.quantityDigitsOnly') }));
  };

  const accept = () => {
    setRefusedKey(false);
    setFieldErrors((previous) => ({ ...previous, quantity: undefined }));
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
      event.key.length === 1 && input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const edits = ['Backspace', 'Delete', 'ArrowUp', 'ArrowDown'].includes(event.key);
    if (refusedKey && (edits || replacesAll)) accept();
  };

  const quantityChange = (value: number | string) => {
    setQuantity(value);
    // Emptied, or a whole new value not typed key by key (autofill, drag and drop): start afresh.
    const typed = performance.now() - lastKeyAt.current < 100;
    if (refusedKey && (value === '' || !typed)) accept();
  };

  const quantityPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    if (!/^\s*\d+\s*$/.test(event.clipboardData.getData('text'))) {
      // Pasted "1.5" or "-5" would lose its point or sign too: refuse it whole.
      event.preventDefault();
      event.stopPropagation();
      setFieldErrors((previous) => ({ ...previous, quantity: t('validation.quantityDigitsOnly') }));
    } else if (refusedKey) {
      accept();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (refusedKey) {
      refuse();
      quantityRef.current?.focus();
      return;
    }
    const parsed = AddCartLineRequest.safeParse({
      productCode: product.code,
      quantity: quantityValue(quantity),
      termYears: Number(termYears),
      serviceDomain: product.requiresServiceDomain ? serviceDomain.trim() || undefined : undefined,
    });
    const errors: Partial<Record<string, string>> = parsed.success ? {} : zodFieldErrors(t, parsed.error);
    if (quantity === '') errors.quantity = t('validation.quantityRequired');
    if (product.requiresServiceDomain && !serviceDomain.trim()) {
      errors.serviceDomain = t('validation.serviceDomainRequired');
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      if (errors.productCode) setFormError(errors.productCode);
      if (errors.quantity) quantityRef.current?.focus();
      return;
    }
    setFieldErrors({});
    addLine.mutate(parsed.data, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: t('catalog.added', { quantity: parsed.data.quantity, product: product.name }),
          autoClose: 5000,
        }),
      onError: (error) => {
        // The account is no longer the one open in this session: the app says so and refreshes.
        if (isHandledGlobally(error)) return;
        const placed = placeApiError(t, i18n.language, error, FIELDS);
        setFieldErrors(placed.fieldErrors);
        setFormError(placed.formError);
      },
    });
  };

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
            {formError ? (
              <Alert color="red" variant="light">
                {formError}
              </Alert>
            ) : null}
            <Group align="flex-start" gap="lg">
              <NumberInput
                ref={quantityRef}
                label={t('catalog.quantity')}
                value={quantity}
                onChange={quantityChange}
                onKeyDown={quantityKeyDown}
                onPasteCapture={quantityPaste}
                min={1}
                max={MAX_QUANTITY}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                inputMode="numeric"
                error={fieldErrors.quantity}
                w={220}
              />
              <Radio.Group
                label={t('catalog.duration')}
                description={t('catalog.durationHint')}
                value={termYears}
                onChange={(value) => setTermYears(value === '2' ? '2' : '1')}
                error={fieldErrors.termYears}
                maw={280}
              >
                <Group gap="md" mt={6}>
                  <Radio value="1" label={t('catalog.oneYear')} />
                  <Radio value="2" label={t('catalog.twoYears')} />
                </Group>
              </Radio.Group>
              {product.requiresServiceDomain ? (
                <TextInput
                  label={t('catalog.serviceDomain')}
                  description={t('catalog.serviceDomainHint')}
                  placeholder={t('catalog.serviceDomainPlaceholder')}
                  value={serviceDomain}
                  onChange={(event) => setServiceDomain(event.currentTarget.value)}
                  error={fieldErrors.serviceDomain}
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
