import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { CreateQuoteRequest, countryCodes } from '../../../../contract/index.ts';
import { countryOptions } from '../../i18n/countries.ts';
import { isHandledGlobally, placeApiError, zodFieldErrors } from '../../i18n/errors.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useCart } from '../cart/api.ts';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
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
}

const fieldId = (path: FieldPath) => `quote-${path.replace('.', '-')}`;

const isCountryCode = (code: string) => (countryCodes as readonly string[]).includes(code);

function toRequest(customerId: string, values: Values): z.input<typeof CreateQuoteRequest> {
  return {
    customerId,
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

/**
 * Get Quote: the cart read-only, billing address and end user, then Create quote (SPEC §7). The
 * quote is for the account the page shows; if another tab has opened another account since, the
 * server refuses it and the app shows the account that is open now.
 */
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
    'billingAddress.country': isCountryCode(session.partner.country) ? session.partner.country : '',
    'billingAddress.vatId': '',
    'endUser.name': '',
    'endUser.email': '',
    'endUser.company': account?.name ?? '',
    poNumber: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  // The open account changed (another tab): the licensee company still showing the previous
  // account's name follows the account now shown.
  const accountName = account?.name ?? '';
  const previousAccountName = useRef(accountName);
  useEffect(() => {
    const previous = previousAccountName.current;
    previousAccountName.current = accountName;
    if (previous === accountName) return;
    setValues((current) =>
      current['endUser.company'] === previous ? { ...current, 'endUser.company': accountName } : current,
    );
  }, [accountName]);

  const title = <PageTitle>{t('quoteForm.title')}</PageTitle>;

  if (!account) return <NoOpenAccount title={t('quoteForm.title')}>{t('quoteForm.noAccount')}</NoOpenAccount>;

  if (createQuote.isSuccess) return <LoadingState label={t('quoteForm.opening')} />;

  const focusFirstError = (found: Partial<Record<string, string>>) => {
    const first = FIELD_PATHS.find((path) => found[path]);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = CreateQuoteRequest.safeParse(toRequest(account.customerId, values));
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
        notifications.show({
          color: 'teal',
          message: t('quoteForm.created', { number: quote.quoteNumber }),
          autoClose: 5000,
        });
        void navigate(`/quotes/${encodeURIComponent(quote.quoteNumber)}`);
      },
      onError: (error) => {
        // The account is no longer the one open in this session: the app says so and refreshes.
        if (isHandledGlobally(error)) return;
        const placed = placeApiError(t, i18n.language, error, FIELD_PATHS);
        setErrors(placed.fieldErrors);
        setFormError(placed.formError ?? t('quoteForm.fixErrors'));
        focusFirstError(placed.fieldErrors);
      },
    });
  };

  const setValue = (path: FieldPath, value: string) => {
    setValues((previous) => ({ ...previous, [path]: value }));
    // A corrected field stops showing its old error; the rest stay until the next submit.
    setErrors((previous) => (previous[path] ? { ...previous, [path]: undefined } : previous));
  };

  const input = (field: FieldConfig) => (
    <TextInput
      key={field.path}
      id={fieldId(field.path)}
      label={t(field.label)}
      description={field.description ?? (field.optional ? t('common.optional') : undefined)}
      type={field.type ?? 'text'}
      autoComplete={field.autoComplete ?? 'off'}
      value={values[field.path]}
      onChange={(event) => setValue(field.path, event.currentTarget.value)}
      error={errors[field.path]}
    />
  );

  // A searchable list of the contract's countries, named in the user's language.
  const countrySelect = (
    <Select
      key="billingAddress.country"
      id={fieldId('billingAddress.country')}
      label={t('quoteForm.country')}
      placeholder={t('quoteForm.countryPlaceholder')}
      nothingFoundMessage={t('quoteForm.countryNothingFound')}
      data={countries}
      value={values['billingAddress.country'] || null}
      onChange={(value) => setValue('billingAddress.country', value ?? '')}
      searchable
      allowDeselect={false}
      autoComplete="off"
      maxDropdownHeight={280}
      error={errors['billingAddress.country']}
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
        <Anchor component={Link} to="/catalog" size="sm">
          {t('quoteForm.backToCart')}
        </Anchor>
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
                {billing.map((field) =>
                  field.path === 'billingAddress.vatId' ? [countrySelect, input(field)] : input(field),
                )}
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
