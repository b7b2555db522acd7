import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { CreateQuoteRequest } from '../../../../contract/index.ts';
import { placeApiError, zodFieldErrors } from '../../i18n/errors.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useCart } from '../cart/api.ts';
import { useCreateQuote } from './api.ts';

const FIELD_PATHS = [
  'billingAddress.companyName',
  'billingAddress.addressLine1',
  'billingAddress.addressLine2',
  'billingAddress.city',
  'billingAddress.postalCode',
  'billingAddress.country',
  'billingAddress.vatId',
  'endUser.name',
  'endUser.email',
  'endUser.company',
  'poNumber',
] as const;
type FieldPath = (typeof FIELD_PATHS)[number];
type Values = Record<FieldPath, string>;

interface FieldConfig {
  path: FieldPath;
  label: string;
  optional?: boolean;
  autoComplete?: string;
  type?: 'text' | 'email';
  description?: string;
  maxLength?: number;
}

const fieldId = (path: FieldPath) => `quote-${path.replace('.', '-')}`;

function toRequest(values: Values): z.input<typeof CreateQuoteRequest> {
  return {
    billingAddress: {
      companyName: values['billingAddress.companyName'],
      addressLine1: values['billingAddress.addressLine1'],
      addressLine2: values['billingAddress.addressLine2'],
      city: values['billingAddress.city'],
      postalCode: values['billingAddress.postalCode'],
      country: values['billingAddress.country'],
      vatId: values['billingAddress.vatId'],
    },
    endUser: {
      name: values['endUser.name'],
      email: values['endUser.email'].trim(),
      company: values['endUser.company'],
    },
    poNumber: values.poNumber,
  };
}

/** Get Quote: the cart read-only, billing address and end user, then Create quote (SPEC §7). */
export function NewQuotePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const account = session.openAccount;
  const cart = useCart(account?.customerId ?? null);
  const createQuote = useCreateQuote();
  const [values, setValues] = useState<Values>(() => ({
    'billingAddress.companyName': session.partner.name,
    'billingAddress.addressLine1': '',
    'billingAddress.addressLine2': '',
    'billingAddress.city': '',
    'billingAddress.postalCode': '',
    'billingAddress.country': /^[A-Z]{2}$/.test(session.partner.country) ? session.partner.country : '',
    'billingAddress.vatId': '',
    'endUser.name': '',
    'endUser.email': '',
    'endUser.company': account?.name ?? '',
    poNumber: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const title = (
    <Title order={1} size="h2">
      {t('quoteForm.title')}
    </Title>
  );

  if (!account) {
    return (
      <Stack gap="md">
        {title}
        <EmptyState
          title={t('catalog.noAccountTitle')}
          action={
            <Anchor component={Link} to="/">
              {t('catalog.findCustomer')}
            </Anchor>
          }
        >
          {t('quoteForm.noAccount')}
        </EmptyState>
      </Stack>
    );
  }

  if (createQuote.isSuccess) return <LoadingState label={t('quoteForm.opening')} />;

  const focusFirstError = (found: Partial<Record<string, string>>) => {
    const first = FIELD_PATHS.find((path) => found[path]);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = CreateQuoteRequest.safeParse(toRequest(values));
    if (!parsed.success) {
      const found = zodFieldErrors(t, parsed.error);
      setErrors(found);
      setFormError(t('quoteForm.fixErrors'));
      focusFirstError(found);
      return;
    }
    setErrors({});
    const body: CreateQuoteRequest = parsed.data;
    createQuote.mutate(body, {
      onSuccess: (quote) => {
        notifications.show({ color: 'teal', message: t('quoteForm.created', { number: quote.quoteNumber }) });
        void navigate(`/quotes/${encodeURIComponent(quote.quoteNumber)}`);
      },
      onError: (error) => {
        const placed = placeApiError(t, i18n.language, error, FIELD_PATHS);
        setErrors(placed.fieldErrors);
        setFormError(placed.formError ?? t('quoteForm.fixErrors'));
        focusFirstError(placed.fieldErrors);
      },
    });
  };

  const input = (field: FieldConfig) => (
    <TextInput
      key={field.path}
      id={fieldId(field.path)}
      label={t(field.label)}
      description={field.description ?? (field.optional ? t('common.optional') : undefined)}
      type={field.type ?? 'text'}
      autoComplete={field.autoComplete ?? 'off'}
      maxLength={field.maxLength}
      value={values[field.path]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((previous) => ({ ...previous, [field.path]: value }));
        // A corrected field stops showing its old error; the rest stay until the next submit.
        setErrors((previous) => (previous[field.path] ? { ...previous, [field.path]: undefined } : previous));
      }}
      error={errors[field.path]}
    />
  );

  const billing: FieldConfig[] = [
    { path: 'billingAddress.companyName', label: 'quoteForm.companyName', autoComplete: 'organization' },
    { path: 'billingAddress.addressLine1', label: 'quoteForm.addressLine1', autoComplete: 'address-line1' },
    {
      path: 'billingAddress.addressLine2',
      label: 'quoteForm.addressLine2',
      autoComplete: 'address-line2',
      optional: true,
    },
    { path: 'billingAddress.city', label: 'quoteForm.city', autoComplete: 'address-level2' },
    { path: 'billingAddress.postalCode', label: 'quoteForm.postalCode', autoComplete: 'postal-code' },
    {
      path: 'billingAddress.country',
      label: 'quoteForm.country',
      autoComplete: 'country',
      description: t('quoteForm.countryHint'),
      maxLength: 2,
    },
    { path: 'billingAddress.vatId', label: 'quoteForm.vatId', optional: true },
  ];
  const endUser: FieldConfig[] = [
    { path: 'endUser.name', label: 'quoteForm.endUserName' },
    { path: 'endUser.email', label: 'quoteForm.endUserEmail', type: 'email' },
    { path: 'endUser.company', label: 'quoteForm.endUserCompany', optional: true },
  ];

  return (
    <Stack gap="lg">
      <div>
        {title}
        <Text c="dimmed">{t('quoteForm.intro')}</Text>
        <Text size="sm" mt={4}>
          {t('catalog.forAccount', { name: account.name, customerId: account.customerId })}
        </Text>
      </div>
      <Stack gap="xs" component="section" aria-labelledby="quote-lines-heading">
        <Title order={2} size="h4" id="quote-lines-heading">
          {t('quoteForm.linesHeading')}
        </Title>
        {cart.isPending ? (
          <LoadingState label={t('cart.loading')} />
        ) : cart.isError ? (
          <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />
        ) : cart.data.lines.length === 0 ? (
          <EmptyState
            action={
              <Anchor component={Link} to="/catalog">
                {t('quoteForm.goToCatalog')}
              </Anchor>
            }
          >
            {t('quoteForm.emptyCart')}
          </EmptyState>
        ) : (
          <LinesTable lines={cart.data.lines} totals={cart.data.totals} currency={cart.data.currency} />
        )}
      </Stack>
      {cart.data && cart.data.lines.length > 0 ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Fieldset legend={t('quoteForm.billingSection')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
                {billing.map(input)}
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('quoteForm.endUserSection')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
                {endUser.map(input)}
              </SimpleGrid>
            </Fieldset>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {input({ path: 'poNumber', label: 'quoteForm.poNumber', optional: true })}
            </SimpleGrid>
            {formError ? (
              <Alert color="red" variant="light">
                {formError}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={createQuote.isPending}>
                {t('quoteForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
